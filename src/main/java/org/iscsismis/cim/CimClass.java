package org.iscsismis.cim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * A class declaration. Property and method lookups by name are O(1) and case-insensitive.
 * Accessors are named like record components.
 */
public final class CimClass {

    private final CimName name;
    private final CimName superClassName;
    private final List<CimQualifier> qualifiers;
    private final List<CimProperty> properties;
    private final List<CimMethod> methods;
    /** Positions by name ({@link NameIndex}; null when the list is short enough to scan). */
    private final Object propertyIndex;
    private final Object methodIndex;

    /**
     * @throws IllegalArgumentException for duplicate property, method or qualifier names
     */
    public CimClass(CimName name, CimName superClassName, List<CimQualifier> qualifiers,
                    List<CimProperty> properties, List<CimMethod> methods) {
        this.name = Objects.requireNonNull(name, "class name must not be null");
        this.superClassName = superClassName;
        this.qualifiers = CimQualifier.copy(qualifiers, "class", name);
        this.properties = List.copyOf(Objects.requireNonNull(properties, () -> "properties of class " + name + " must not be null"));
        this.methods = List.copyOf(Objects.requireNonNull(methods, () -> "methods of class " + name + " must not be null"));
        this.propertyIndex = NameIndex.build(this.properties, CimProperty::name,
                n -> new IllegalArgumentException("Duplicate property " + n + " in class " + name));
        this.methodIndex = NameIndex.build(this.methods, CimMethod::name,
                n -> new IllegalArgumentException("Duplicate method " + n + " in class " + name));
    }

    public static Builder builder(String name) {
        return new Builder(CimName.of(name));
    }

    public static Builder builder(CimName name) {
        return new Builder(name);
    }

    public CimName name() {
        return name;
    }

    /** The superclass name, or null for a root class. */
    public CimName superClassName() {
        return superClassName;
    }

    public List<CimQualifier> qualifiers() {
        return qualifiers;
    }

    /** Properties in declaration order. */
    public List<CimProperty> properties() {
        return properties;
    }

    public List<CimMethod> methods() {
        return methods;
    }

    /** The property {@code name} (case-insensitive), or null. */
    public CimProperty property(CimName propertyName) {
        return NameIndex.find(propertyIndex, properties, CimProperty::name, propertyName);
    }

    public CimProperty property(String propertyName) {
        return CimName.isValid(propertyName) ? property(CimName.of(propertyName)) : null;
    }

    /** The method {@code name} (case-insensitive), or null. */
    public CimMethod method(CimName methodName) {
        return NameIndex.find(methodIndex, methods, CimMethod::name, methodName);
    }

    public CimMethod method(String methodName) {
        return CimName.isValid(methodName) ? method(CimName.of(methodName)) : null;
    }

    /** The qualifier {@code name}, or null. */
    public CimQualifier qualifier(CimName qualifierName) {
        return CimQualifier.find(qualifiers, qualifierName);
    }

    public CimQualifier qualifier(String qualifierName) {
        return CimQualifier.find(qualifiers, CimName.of(qualifierName));
    }

    public boolean isAssociation() {
        return CimQualifier.isTrue(qualifiers, CimQualifier.Names.ASSOCIATION);
    }

    public boolean isAbstract() {
        return CimQualifier.isTrue(qualifiers, CimQualifier.Names.ABSTRACT);
    }

    public boolean isIndication() {
        return CimQualifier.isTrue(qualifiers, CimQualifier.Names.INDICATION);
    }

    /** Names of the Key properties, in declaration order. */
    public List<CimName> keyNames() {
        List<CimName> keys = new ArrayList<>();
        for (CimProperty p : properties) {
            if (p.isKey()) {
                keys.add(p.name());
            }
        }
        return List.copyOf(keys);
    }

    /** The class path of this class in {@code ns}. */
    public ObjectPath path(CimNamespace ns) {
        return ObjectPath.forClass(ns, name);
    }

    public CimClass withName(CimName newName) {
        return new CimClass(newName, superClassName, qualifiers, properties, methods);
    }

    public CimClass withSuperClassName(CimName newSuperClassName) {
        return new CimClass(name, newSuperClassName, qualifiers, properties, methods);
    }

    public CimClass withQualifiers(List<CimQualifier> newQualifiers) {
        return new CimClass(name, superClassName, newQualifiers, properties, methods);
    }

    public CimClass withProperties(List<CimProperty> newProperties) {
        return new CimClass(name, superClassName, qualifiers, newProperties, methods);
    }

    public CimClass withMethods(List<CimMethod> newMethods) {
        return new CimClass(name, superClassName, qualifiers, properties, newMethods);
    }

    /** A copy with a builder, to add or replace elements. */
    public Builder toBuilder() {
        Builder b = new Builder(name).superClass(superClassName);
        qualifiers.forEach(b::qualifier);
        properties.forEach(b::property);
        methods.forEach(b::method);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CimClass c && name.equals(c.name) && Objects.equals(superClassName, c.superClassName)
                && qualifiers.equals(c.qualifiers) && properties.equals(c.properties) && methods.equals(c.methods));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, superClassName, qualifiers, properties, methods);
    }

    @Override
    public String toString() {
        return "class " + name + (superClassName == null ? "" : " : " + superClassName)
                + " {" + properties.size() + " properties, " + methods.size() + " methods}";
    }

    /** Builds a class; adding an element with an existing name replaces it in place. */
    public static final class Builder {
        private final CimName name;
        private CimName superClassName;
        private final LinkedHashMap<CimName, CimQualifier> qualifiers = new LinkedHashMap<>();
        private final LinkedHashMap<CimName, CimProperty> properties = new LinkedHashMap<>();
        private final LinkedHashMap<CimName, CimMethod> methods = new LinkedHashMap<>();

        private Builder(CimName name) {
            this.name = Objects.requireNonNull(name, "class name must not be null");
        }

        public Builder superClass(CimName superClass) {
            this.superClassName = superClass;
            return this;
        }

        public Builder superClass(String superClass) {
            return superClass(CimName.ofNullable(superClass));
        }

        public Builder qualifier(CimQualifier q) {
            qualifiers.put(q.name(), q);
            return this;
        }

        /** Adds a boolean TRUE qualifier (Abstract, Association, Indication …). */
        public Builder qualifier(String booleanQualifierName) {
            return qualifier(CimQualifier.ofTrue(booleanQualifierName));
        }

        public Builder property(CimProperty p) {
            properties.put(p.name(), p);
            return this;
        }

        /** Adds a property declaration with a NULL value. */
        public Builder property(String propertyName, CimType type, CimQualifier... propertyQualifiers) {
            return property(CimProperty.declare(propertyName, type, propertyQualifiers));
        }

        /** Adds a Key property declaration. */
        public Builder key(String propertyName, CimType type) {
            return property(CimProperty.declare(propertyName, type, CimQualifier.ofTrue("Key")));
        }

        public Builder method(CimMethod m) {
            methods.put(m.name(), m);
            return this;
        }

        public CimClass build() {
            return new CimClass(name, superClassName, new ArrayList<>(qualifiers.values()),
                    new ArrayList<>(properties.values()), new ArrayList<>(methods.values()));
        }
    }
}
