package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 OpenReferenceInstances: Opens a pulled enumeration of referencing association instances.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): ResultClass: NULL; Role: NULL; IncludeClassOrigin: false; PropertyList: NULL (null = all properties; empty = none); FilterQueryLanguage: NULL; FilterQuery: NULL; OperationTimeout: NULL (seconds; null = server default, 0 = never); ContinueOnError: false; MaxObjectCount: 0.
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required; an instance path)
 * @param resultClass ResultClass: NULL
 * @param role Role: NULL
 * @param includeClassOrigin IncludeClassOrigin: false
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 * @param filterQueryLanguage FilterQueryLanguage: NULL
 * @param filterQuery FilterQuery: NULL
 * @param operationTimeout OperationTimeout: NULL (seconds; null = server default, 0 = never)
 * @param continueOnError ContinueOnError: false
 * @param maxObjectCount MaxObjectCount: 0
 */
public record OpenReferenceInstancesRequest(CimNamespace namespace, ObjectPath instanceName, CimName resultClass,
                                            CimName role, boolean includeClassOrigin, List<CimName> propertyList,
                                            String filterQueryLanguage, String filterQuery, Long operationTimeout,
                                            boolean continueOnError, long maxObjectCount) implements OpenRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "OpenReferenceInstances";

    public OpenReferenceInstancesRequest {
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
    public static OpenReferenceInstancesRequest of(CimNamespace namespace, ObjectPath instanceName) {
        return new Builder(namespace, instanceName).build();
    }

    /** Builds a {@link OpenReferenceInstancesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder extends OpenRequestBuilder<Builder> {
        private final CimNamespace namespace;
        private final ObjectPath instanceName;
        private CimName resultClass = null;
        private CimName role = null;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

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

        public OpenReferenceInstancesRequest build() {
            return new OpenReferenceInstancesRequest(namespace, instanceName, resultClass, role, includeClassOrigin, propertyList, filterQueryLanguage, filterQuery, operationTimeout, continueOnError, maxObjectCount);
        }
    }
}
