package org.iscsismis.operation;

/** An operation on an open enumeration: the pulls, CloseEnumeration and EnumerationCount. */
public sealed interface EnumerationContextRequest extends CimRequest
        permits PullRequest, CloseEnumerationRequest, EnumerationCountRequest {

    /** The opaque EnumerationContext string the server handed out. */
    String enumerationContext();
}
