package org.iscsismis.client;

/** A request that got no CIM answer: the server is unreachable, refused it at the HTTP level, or answered garbage. */
public final class CimClientException extends RuntimeException {

    public CimClientException(String message) {
        super(message);
    }

    public CimClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
