package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 OpenAssociatorInstances: Opens a pulled enumeration of associated instances.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): AssocClass: NULL; ResultClass: NULL; Role: NULL; ResultRole: NULL; IncludeClassOrigin: false; PropertyList: NULL (null = all properties; empty = none); FilterQueryLanguage: NULL; FilterQuery: NULL; OperationTimeout: NULL (seconds; null = server default, 0 = never); ContinueOnError: false; MaxObjectCount: 0.
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required; an instance path)
 * @param assocClass AssocClass: NULL
 * @param resultClass ResultClass: NULL
 * @param role Role: NULL
 * @param resultRole ResultRole: NULL
 * @param includeClassOrigin IncludeClassOrigin: false
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 * @param filterQueryLanguage FilterQueryLanguage: NULL
 * @param filterQuery FilterQuery: NULL
 * @param operationTimeout OperationTimeout: NULL (seconds; null = server default, 0 = never)
 * @param continueOnError ContinueOnError: false
 * @param maxObjectCount MaxObjectCount: 0
 */
public record OpenAssociatorInstancesRequest(CimNamespace namespace, ObjectPath instanceName, CimName assocClass,
                                             CimName resultClass, CimName role, CimName resultRole,
                                             boolean includeClassOrigin, List<CimName> propertyList,
                                             String filterQueryLanguage, String filterQuery,
                                             Long operationTimeout, boolean continueOnError, long maxObjectCount) implements OpenRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "OpenAssociatorInstances";

    public OpenAssociatorInstancesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(instanceName, "InstanceName must not be null");
        propertyList = propertyList == null ? null : List.copyOf(propertyList);
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
    public static OpenAssociatorInstancesRequest of(CimNamespace namespace, ObjectPath instanceName) {
        return new Builder(namespace, instanceName).build();
    }

    /** Builds a {@link OpenAssociatorInstancesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder extends OpenRequestBuilder<Builder> {
        private final CimNamespace namespace;
        private final ObjectPath instanceName;
        private CimName assocClass = null;
        private CimName resultClass = null;
        private CimName role = null;
        private CimName resultRole = null;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

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

        /** IncludeClassOrigin: false. */
        public Builder includeClassOrigin(boolean value) {
            this.includeClassOrigin = value;
            return this;
        }

        /** PropertyList: NULL (null = all properties; empty = none). */
        public Builder propertyList(List<CimName> value) {
            this.propertyList = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public OpenAssociatorInstancesRequest build() {
            return new OpenAssociatorInstancesRequest(namespace, instanceName, assocClass, resultClass, role, resultRole, includeClassOrigin, propertyList, filterQueryLanguage, filterQuery, operationTimeout, continueOnError, maxObjectCount);
        }
    }
}
