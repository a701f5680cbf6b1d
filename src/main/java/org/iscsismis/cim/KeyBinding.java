package org.iscsismis.cim;

import java.util.Objects;

/**
 * One key of an instance path: a key property name and its non-NULL scalar value.
 *
 * @param name  the key property name
 * @param value the key value (scalar, not NULL)
 */
public record KeyBinding(CimName name, CimValue value) {

    public KeyBinding {
        Objects.requireNonNull(name, "key name must not be null");
        Objects.requireNonNull(value, () -> "value of key " + name + " must not be null");
        if (value.isNull()) {
            throw new IllegalArgumentException("Key " + name + " must not be NULL");
        }
        if (value.isArray()) {
            throw new IllegalArgumentException("Key " + name + " must not be an array: " + value.type());
        }
        if (value.value() instanceof CimInstance || value.value() instanceof CimClass) {
            throw new IllegalArgumentException("Key " + name + " must not be an embedded object");
        }
    }

    public static KeyBinding of(String name, CimValue value) {
        return new KeyBinding(CimName.of(name), value);
    }

    /** A string key. */
    public static KeyBinding of(String name, String value) {
        return new KeyBinding(CimName.of(name), CimValue.ofString(value));
    }
}
