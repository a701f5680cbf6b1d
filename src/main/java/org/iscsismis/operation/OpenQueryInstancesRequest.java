package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 OpenQueryInstances: Opens a pulled enumeration of query results.
 *
 * <p>DSP0200 defaults (applied by {@link #builder}): ReturnQueryResultClass: false; OperationTimeout: NULL (seconds; null = server default, 0 = never); ContinueOnError: false; MaxObjectCount: 0.
 *
 * @param namespace the target namespace
 * @param filterQueryLanguage FilterQueryLanguage (required)
 * @param filterQuery FilterQuery (required)
 * @param returnQueryResultClass ReturnQueryResultClass: false
 * @param operationTimeout OperationTimeout: NULL (seconds; null = server default, 0 = never)
 * @param continueOnError ContinueOnError: false
 * @param maxObjectCount MaxObjectCount: 0
 */
public record OpenQueryInstancesRequest(CimNamespace namespace, String filterQueryLanguage, String filterQuery,
                                        boolean returnQueryResultClass, Long operationTimeout,
                                        boolean continueOnError, long maxObjectCount) implements OpenRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "OpenQueryInstances";

    public OpenQueryInstancesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(filterQueryLanguage, "FilterQueryLanguage must not be null");
        Objects.requireNonNull(filterQuery, "FilterQuery must not be null");
        Requests.checkOpenParameters(operationTimeout, maxObjectCount);
    }

    @Override
    public String operationName() {
        return NAME;
    }

    /** A builder holding the DSP0200 defaults for every optional parameter. */
    public static Builder builder(CimNamespace namespace, String filterQueryLanguage, String filterQuery) {
        return new Builder(namespace, filterQueryLanguage, filterQuery);
    }

    /** The request with every optional parameter at its DSP0200 default. */
    public static OpenQueryInstancesRequest of(CimNamespace namespace, String filterQueryLanguage, String filterQuery) {
        return new Builder(namespace, filterQueryLanguage, filterQuery).build();
    }

    /** Builds a {@link OpenQueryInstancesRequest}; starts from the DSP0200 defaults. */
    public static final class Builder {
        private final CimNamespace namespace;
        private final String filterQueryLanguage;
        private final String filterQuery;
        private boolean returnQueryResultClass = false;
        private Long operationTimeout = null;
        private boolean continueOnError = false;
        private long maxObjectCount = 0L;

        private Builder(CimNamespace namespace, String filterQueryLanguage, String filterQuery) {
            this.namespace = namespace;
            this.filterQueryLanguage = filterQueryLanguage;
            this.filterQuery = filterQuery;
        }

        /** ReturnQueryResultClass: false. */
        public Builder returnQueryResultClass(boolean value) {
            this.returnQueryResultClass = value;
            return this;
        }

        /** OperationTimeout: NULL (seconds; null = server default, 0 = never). */
        public Builder operationTimeout(Long value) {
            this.operationTimeout = value;
            return this;
        }

        /** ContinueOnError: false. */
        public Builder continueOnError(boolean value) {
            this.continueOnError = value;
            return this;
        }

        /** MaxObjectCount: 0. */
        public Builder maxObjectCount(long value) {
            this.maxObjectCount = value;
            return this;
        }

        public OpenQueryInstancesRequest build() {
            return new OpenQueryInstancesRequest(namespace, filterQueryLanguage, filterQuery, returnQueryResultClass, operationTimeout, continueOnError, maxObjectCount);
        }
    }
}
