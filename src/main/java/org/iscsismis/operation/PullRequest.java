package org.iscsismis.operation;

/** The three Pull operations; their flavour must match the Open that created the context. */
public sealed interface PullRequest extends EnumerationContextRequest
        permits PullInstancesWithPathRequest, PullInstancePathsRequest, PullInstancesRequest {

    /** MaxObjectCount (uint32, required): the most items to return; 0 only restarts the timer. */
    long maxObjectCount();
}
