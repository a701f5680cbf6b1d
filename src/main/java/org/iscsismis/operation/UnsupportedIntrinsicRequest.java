package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;

/**
 * An {@code IMETHODCALL} whose name is not an operation this server knows; the dispatcher
 * answers CIM_ERR_NOT_SUPPORTED.
 *
 * @param namespace  the target namespace
 * @param methodName the name as sent
 */
public record UnsupportedIntrinsicRequest(CimNamespace namespace, String methodName) implements CimRequest {

    public UnsupportedIntrinsicRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(methodName, "methodName must not be null");
    }

    @Override
    public String operationName() {
        return methodName;
    }
}
