package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * A method parameter value (CIM-XML {@code PARAMVALUE}): IN parameters of an extrinsic call, OUT
 * parameters of its response. The value may be a scalar, an array, a reference, an embedded
 * instance or NULL.
 *
 * @param name    the parameter name (case-insensitive)
 * @param value   the value, never null; a NULL whose type the sender did not state is a
 *                {@code string} NULL with {@code untyped} set
 * @param untyped true if the sender gave neither a value nor a type (see {@link #untypedNull})
 */
public record ParamValue(CimName name, CimValue value, boolean untyped) {

    public ParamValue {
        Objects.requireNonNull(name, "parameter name must not be null");
        Objects.requireNonNull(value, () -> "value of parameter " + name + " must not be null (use CimValue.nullOf)");
        if (untyped && !value.isNull()) {
            throw new IllegalArgumentException("Only a NULL parameter value can be untyped: " + name);
        }
    }

    /** A typed parameter value. */
    public ParamValue(CimName name, CimValue value) {
        this(name, value, false);
    }

    public static ParamValue of(String name, CimValue value) {
        return new ParamValue(CimName.of(name), value, false);
    }

    /** A NULL of unknown type (an empty {@code PARAMVALUE} without PARAMTYPE). */
    public static ParamValue untypedNull(CimName name) {
        return new ParamValue(name, CimValue.nullOf(CimType.STRING), true);
    }
}
