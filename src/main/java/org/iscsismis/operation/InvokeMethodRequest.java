package org.iscsismis.operation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * An extrinsic method call (CIM-XML {@code METHODCALL}): DSP0200 InvokeMethod.
 *
 * @param namespace  the namespace of the target
 * @param objectName the target: an instance path ({@code LOCALINSTANCEPATH}) or, for static
 *                   methods, a class path ({@code LOCALCLASSPATH})
 * @param methodName the method name
 * @param parameters the IN parameters supplied (absent parameters are NULL); names unique
 */
public record InvokeMethodRequest(CimNamespace namespace, ObjectPath objectName, CimName methodName,
                                  List<ParamValue> parameters) implements CimRequest {

    public InvokeMethodRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(objectName, "objectName must not be null");
        Objects.requireNonNull(methodName, "methodName must not be null");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters must not be null"));
        Set<CimName> seen = new HashSet<>();
        for (ParamValue p : parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("Duplicate parameter " + p.name() + " in call of " + methodName);
            }
        }
    }

    /** The method name (the CIMMethod header value). */
    @Override
    public String operationName() {
        return methodName.toString();
    }

    /** The parameter {@code name} (case-insensitive), or null if the client did not send it. */
    public ParamValue parameter(CimName name) {
        for (ParamValue p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    public ParamValue parameter(String name) {
        return CimName.isValid(name) ? parameter(CimName.of(name)) : null;
    }
}
