package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 OpenAssociatorInstancePaths: Opens a pulled enumeration of the paths of associated instances.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): AssocClass: NULL; ResultClass: NULL; Role: NULL; ResultRole: NULL; FilterQueryLanguage: NULL; FilterQuery: NULL; OperationTimeout: NULL (seconds; null = server default, 0 = never); ContinueOnError: false; MaxObjectCount: 0.
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required; an instance path)
 * @param assocClass AssocClass: NULL
 * @param resultClass ResultClass: NULL
 * @param role Role: NULL
 * @param resultRole ResultRole: NULL
 * @param filterQueryLanguage FilterQueryLanguage: NULL
 * @param filterQuery FilterQuery: NULL
 * @param operationTimeout OperationTimeout: NULL (seconds; null = server default, 0 = never)
 * @param continueOnError ContinueOnError: false
 * @param maxObjectCount MaxObjectCount: 0
 */
public record OpenAssociatorInstancePathsRequest(CimNamespace namespace, ObjectPath instanceName,
                                                 CimName assocClass, CimName resultClass, CimName role,
                                                 CimName resultRole, String filterQueryLanguage,
                                                 String filterQuery, Long operationTimeout,
                                                 boolean continueOnError, long maxObjectCount) implements OpenRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "OpenAssociatorInstancePaths";

    public OpenAssociatorInstancePathsRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(instanceName, "InstanceName must not be null");
        Requests.checkOpenParameters(operationTimeout, maxObjectCount);
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, ObjectPath instanceName) {
        return new Builder(namespace, instanceName);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static OpenAssociatorInstancePathsRequest of(CimNamespace namespace, ObjectPath instanceName) {
        return new Builder(namespace, instanceName).build();
    }

    /** Builds a {@link OpenAssociatorInstancePathsRequest}; starts from the DSP0200 defaults. */
    public static final class Builder extends OpenRequestBuilder<Builder> {
        private final CimNamespace namespace;
        private final ObjectPath instanceName;
        private CimName assocClass = null;
        private CimName resultClass = null;
        private CimName role = null;
        private CimName resultRole = null;

        private Builder(CimNamespace namespace, ObjectPath instanceName) {
            this.namespace = namespace;
            this.instanceName = instanceName;
        }

        /** AssocClass: NULL. */
        public Builder assocClass(CimName value) {
            this.assocClass = value;
            return this;
        }

        /** ResultClass: NULL. */
        public Builder resultClass(CimName value) {
            this.resultClass = value;
            return this;
        }

        /** Role: NULL. */
        public Builder role(CimName value) {
            this.role = value;
            return this;
        }

        /** ResultRole: NULL. */
        public Builder resultRole(CimName value) {
            this.resultRole = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public OpenAssociatorInstancePathsRequest build() {
            return new OpenAssociatorInstancePathsRequest(namespace, instanceName, assocClass, resultClass, role, resultRole, filterQueryLanguage, filterQuery, operationTimeout, continueOnError, maxObjectCount);
        }
    }
}
