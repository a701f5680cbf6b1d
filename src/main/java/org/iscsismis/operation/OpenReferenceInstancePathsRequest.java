package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 OpenReferenceInstancePaths: Opens a pulled enumeration of the paths of referencing association instances.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): ResultClass: NULL; Role: NULL; FilterQueryLanguage: NULL; FilterQuery: NULL; OperationTimeout: NULL (seconds; null = server default, 0 = never); ContinueOnError: false; MaxObjectCount: 0.
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required; an instance path)
 * @param resultClass ResultClass: NULL
 * @param role Role: NULL
 * @param filterQueryLanguage FilterQueryLanguage: NULL
 * @param filterQuery FilterQuery: NULL
 * @param operationTimeout OperationTimeout: NULL (seconds; null = server default, 0 = never)
 * @param continueOnError ContinueOnError: false
 * @param maxObjectCount MaxObjectCount: 0
 */
public record OpenReferenceInstancePathsRequest(CimNamespace namespace, ObjectPath instanceName,
                                                CimName resultClass, CimName role, String filterQueryLanguage,
                                                String filterQuery, Long operationTimeout,
                                                boolean continueOnError, long maxObjectCount) implements OpenRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "OpenReferenceInstancePaths";

    public OpenReferenceInstancePathsRequest {
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
    public static OpenReferenceInstancePathsRequest of(CimNamespace namespace, ObjectPath instanceName) {
        return new Builder(namespace, instanceName).build();
    }

    /** Builds a {@link OpenReferenceInstancePathsRequest}; starts from the DSP0200 defaults. */
    public static final class Builder extends OpenRequestBuilder<Builder> {
        private final CimNamespace namespace;
        private final ObjectPath instanceName;
        private CimName resultClass = null;
        private CimName role = null;

        private Builder(CimNamespace namespace, ObjectPath instanceName) {
            this.namespace = namespace;
            this.instanceName = instanceName;
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

        @Override
        protected Builder self() {
            return this;
        }

        public OpenReferenceInstancePathsRequest build() {
            return new OpenReferenceInstancePathsRequest(namespace, instanceName, resultClass, role, filterQueryLanguage, filterQuery, operationTimeout, continueOnError, maxObjectCount);
        }
    }
}
