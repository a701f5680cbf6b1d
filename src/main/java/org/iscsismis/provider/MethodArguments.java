package org.iscsismis.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;

/**
 * The IN parameters of one method call, typed from the method's declaration. A parameter the client
 * did not send is absent ({@link #isPresent} false, {@link #value} null); one it sent as NULL is
 * present with a NULL value of the declared type. Immutable.
 */
public final class MethodArguments {

    private final Map<CimName, CimValue> values;

    private MethodArguments(Map<CimName, CimValue> values) {
        this.values = values;
    }

    /** The arguments, in the order given; names must be unique (case-insensitively). */
    public static MethodArguments of(Map<CimName, CimValue> values) {
        return new MethodArguments(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    public static MethodArguments none() {
        return new MethodArguments(Map.of());
    }

    public boolean isPresent(String name) {
        return values.containsKey(CimName.of(name));
    }

    /** The value of parameter {@code name}, or null if the client did not send it. */
    public CimValue value(CimName name) {
        return values.get(name);
    }

    public CimValue value(String name) {
        return values.get(CimName.of(name));
    }

    /** The names of the supplied parameters, in the order given. */
    public Set<CimName> names() {
        return values.keySet();
    }

    public Map<CimName, CimValue> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
