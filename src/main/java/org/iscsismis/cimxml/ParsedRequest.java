package org.iscsismis.cimxml;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;

/**
 * A decoded request message. Exactly one of {@code request} and {@code error} is set: {@code error} is a
 * CIM-level problem found while decoding parameters (answered as an ERROR inside a 200 response).
 *
 * @param namespace  the target namespace as the client wrote it (the request carries its canonical name)
 * @param objectPath for extrinsic calls, the local class or instance path the method is invoked on, as the client
 *                   wrote it; else null
 * @param host       the host the client addressed (the HTTP transport's {@code Host}), which full paths in the
 *                   answer carry; null when unknown
 */
public record ParsedRequest(String messageId, String protocolVersion, String methodName, boolean intrinsic,
                            CimNamespace namespace, ObjectPath objectPath, CimRequest request, CimException error,
                            String host) {

    /** A message as decoded from its body: the host is the transport's to add ({@link #withHost}). */
    public ParsedRequest(String messageId, String protocolVersion, String methodName, boolean intrinsic,
                         CimNamespace namespace, ObjectPath objectPath, CimRequest request, CimException error) {
        this(messageId, protocolVersion, methodName, intrinsic, namespace, objectPath, request, error, null);
    }

    /** This message as addressed to {@code addressedHost}. */
    public ParsedRequest withHost(String addressedHost) {
        return new ParsedRequest(messageId, protocolVersion, methodName, intrinsic, namespace, objectPath, request, error,
                addressedHost);
    }
}
