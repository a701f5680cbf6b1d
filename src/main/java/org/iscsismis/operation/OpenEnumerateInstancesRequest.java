package org.iscsismis.operation;

import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 OpenEnumerateInstances: Opens a pulled enumeration of instances with paths.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): DeepInheritance: true; IncludeClassOrigin: false; PropertyList: NULL (null = all properties; empty = none); FilterQueryLanguage: NULL; FilterQuery: NULL; OperationTimeout: NULL (seconds; null = server default, 0 = never); ContinueOnError: false; MaxObjectCount: 0.
 *
 * @param namespace the target namespace
 * @param className ClassName (required)
 * @param deepInheritance DeepInheritance: true
 * @param includeClassOrigin IncludeClassOrigin: false
 * @param propertyList PropertyList: NULL (null = all properties; empty = none)
 * @param filterQueryLanguage FilterQueryLanguage: NULL
 * @param filterQuery FilterQuery: NULL
 * @param operationTimeout OperationTimeout: NULL (seconds; null = server default, 0 = never)
 * @param continueOnError ContinueOnError: false
 * @param maxObjectCount MaxObjectCount: 0
 */
public record OpenEnumerateInstancesRequest(CimNamespace namespace, CimName className, boolean deepInheritance,
                                            boolean includeClassOrigin, List<CimName> propertyList,
                                            String filterQueryLanguage, String filterQuery, Long operationTimeout,
                                            boolean continueOnError, long maxObjectCount) implements OpenRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "OpenEnumerateInstances";

    public OpenEnumerateInstancesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "ClassName must not be null");
        propertyList = propertyList == null ? null : List.copyOf(propertyList);
        Requests.checkOpenParameters(operationTimeout, maxObjectCount);
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, CimName className) {
        return new Builder(namespace, className);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static OpenEnumerateInstancesRequest of(CimNamespace namespace, CimName className) {
        return new Builder(namespace, className).build();
    }

    /** Builds a {@link OpenEnumerateInstancesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder extends OpenRequestBuilder<Builder> {
        private final CimNamespace namespace;
        private final CimName className;
        private boolean deepInheritance = true;
        private boolean includeClassOrigin = false;
        private List<CimName> propertyList = null;

        private Builder(CimNamespace namespace, CimName className) {
            this.namespace = namespace;
            this.className = className;
        }

        /** DeepInheritance: true. */
        public Builder deepInheritance(boolean value) {
            this.deepInheritance = value;
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

        public OpenEnumerateInstancesRequest build() {
            return new OpenEnumerateInstancesRequest(namespace, className, deepInheritance, includeClassOrigin, propertyList, filterQueryLanguage, filterQuery, operationTimeout, continueOnError, maxObjectCount);
        }
    }
}
