package org.iscsismis.operation;

/**
 * The parameters every pull-operation opener shares, with their DSP0200 defaults, for the builders
 * of the {@link OpenRequest} records (FilterQueryLanguage and FilterQuery NULL, OperationTimeout NULL,
 * ContinueOnError false, MaxObjectCount 0).
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
public abstract class OpenRequestBuilder<B extends OpenRequestBuilder<B>> {

    protected String filterQueryLanguage = null;
    protected String filterQuery = null;
    protected Long operationTimeout = null;
    protected boolean continueOnError = false;
    protected long maxObjectCount = 0L;

    protected abstract B self();

    /** FilterQueryLanguage: NULL. */
    public B filterQueryLanguage(String value) {
        this.filterQueryLanguage = value;
        return self();
    }

    /** FilterQuery: NULL. */
    public B filterQuery(String value) {
        this.filterQuery = value;
        return self();
    }

    /** OperationTimeout: NULL (seconds; null = server default, 0 = never). */
    public B operationTimeout(Long value) {
        this.operationTimeout = value;
        return self();
    }

    /** ContinueOnError: false. */
    public B continueOnError(boolean value) {
        this.continueOnError = value;
        return self();
    }

    /** MaxObjectCount: 0. */
    public B maxObjectCount(long value) {
        this.maxObjectCount = value;
        return self();
    }
}
