package org.iscsismis.repository;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * Converts a value as it came off the wire to the type an element is declared with.
 *
 * <p>The CIM-XML reader cannot know declared types: a {@code KEYVALUE VALUETYPE="numeric"} 5
 * arrives as some integer kind, a datetime or char16 key arrives as a string. So the repository
 * converts where the value fits the declared type and refuses only real mismatches:
 * <ul>
 * <li>NULL fits every type (it is re-typed);</li>
 * <li>integer to another integer kind, when in range; integer to real; a real with an integral
 *     value to an integer kind;</li>
 * <li>a string to any scalar kind except reference, when the text parses as that kind
 *     (e.g. {@code "5"} for uint16, a 25-character datetime, a one-character char16);</li>
 * <li>string-like kinds (string, embedded instance, embedded object) among themselves, when the
 *     Java value fits (an embedded class never fits an EmbeddedInstance element);</li>
 * <li>reference to reference (the declared reference class is not checked here);</li>
 * <li>arrays element by element; an array never fits a scalar and vice versa.</li>
 * </ul>
 */
public final class ValueCoercion {

    private ValueCoercion() {
    }

    /**
     * @param what names the element for the error message, e.g. {@code "property Size of class CIM_Foo"}
     * @return the value typed as {@code declared}; a Java {@code null} gives NULL
     * @throws CimException {@code status} (normally TYPE_MISMATCH) when the value does not fit
     */
    public static CimValue coerce(CimValue value, CimType declared, String what, CimStatus status) {
        if (value == null || value.isNull()) {
            return CimValue.nullOf(declared);
        }
        CimType actual = value.type();
        if (actual.array() != declared.array()) {
            throw mismatch(value, declared, what, status, null);
        }
        if (actual.kind() == declared.kind() && !declared.isReference()) {
            return value;
        }
        try {
            if (!declared.array()) {
                return CimValue.of(declared, scalar(value.value(), actual.kind(), declared.kind()));
            }
            List<Object> items = new ArrayList<>(value.values().size());
            for (Object o : value.values()) {
                items.add(o == null ? null : scalar(o, actual.kind(), declared.kind()));
            }
            return CimValue.of(declared, items);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw mismatch(value, declared, what, status, e.getMessage());
        }
    }

    private static Object scalar(Object o, CimType.Kind from, CimType.Kind to) {
        if (from == to) {
            return o;
        }
        if (to.isInteger()) {
            if (from.isInteger()) {
                return o;
            }
            if (o instanceof Float || o instanceof Double) {
                return new BigDecimal(o.toString()).toBigIntegerExact();
            }
        } else if (to == CimType.Kind.REAL32 || to == CimType.Kind.REAL64) {
            if (from.isInteger() || from == CimType.Kind.REAL32 || from == CimType.Kind.REAL64) {
                double d = o instanceof BigInteger b ? b.doubleValue() : ((Number) o).doubleValue();
                return to == CimType.Kind.REAL32 ? (Object) (float) d : (Object) d;
            }
        } else if (to.isStringLike()) {
            if (from.isStringLike()) {
                return o;
            }
            throw new IllegalArgumentException("a " + from.cimName() + " value is not a string");
        } else if (to == CimType.Kind.REFERENCE) {
            if (o instanceof ObjectPath) {
                return o;
            }
        }
        if (from == CimType.Kind.STRING && o instanceof String s && to != CimType.Kind.REFERENCE) {
            return CimValue.parse(CimType.scalar(to), s).value();
        }
        if (o instanceof CimInstance || o instanceof CimClass) {
            throw new IllegalArgumentException("an embedded object is not a " + to.cimName());
        }
        throw new IllegalArgumentException("a " + from.cimName() + " value is not a " + to.cimName());
    }

    private static CimException mismatch(CimValue value, CimType declared, String what, CimStatus status, String detail) {
        return new CimException(status, "Value " + value + " does not fit " + what + " of type " + declared
                + (detail == null ? "" : " (" + detail + ")"));
    }
}
