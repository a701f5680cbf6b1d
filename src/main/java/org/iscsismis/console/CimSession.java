package org.iscsismis.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ParamValue;

/**
 * The CIM operations one console request makes, built as {@code operation} records and run through
 * {@link CimOperations} like a client's. Classes are read once per session (for value names).
 */
final class CimSession {

    private final CimOperations operations;
    private final Map<String, CimClass> classes = new HashMap<>();

    CimSession(CimOperations operations) {
        this.operations = operations;
    }

    /** EnumerateInstances of {@code className} and its subclasses, LocalOnly false, every property. */
    void enumerateInstances(CimNamespace ns, CimName className, Consumer<CimInstance> each) {
        operations.execute(EnumerateInstancesRequest.builder(ns, className).localOnly(false).build(), Sinks.instances(each));
    }

    /** Associators of {@code source} through {@code assocClass} that are of {@code resultClass}. */
    void associators(CimNamespace ns, ObjectPath source, CimName assocClass, CimName resultClass, Consumer<CimInstance> each) {
        operations.execute(AssociatorsRequest.builder(ns, source).assocClass(assocClass).resultClass(resultClass).build(),
                Sinks.instances(each));
    }

    /** EnumerateInstanceNames of {@code className}, each path in {@code ns}. */
    List<ObjectPath> instanceNames(CimNamespace ns, CimName className) {
        List<ObjectPath> names = new ArrayList<>();
        operations.execute(new EnumerateInstanceNamesRequest(ns, className),
                Sinks.names(p -> names.add(InstanceJson.normalized(p, ns))));
        return names;
    }

    /** GetClass with everything inherited and every qualifier (ValueMap and Values included). */
    CimClass cimClass(CimNamespace ns, CimName className) {
        String key = ns.folded() + ':' + className.folded();
        CimClass known = classes.get(key);
        if (known != null) {
            return known;
        }
        CimClass[] answer = new CimClass[1];
        operations.execute(GetClassRequest.builder(ns, className).localOnly(false).includeQualifiers(true).build(),
                Sinks.classes(c -> answer[0] = c));
        classes.put(key, answer[0]);
        return answer[0];
    }

    /** The class of an instance for its value names, or null when the user may not read it. */
    CimClass declarationOf(CimNamespace ns, CimName className) {
        try {
            return cimClass(ns, className);
        } catch (CimException e) {
            return null;
        }
    }

    /** What an extrinsic method answered. */
    record MethodAnswer(CimValue returnValue, List<ParamValue> outParameters) {

        /** The OUT parameter {@code name}, or null. */
        CimValue out(String name) {
            for (ParamValue p : outParameters) {
                if (p.name().matches(name)) {
                    return p.value();
                }
            }
            return null;
        }
    }

    MethodAnswer invokeMethod(CimNamespace ns, ObjectPath target, CimName method, List<ParamValue> in) {
        MethodAnswer[] answer = new MethodAnswer[1];
        operations.execute(new InvokeMethodRequest(ns, target.withNamespace(null).withHost(null), method, in),
                Sinks.methodResult((value, out) -> answer[0] = new MethodAnswer(value, List.copyOf(out))));
        return answer[0];
    }
}
