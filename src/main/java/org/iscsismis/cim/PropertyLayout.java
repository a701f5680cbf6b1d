package org.iscsismis.cim;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The names and types of a class's properties, in class order: what every stored instance of the class has in common,
 * held once and shared by them (see {@link CimInstance#compact}), so that an instance keeps only its values. Also the
 * name index of those instances: a lookup by name costs an open-addressing probe, no map entries per instance.
 *
 * <p>What an instance keeps of a value ({@link #stored}) is, in this order: the class's default object when the value
 * equals it; the one NULL of the property when it is NULL; the bare Java value when the value's type is the
 * property's (not for references, whose values may name a subclass), rebuilt around the layout's type when read
 * ({@link #value}); else the value object itself. Equal values are thus always kept alike, so two instances of one
 * layout have equal values exactly where they keep equal objects.
 */
public final class PropertyLayout {

    private final CimName[] names;
    private final CimType[] types;
    /** The class's value of each property (its default, maybe NULL), shared by the instances that have it. */
    private final CimValue[] defaults;
    /** The NULL value of each property, one object shared by every instance whose value is NULL there. */
    private final CimValue[] nulls;
    /** {@link #names} as a list, and its {@link NameIndex} table. */
    private final List<CimName> nameList;
    private final Object index;

    private PropertyLayout(List<CimProperty> properties) {
        int n = properties.size();
        names = new CimName[n];
        types = new CimType[n];
        defaults = new CimValue[n];
        nulls = new CimValue[n];
        for (int i = 0; i < n; i++) {
            CimProperty p = properties.get(i);
            names[i] = p.name();
            types[i] = p.type();
            CimValue d = p.value();
            defaults[i] = d;
            nulls[i] = d.isNull() && d.type().equals(p.type()) ? d : CimValue.nullOf(p.type());
        }
        nameList = Arrays.asList(names);
        index = NameIndex.build(nameList, Function.identity(),
                name -> new IllegalArgumentException("Duplicate property " + name + " in property layout"));
    }

    /**
     * The layout of {@code properties} (a class's, in its order): their names and types; their values are only read
     * for a NULL default, which becomes the shared NULL of its property.
     *
     * @throws IllegalArgumentException for duplicate names
     */
    public static PropertyLayout of(List<CimProperty> properties) {
        return new PropertyLayout(Objects.requireNonNull(properties, "properties must not be null"));
    }

    public int size() {
        return names.length;
    }

    /** The position of property {@code name} (case-insensitive), or -1. */
    public int indexOf(CimName name) {
        return NameIndex.indexOf(index, nameList, Function.identity(), name);
    }

    public CimName name(int index) {
        return names[index];
    }

    public CimType type(int index) {
        return types[index];
    }

    /**
     * True when this layout is the one {@link #of} would make of {@code properties}: the same names (spelled alike),
     * types and defaults, in that order.
     */
    public boolean matches(List<CimProperty> properties) {
        if (properties.size() != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            CimProperty p = properties.get(i);
            if (!p.name().toString().equals(names[i].toString()) || !p.type().equals(types[i])
                    || !p.value().type().equals(defaults[i].type()) || !p.value().equals(defaults[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * What an instance keeps for {@code value} at position {@code index} (see the class comment).
     *
     * @throws IllegalArgumentException when the value does not fit the property's type
     */
    Object stored(int index, CimValue value) {
        Objects.requireNonNull(value, () -> "value of property " + names[index] + " must not be null");
        CimType type = types[index];
        if (!type.accepts(value.type())) {
            throw new IllegalArgumentException("Value " + value + " does not fit property " + names[index] + " of type " + type);
        }
        CimValue d = defaults[index];
        if (value == d || (value.type().equals(d.type()) && value.equals(d))) {
            return d;
        }
        if (value.isNull()) {
            return value.type().equals(nulls[index].type()) ? nulls[index] : value;
        }
        return !type.isReference() && value.type().equals(type) ? value.value() : value;
    }

    /** The value an instance keeps as {@code stored} at position {@code index}. */
    CimValue value(int index, Object stored) {
        return stored instanceof CimValue v ? v : CimValue.ofChecked(types[index], stored);
    }
}
