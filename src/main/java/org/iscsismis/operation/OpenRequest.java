package org.iscsismis.operation;

/** The pull-operation openers (DSP0200 1.3+), with their shared parameters. */
public sealed interface OpenRequest extends CimRequest permits OpenEnumerateInstancesRequest,
        OpenEnumerateInstancePathsRequest, OpenAssociatorInstancesRequest, OpenAssociatorInstancePathsRequest,
        OpenReferenceInstancesRequest, OpenReferenceInstancePathsRequest, OpenQueryInstancesRequest {

    /** FilterQueryLanguage, or null (e.g. {@code DMTF:FQL}). */
    String filterQueryLanguage();

    /** FilterQuery, or null. */
    String filterQuery();

    /** OperationTimeout in seconds; null = server default, 0 = never time out. */
    Long operationTimeout();

    /** ContinueOnError. */
    boolean continueOnError();

    /** MaxObjectCount (uint32): the most items the open may return; 0 just opens. */
    long maxObjectCount();
}
