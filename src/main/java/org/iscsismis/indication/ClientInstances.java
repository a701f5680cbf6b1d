package org.iscsismis.indication;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.repository.ValueCoercion;

/** Reads what a client sent in CreateInstance and ModifyInstance: names checked, values typed as the class declares. */
final class ClientInstances {

    private ClientInstances() {
    }

    /**
     * {@code given} as an instance of {@code cls}: every class property, at its default unless the client gave it.
     *
     * @throws CimException NO_SUCH_PROPERTY for a property the class lacks, TYPE_MISMATCH for a value that does not fit
     */
    static CimInstance typed(CimClass cls, CimInstance given) {
        for (CimProperty p : given.properties()) {
            if (cls.property(p.name()) == null) {
                throw new CimException(CimStatus.NO_SUCH_PROPERTY, "Class " + cls.name() + " has no property " + p.name());
            }
        }
        List<CimProperty> out = new ArrayList<>(cls.properties().size());
        for (CimProperty declared : cls.properties()) {
            CimProperty p = given.property(declared.name());
            CimValue v = p == null ? declared.value() : ValueCoercion.coerce(p.value(), declared.type(),
                    "property " + declared.name() + " of class " + cls.name(), CimStatus.TYPE_MISMATCH);
            out.add(CimProperty.of(declared.name(), v == null ? CimValue.nullOf(declared.type()) : v));
        }
        return new CimInstance(cls.name(), null, out, List.of());
    }

    /** The string value of {@code name}, or null when NULL or absent. */
    static String text(CimInstance i, String name) {
        CimValue v = i.value(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The integer value of {@code name}, or null when NULL or absent. */
    static Long number(CimInstance i, String name) {
        CimValue v = i.value(name);
        try {
            return v == null || v.isNull() ? null : v.asLong();
        } catch (ArithmeticException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Property " + name + " is out of range: " + v.toText());
        }
    }

    /** {@code i} with {@code name} set to {@code value} (a string; NULL for null). */
    static CimInstance withText(CimInstance i, String name, String value) {
        return i.withProperty(CimProperty.of(CimName.of(name), value == null ? CimValue.nullOf(CimType.STRING) : CimValue.ofString(value)));
    }
}
