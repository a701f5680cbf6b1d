package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 OpenEnumerateInstancePaths: Opens a pulled enumeration of instance paths.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): FilterQueryLanguage: NULL; FilterQuery: NULL; OperationTimeout: NULL (seconds; null = server default, 0 = never); ContinueOnError: false; MaxObjectCount: 0.
 *
 * @param namespace the target namespace
 * @param className ClassName (required)
 * @param filterQueryLanguage FilterQueryLanguage: NULL
 * @param filterQuery FilterQuery: NULL
 * @param operationTimeout OperationTimeout: NULL (seconds; null = server default, 0 = never)
 * @param continueOnError ContinueOnError: false
 * @param maxObjectCount MaxObjectCount: 0
 */
public record OpenEnumerateInstancePathsRequest(CimNamespace namespace, CimName className,
                                                String filterQueryLanguage, String filterQuery,
                                                Long operationTimeout, boolean continueOnError, long maxObjectCount) implements OpenRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "OpenEnumerateInstancePaths";

    public OpenEnumerateInstancePathsRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "ClassName must not be null");
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
    public static OpenEnumerateInstancePathsRequest of(CimNamespace namespace, CimName className) {
        return new Builder(namespace, className).build();
    }

    /** Builds a {@link OpenEnumerateInstancePathsRequest}; starts from the DSP0200 defaults. */
    public static final class Builder extends OpenRequestBuilder<Builder> {
        private final CimNamespace namespace;
        private final CimName className;

        private Builder(CimNamespace namespace, CimName className) {
            this.namespace = namespace;
            this.className = className;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public OpenEnumerateInstancePathsRequest build() {
            return new OpenEnumerateInstancePathsRequest(namespace, className, filterQueryLanguage, filterQuery, operationTimeout, continueOnError, maxObjectCount);
        }
    }
}
