package org.iscsismis.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMQualifier;

/**
 * What a class declares itself, as comparable text: one entry per element ("the class", each property, method,
 * parameter, and each qualifier on any of them), keyed by a case-folded path such as
 * {@code property name/qualifier key}. Built from a class the server sent (JSR 48, local-only: elements and
 * qualifiers not propagated) and from a class compiled from MOF (its own declarations), so that two classes can be
 * compared element by element and every difference named.
 *
 * <p>Two things the SBLIM client cannot show are left out on both sides, and {@link DmtfClassesIT} reads them from
 * the raw CIM-XML instead: the order of a method's parameters (the client sorts them by name) and a class's
 * Association qualifier (the client drops it when the class also has a qualifier whose name sorts before it, such
 * as Abstract or Aggregation).
 */
final class ClassShape {

    private static final CimName ASSOCIATION = CimName.of("Association");

    private final Map<String, String> entries = new TreeMap<>();

    private ClassShape() {
    }

    /** The local declarations of a class compiled from MOF. */
    static ClassShape of(CimClass c) {
        ClassShape s = new ClassShape();
        s.put("class", "superclass " + (c.superClassName() == null ? "none" : c.superClassName().toString()));
        c.qualifiers().stream().filter(q -> !q.name().equals(ASSOCIATION))
                .forEach(q -> s.put("class/qualifier " + q.name(), text(q.value())));
        for (CimProperty p : c.properties()) {
            String key = "property " + p.name();
            s.put(key, type(p.type()) + " = " + text(p.value()));
            s.qualifiers(key, p.qualifiers());
        }
        for (CimMethod m : c.methods()) {
            String key = "method " + m.name();
            List<String> params = new ArrayList<>();
            for (CimParameter p : m.parameters()) {
                params.add(p.name() + " " + type(p.type()));
                s.qualifiers(key + "/parameter " + p.name(), p.qualifiers());
            }
            params.sort(String.CASE_INSENSITIVE_ORDER);
            s.put(key, type(m.returnType()) + " " + params);
            s.qualifiers(key, m.qualifiers());
        }
        return s;
    }

    /** The elements of a class the server sent that are declared in the class itself (not propagated). */
    static ClassShape ofLocal(CIMClass c) {
        ClassShape s = new ClassShape();
        s.put("class", "superclass " + (c.getSuperClassName() == null ? "none" : c.getSuperClassName()));
        for (CIMQualifier<?> q : c.getQualifiers()) {
            if (!q.isPropagated() && !ASSOCIATION.equals(CimName.of(q.getName()))) {
                s.put("class/qualifier " + q.getName(), text(q.getValue()));
            }
        }
        for (CIMClassProperty<?> p : c.getProperties()) {
            if (p.isPropagated()) {
                continue;
            }
            String key = "property " + p.getName();
            s.put(key, type(p.getDataType()) + " = " + text(p.getValue()));
            s.qualifiers(key, p.getQualifiers());
        }
        for (CIMMethod<?> m : c.getMethods()) {
            if (m.isPropagated()) {
                continue;
            }
            String key = "method " + m.getName();
            List<String> params = new ArrayList<>();
            for (CIMParameter<?> p : m.getParameters()) {
                params.add(p.getName() + " " + type(p.getDataType()));
                s.qualifiers(key + "/parameter " + p.getName(), p.getQualifiers());
            }
            params.sort(String.CASE_INSENSITIVE_ORDER);
            s.put(key, type(m.getDataType()) + " " + params);
            s.qualifiers(key, m.getQualifiers());
        }
        return s;
    }

    /**
     * The differences of {@code served} from {@code expected}, one line each ({@code name: element: what}), in
     * element order; empty when they declare the same.
     */
    static List<String> differences(String name, ClassShape expected, ClassShape served) {
        Set<String> keys = new TreeSet<>(expected.entries.keySet());
        keys.addAll(served.entries.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String want = expected.entries.get(k);
            String got = served.entries.get(k);
            if (want == null) {
                out.add(name + ": " + k + ": not in 2.49, served as " + got);
            } else if (got == null) {
                out.add(name + ": " + k + ": missing (2.49: " + want + ")");
            } else if (!want.equals(got)) {
                out.add(name + ": " + k + ": served " + got + ", 2.49 " + want);
            }
        }
        return out;
    }

    private void put(String key, String value) {
        entries.put(key.toLowerCase(Locale.ROOT), value);
    }

    private void qualifiers(String owner, List<CimQualifier> qualifiers) {
        for (CimQualifier q : qualifiers) {
            put(owner + "/qualifier " + q.name(), text(q.value()));
        }
    }

    private void qualifiers(String owner, CIMQualifier<?>[] qualifiers) {
        for (CIMQualifier<?> q : qualifiers) {
            if (!q.isPropagated()) {
                put(owner + "/qualifier " + q.getName(), text(q.getValue()));
            }
        }
    }

    // ------------------------------------------------------------------ the two models as the same text

    /** {@code uint16}, {@code string[]}, {@code CIM_Foo REF}; embedded objects are strings (their qualifier says more). */
    static String type(CimType t) {
        String base = t.kind() == CimType.Kind.REFERENCE ? t.referenceClass() + " REF" : t.kind().cimName();
        return t.array() ? base + "[]" : base;
    }

    static String type(CIMDataType t) {
        String base = switch (t.getType()) {
            case CIMDataType.UINT8 -> "uint8";
            case CIMDataType.SINT8 -> "sint8";
            case CIMDataType.UINT16 -> "uint16";
            case CIMDataType.SINT16 -> "sint16";
            case CIMDataType.UINT32 -> "uint32";
            case CIMDataType.SINT32 -> "sint32";
            case CIMDataType.UINT64 -> "uint64";
            case CIMDataType.SINT64 -> "sint64";
            case CIMDataType.REAL32 -> "real32";
            case CIMDataType.REAL64 -> "real64";
            case CIMDataType.BOOLEAN -> "boolean";
            case CIMDataType.CHAR16 -> "char16";
            case CIMDataType.DATETIME -> "datetime";
            // embedded instances and objects are strings on the wire (the client reads them as OBJECT or CLASS)
            case CIMDataType.STRING, CIMDataType.OBJECT, CIMDataType.CLASS -> "string";
            case CIMDataType.REFERENCE -> t.getRefClassName() + " REF";
            default -> "type " + t.getType();
        };
        return t.isArray() ? base + "[]" : base;
    }

    static String text(CimValue v) {
        if (v == null || v.isNull()) {
            return "NULL";
        }
        return v.isArray() ? v.toTexts().toString() : v.toText();
    }

    static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Object[] array) {
            List<String> items = new ArrayList<>();
            for (Object o : array) {
                items.add(scalar(o));
            }
            return items.toString();
        }
        return scalar(v);
    }

    /** As {@link CimValue#toText()} writes it (booleans as CIM-XML spells them). */
    private static String scalar(Object v) {
        return v instanceof Boolean b ? (b ? "TRUE" : "FALSE") : String.valueOf(v);
    }
}
