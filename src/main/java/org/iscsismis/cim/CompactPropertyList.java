package org.iscsismis.cim;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The properties of a stored instance: its class's {@link PropertyLayout} (shared) and its own values. A property
 * is made when asked for ({@link #get}): plain, as the repository stores them (the layout's name and type, the
 * value, no qualifiers, no class origin, not propagated). Immutable; equal to any list of the same properties.
 *
 * <p>One such list is one instance's identity for the encoded-instance cache: it is never copied, only shared (by
 * {@link CimInstance#withPath} and the filters that keep every property).
 */
final class CompactPropertyList extends AbstractList<CimProperty> implements RandomAccess {

    private final PropertyLayout layout;
    /** What {@link PropertyLayout#stored} keeps of each value; owned, never handed out. */
    private final Object[] values;

    private CompactPropertyList(PropertyLayout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
    }

    /**
     * The list of {@code values} laid out by {@code layout}.
     *
     * @throws IllegalArgumentException when the count differs from the layout's or a value does not fit its type
     */
    static CompactPropertyList of(PropertyLayout layout, List<CimValue> values) {
        if (values.size() != layout.size()) {
            throw new IllegalArgumentException(values.size() + " values for a layout of " + layout.size() + " properties");
        }
        Object[] checked = new Object[values.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = layout.stored(i, values.get(i));
        }
        return new CompactPropertyList(layout, checked);
    }

    PropertyLayout layout() {
        return layout;
    }

    /** The value at {@code index}, no property made. */
    CimValue value(int index) {
        return layout.value(index, values[index]);
    }

    /** This list with the value at {@code index} replaced (checked). */
    CompactPropertyList with(int index, CimValue value) {
        Object[] copy = values.clone();
        copy[index] = layout.stored(index, value);
        return new CompactPropertyList(layout, copy);
    }

    /** True when {@code p} is a property this list could hold at {@code index}: the stored form. */
    boolean fits(int index, CimProperty p) {
        return p.qualifiers().isEmpty() && p.classOrigin() == null && !p.propagated()
                && p.type().equals(layout.type(index)) && p.name().toString().equals(layout.name(index).toString());
    }

    @Override
    public CimProperty get(int index) {
        return new CimProperty(layout.name(index), layout.type(index), value(index), List.of(), null, false);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof CompactPropertyList c && c.layout == layout) {
            // same names and types, and equal values kept alike (see PropertyLayout): equal where the kept objects are
            return Arrays.equals(values, c.values);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
