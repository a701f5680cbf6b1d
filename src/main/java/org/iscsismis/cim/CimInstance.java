package org.iscsismis.cim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * An instance: class name, optional path, ordered properties (O(1) case-insensitive lookup) and
 * qualifiers. Accessors are named like record components.
 */
public final class CimInstance {

    private final CimName className;
    private final ObjectPath path;
    private final List<CimProperty> properties;
    private final List<CimQualifier> qualifiers;
    /** The {@link NameIndex} table of {@link #properties} (null: few enough to scan, or compact: its layout indexes them). */
    private final Object nameIndex;

    /**
     * @param path may be null (e.g. an instance to be created, or an embedded instance)
     * @throws IllegalArgumentException for duplicate property names
     */
    public CimInstance(CimName className, ObjectPath path, List<CimProperty> properties, List<CimQualifier> qualifiers) {
        this.className = Objects.requireNonNull(className, "class name must not be null");
        this.path = path;
        Objects.requireNonNull(properties, () -> "properties of instance of " + className + " must not be null");
        this.qualifiers = CimQualifier.copy(qualifiers, "instance of", className);
        if (properties instanceof CompactPropertyList) {
            this.properties = properties; // immutable, names distinct by its layout; kept as is for its identity
            this.nameIndex = null;
        } else {
            this.properties = List.copyOf(properties);
            this.nameIndex = NameIndex.build(this.properties, CimProperty::name,
                    name -> new IllegalArgumentException("Duplicate property " + name + " in instance of " + className));
        }
    }

    /**
     * An instance without path or qualifiers whose properties are laid out by {@code layout}: it keeps only its
     * values (the repository's stored form; see {@link PropertyLayout}). Its properties are plain: the layout's names
     * and types, no qualifiers, no class origin, not propagated.
     *
     * @param values one per property of the layout, in its order; NULL as {@link CimValue#nullOf}
     * @throws IllegalArgumentException when the count differs from the layout's or a value does not fit its type
     */
    public static CimInstance compact(CimName className, PropertyLayout layout, List<CimValue> values) {
        return new CimInstance(className, null, CompactPropertyList.of(layout, values), List.of());
    }

    /** A copy sharing the (already checked and indexed) properties and qualifiers of {@code source}. */
    private CimInstance(CimInstance source, ObjectPath path) {
        this.className = source.className;
        this.path = path;
        this.properties = source.properties;
        this.qualifiers = source.qualifiers;
        this.nameIndex = source.nameIndex;
    }

    /** The property {@code name}, or null: for a compact instance through its layout's index, else through {@link NameIndex}. */
    private CimProperty find(CimName name) {
        if (properties instanceof CompactPropertyList c) {
            int at = c.layout().indexOf(name);
            return at < 0 ? null : c.get(at);
        }
        return NameIndex.find(nameIndex, properties, CimProperty::name, name);
    }

    public static Builder builder(String className) {
        return new Builder(CimName.of(className));
    }

    public static Builder builder(CimName className) {
        return new Builder(className);
    }

    public CimName className() {
        return className;
    }

    /** The instance path, or null. */
    public ObjectPath path() {
        return path;
    }

    public List<CimProperty> properties() {
        return properties;
    }

    public List<CimQualifier> qualifiers() {
        return qualifiers;
    }

    /** The name of the property at {@code index} of {@link #properties()}, without making a stored instance's property object. */
    public CimName propertyName(int index) {
        return properties instanceof CompactPropertyList c ? c.layout().name(index) : properties.get(index).name();
    }

    /** True when the properties are laid out by a shared {@link PropertyLayout} (see {@link #compact}). */
    public boolean isCompact() {
        return properties instanceof CompactPropertyList;
    }

    /** The property {@code name} (case-insensitive), or null. */
    public CimProperty property(CimName name) {
        return find(name);
    }

    public CimProperty property(String name) {
        return CimName.isValid(name) ? find(CimName.of(name)) : null;
    }

    /** The value of property {@code name}, or null if the instance has no such property. */
    public CimValue value(CimName name) {
        if (properties instanceof CompactPropertyList c) {
            int at = c.layout().indexOf(name);
            return at < 0 ? null : c.value(at);
        }
        CimProperty p = find(name);
        return p == null ? null : p.value();
    }

    public CimValue value(String name) {
        return CimName.isValid(name) ? value(CimName.of(name)) : null;
    }

    public CimInstance withPath(ObjectPath newPath) {
        return new CimInstance(this, newPath);
    }

    public CimInstance withProperties(List<CimProperty> newProperties) {
        return new CimInstance(className, path, newProperties, qualifiers);
    }

    public CimInstance withQualifiers(List<CimQualifier> newQualifiers) {
        return new CimInstance(className, path, properties, newQualifiers);
    }

    public CimInstance withoutQualifiers() {
        return qualifiers.isEmpty() ? this : new CimInstance(className, path, properties, List.of());
    }

    /**
     * A copy with {@code property} added, or replacing the property of the same name in place. A compact instance
     * stays compact when {@code property} has the stored form of the one it replaces.
     */
    public CimInstance withProperty(CimProperty property) {
        if (properties instanceof CompactPropertyList c) {
            int at = c.layout().indexOf(property.name());
            if (at >= 0 && c.fits(at, property)) {
                return new CimInstance(className, path, c.with(at, property.value()), qualifiers);
            }
        }
        List<CimProperty> list = new ArrayList<>(properties);
        boolean replaced = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(property.name())) {
                list.set(i, property);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            list.add(property);
        }
        return new CimInstance(className, path, list, qualifiers);
    }

    /**
     * Builds this instance's path from the Key properties of {@code cls}, in the class's key
     * order, using this instance's class name. A key the instance lacks takes the class's
     * default value if that is non-NULL.
     *
     * @param ns the namespace of the path (may be null for a local path)
     * @throws CimException INVALID_PARAMETER when a key property is missing or NULL;
     *                      INVALID_CLASS when {@code cls} has no Key properties
     */
    public ObjectPath pathFrom(CimClass cls, CimNamespace ns) {
        Objects.requireNonNull(cls, "class must not be null");
        List<CimName> keyNames = cls.keyNames();
        if (keyNames.isEmpty()) {
            throw new CimException(CimStatus.INVALID_CLASS, "Class " + cls.name() + " has no key properties");
        }
        List<KeyBinding> keys = new ArrayList<>(keyNames.size());
        for (CimName key : keyNames) {
            CimValue own = value(key);
            CimValue v = own != null ? own : cls.property(key).value();
            if (v == null || v.isNull()) {
                throw new CimException(CimStatus.INVALID_PARAMETER,
                        "Key property " + key + " of " + className + (own == null ? " is missing" : " is NULL"));
            }
            if (v.isArray()) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Key property " + key + " of " + className + " is an array");
            }
            keys.add(new KeyBinding(cls.property(key).name(), v));
        }
        return ObjectPath.of(ns, className, keys);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CimInstance i && className.equals(i.className) && Objects.equals(path, i.path)
                && properties.equals(i.properties) && qualifiers.equals(i.qualifiers));
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, path, properties, qualifiers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("instance of ").append(className);
        if (path != null) {
            sb.append(" (").append(path).append(')');
        }
        sb.append(" {");
        String sep = "";
        for (CimProperty p : properties) {
            sb.append(sep).append(p.name()).append('=').append(p.value().isNull() ? "NULL" : String.valueOf(p.value().value()));
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    /** Builds an instance; setting a property twice replaces it in place. */
    public static final class Builder {
        private final CimName className;
        private ObjectPath path;
        private final LinkedHashMap<CimName, CimProperty> properties = new LinkedHashMap<>();
        private final List<CimQualifier> qualifiers = new ArrayList<>();

        private Builder(CimName className) {
            this.className = Objects.requireNonNull(className, "class name must not be null");
        }

        public Builder path(ObjectPath p) {
            this.path = p;
            return this;
        }

        public Builder property(CimProperty p) {
            properties.put(p.name(), p);
            return this;
        }

        public Builder property(String name, CimValue value) {
            return property(CimProperty.of(name, value));
        }

        /** A string property. */
        public Builder property(String name, String value) {
            return property(CimProperty.of(name, CimValue.ofString(value)));
        }

        public Builder qualifier(CimQualifier q) {
            qualifiers.add(q);
            return this;
        }

        public CimInstance build() {
            return new CimInstance(className, path, new ArrayList<>(properties.values()), qualifiers);
        }
    }
}
