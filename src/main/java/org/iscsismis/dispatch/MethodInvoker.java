package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodProvider;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.Provider;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.ValueCoercion;

/**
 * InvokeMethod (extrinsic methods), with every check done before the provider is called:
 * <ol>
 * <li>the target's class exists (NOT_FOUND: DSP0200 lists no INVALID_CLASS for InvokeMethod);</li>
 * <li>the class declares the method (METHOD_NOT_FOUND);</li>
 * <li>an instance target has exactly the class's keys, typed (INVALID_PARAMETER);</li>
 * <li>every supplied parameter is declared with In, and its value fits the declared type
 *     (INVALID_PARAMETER): untyped values (strings from the codec) are converted; references
 *     must be references (namespace set when missing) to the declared class or a subclass;
 *     embedded instances must arrive decoded (EmbeddedObject attribute) and be of the class the
 *     EmbeddedInstance qualifier names; NULL fits every type;</li>
 * <li>a {@link MethodProvider} serves the class (NOT_SUPPORTED otherwise: "not supported by the
 *     provider of that class", as the issue asks for unimplemented operations).</li>
 * </ol>
 * The return value and OUT parameters are converted to their declared types; an undeclared or
 * non-OUT parameter, or a value that does not fit, is CIM_ERR_FAILED naming the provider.
 */
final class MethodInvoker {

    private final CimRepository repository;
    private final ProviderRegistry registry;
    private final InstanceRouter instances;

    MethodInvoker(CimRepository repository, ProviderRegistry registry, InstanceRouter instances) {
        this.repository = repository;
        this.registry = registry;
        this.instances = instances;
    }

    void invoke(InvokeMethodRequest r, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        ObjectPath target = r.objectName();
        CimClass cls = repository.findClass(ns, target.className());
        if (cls == null) {
            throw new CimException(CimStatus.NOT_FOUND, "Class " + target.className() + " does not exist in namespace " + ns);
        }
        CimMethod method = cls.method(r.methodName());
        if (method == null) {
            throw new CimException(CimStatus.METHOD_NOT_FOUND, "Class " + cls.name() + " has no method " + r.methodName());
        }
        ObjectPath typedTarget = target.isClassPath() ? ObjectPath.forClass(ns, cls.name()) : Paths.normalize(target, cls, ns);
        MethodArguments in = typeInParameters(ns, cls, method, r.parameters());
        Provider p = registry.provider(ns, cls.name());
        if (!(p instanceof MethodProvider mp)) {
            throw new CimException(CimStatus.NOT_SUPPORTED, "No provider runs the methods of class " + cls.name()
                    + " (method " + method.name() + ")");
        }
        String op = "method " + method.name();
        MethodResult result = instances.calls().call(mp, op, cls.name(), () -> mp.invokeMethod(instances.context(ns), typedTarget,
                method.name(), in));
        if (result == null) {
            throw ProviderCalls.contractViolation(mp, op, cls.name(), "returned no MethodResult");
        }
        CimValue ret = typeOut(mp, op, cls, result.returnValue(), method.returnType(), "the return value");
        List<ParamValue> outs = new ArrayList<>(result.outParameters().size());
        for (Map.Entry<CimName, CimValue> e : result.outParameters().entrySet()) {
            CimParameter decl = method.parameter(e.getKey());
            if (decl == null || !decl.isOut()) {
                throw ProviderCalls.contractViolation(mp, op, cls.name(), "returned " + e.getKey() + ", which is not an OUT parameter of "
                        + method.name());
            }
            outs.add(new ParamValue(decl.name(), typeOut(mp, op, cls, e.getValue(), decl.type(), "OUT parameter " + decl.name())));
        }
        sink.methodResult(ret, outs);
    }

    private static CimValue typeOut(Provider p, String op, CimClass cls, CimValue v, CimType declared, String what) {
        try {
            return ValueCoercion.coerce(v, declared, what, CimStatus.FAILED);
        } catch (CimException e) {
            throw ProviderCalls.contractViolation(p, op, cls.name(), e.description());
        }
    }

    private MethodArguments typeInParameters(CimNamespace ns, CimClass cls, CimMethod method, List<ParamValue> given) {
        Map<CimName, CimValue> typed = new LinkedHashMap<>();
        for (ParamValue pv : given) {
            CimParameter decl = method.parameter(pv.name());
            String what = "parameter " + pv.name() + " of method " + cls.name() + "." + method.name();
            if (decl == null) {
                throw invalid("Method " + cls.name() + "." + method.name() + " has no parameter " + pv.name()
                        + " (parameters: " + method.parameters().stream().map(CimParameter::name).toList() + ")");
            }
            if (!decl.isIn()) {
                throw invalid("Parameter " + decl.name() + " of method " + cls.name() + "." + method.name() + " is not an IN parameter");
            }
            typed.put(decl.name(), typeIn(ns, decl, pv, what));
        }
        return MethodArguments.of(typed);
    }

    private CimValue typeIn(CimNamespace ns, CimParameter decl, ParamValue pv, String what) {
        CimType declared = decl.type();
        CimValue v = pv.value();
        if (pv.untyped() || v.isNull()) {
            return CimValue.nullOf(declared);
        }
        if (declared.isReference()) {
            return typeReference(ns, declared, v, what);
        }
        if (declared.isEmbedded()) {
            return typeEmbedded(ns, decl, v, what);
        }
        return ValueCoercion.coerce(v, declared, what, CimStatus.INVALID_PARAMETER);
    }

    private CimValue typeReference(CimNamespace ns, CimType declared, CimValue v, String what) {
        if (!v.type().isReference() || v.type().array() != declared.array()) {
            throw invalid("Value " + v + " does not fit " + what + " of type " + declared);
        }
        List<Object> out = new ArrayList<>();
        for (Object o : declared.array() ? v.values() : List.of(v.value())) {
            if (o == null) {
                out.add(null);
                continue;
            }
            ObjectPath path = Paths.inNamespace((ObjectPath) o, ns);
            CimName refClass = declared.referenceClass();
            if (refClass != null && repository.hasNamespace(path.namespace()) && repository.hasClass(path.namespace(), refClass)
                    && !repository.isSubclassOf(path.namespace(), path.className(), refClass)) {
                throw invalid("Reference " + path + " does not fit " + what + ": " + path.className() + " is not a " + refClass);
            }
            out.add(path);
        }
        return declared.array() ? CimValue.of(declared, out) : CimValue.of(declared, out.get(0));
    }

    private CimValue typeEmbedded(CimNamespace ns, CimParameter decl, CimValue v, String what) {
        CimType declared = decl.type();
        if (!v.type().isEmbedded() || v.type().array() != declared.array()) {
            throw invalid("Value " + v + " does not fit " + what + " of type " + declared
                    + (v.type().kind() == CimType.Kind.STRING ? " (send embedded objects with the EmbeddedObject attribute)" : ""));
        }
        CimQualifier q = decl.qualifier(CimQualifier.Names.EMBEDDED_INSTANCE);
        CimName embeddedClass = q == null || q.value() == null || q.value().isNull() ? null : CimName.of(q.value().asString());
        for (Object o : declared.array() ? v.values() : List.of(v.value())) {
            if (o == null) {
                continue;
            }
            if (declared.kind() == CimType.Kind.INSTANCE && !(o instanceof CimInstance)) {
                throw invalid("Value of " + what + " must be an embedded instance, got " + o.getClass().getSimpleName());
            }
            if (o instanceof CimInstance i && embeddedClass != null && repository.hasClass(ns, embeddedClass)
                    && !repository.isSubclassOf(ns, i.className(), embeddedClass)) {
                throw invalid("Embedded instance of class " + i.className() + " does not fit " + what + " (EmbeddedInstance(\""
                        + embeddedClass + "\"))");
            }
        }
        try {
            return CimValue.of(declared, declared.array() ? v.values() : v.value());
        } catch (IllegalArgumentException e) {
            throw invalid("Value " + v + " does not fit " + what + " of type " + declared + " (" + e.getMessage() + ")");
        }
    }

    private static CimException invalid(String message) {
        return new CimException(CimStatus.INVALID_PARAMETER, message);
    }
}
