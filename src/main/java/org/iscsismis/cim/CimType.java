package org.iscsismis.cim;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A CIM data type: a {@link Kind}, whether it is an array, and for references the class the
 * reference points to (optional).
 *
 * <p>{@link Kind#INSTANCE} and {@link Kind#OBJECT} are strings that carry an embedded instance
 * (EmbeddedInstance qualifier) or an embedded object (EmbeddedObject qualifier); on the wire
 * their TYPE is {@code string}.
 *
 * @param kind           the element kind
 * @param array          true for an array type
 * @param referenceClass for {@link Kind#REFERENCE} only: the referenced class, or null if unknown
 */
public record CimType(Kind kind, boolean array, CimName referenceClass) {

    /** The DSP0004 intrinsic types plus the two embedded-object variants of string. */
    public enum Kind {
        BOOLEAN("boolean"), STRING("string"), CHAR16("char16"),
        UINT8("uint8"), SINT8("sint8"), UINT16("uint16"), SINT16("sint16"),
        UINT32("uint32"), SINT32("sint32"), UINT64("uint64"), SINT64("sint64"),
        REAL32("real32"), REAL64("real64"), DATETIME("datetime"), REFERENCE("reference"),
        /** A string holding an embedded instance (EmbeddedInstance qualifier). */
        INSTANCE("string"),
        /** A string holding an embedded object (EmbeddedObject qualifier). */
        OBJECT("string");

        private final String cimName;

        Kind(String cimName) {
            this.cimName = cimName;
        }

        /** The DSP0201 TYPE/PARAMTYPE spelling ({@code "uint8"}, {@code "reference"}; INSTANCE and OBJECT give {@code "string"}). */
        public String cimName() {
            return cimName;
        }

        /** True for the integer kinds. */
        public boolean isInteger() {
            return ordinal() >= UINT8.ordinal() && ordinal() <= SINT64.ordinal();
        }

        /** True for the integer and real kinds. */
        public boolean isNumeric() {
            return isInteger() || this == REAL32 || this == REAL64;
        }

        /** True for STRING, INSTANCE and OBJECT (all travel as strings). */
        public boolean isStringLike() {
            return this == STRING || this == INSTANCE || this == OBJECT;
        }

        /**
         * Parses a DSP0201 TYPE or PARAMTYPE value, case-insensitively. {@code "string"} gives
         * STRING; the PARAMTYPE values {@code "instance"} and {@code "object"} give INSTANCE and
         * OBJECT; {@code "reference"} (also {@code "ref"}) gives REFERENCE.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static Kind fromCimName(String name) {
            if (name == null) {
                throw new IllegalArgumentException("CIM type name must not be null");
            }
            String n = name.trim().toLowerCase(Locale.ROOT);
            switch (n) {
                case "instance": return INSTANCE;
                case "object": return OBJECT;
                case "ref": return REFERENCE;
                default:
                    for (Kind k : values()) {
                        if (k.cimName.equals(n) && k != INSTANCE && k != OBJECT) {
                            return k;
                        }
                    }
                    throw new IllegalArgumentException("Unknown CIM type: \"" + name + "\"");
            }
        }
    }

    private static final Map<Kind, CimType> SCALARS = new EnumMap<>(Kind.class);
    private static final Map<Kind, CimType> ARRAYS = new EnumMap<>(Kind.class);

    static {
        for (Kind k : Kind.values()) {
            SCALARS.put(k, new CimType(k, false, null));
            ARRAYS.put(k, new CimType(k, true, null));
        }
    }

    public static final CimType BOOLEAN = SCALARS.get(Kind.BOOLEAN);
    public static final CimType STRING = SCALARS.get(Kind.STRING);
    public static final CimType CHAR16 = SCALARS.get(Kind.CHAR16);
    public static final CimType UINT8 = SCALARS.get(Kind.UINT8);
    public static final CimType SINT8 = SCALARS.get(Kind.SINT8);
    public static final CimType UINT16 = SCALARS.get(Kind.UINT16);
    public static final CimType SINT16 = SCALARS.get(Kind.SINT16);
    public static final CimType UINT32 = SCALARS.get(Kind.UINT32);
    public static final CimType SINT32 = SCALARS.get(Kind.SINT32);
    public static final CimType UINT64 = SCALARS.get(Kind.UINT64);
    public static final CimType SINT64 = SCALARS.get(Kind.SINT64);
    public static final CimType REAL32 = SCALARS.get(Kind.REAL32);
    public static final CimType REAL64 = SCALARS.get(Kind.REAL64);
    public static final CimType DATETIME = SCALARS.get(Kind.DATETIME);
    /** A reference of unknown target class. */
    public static final CimType REFERENCE = SCALARS.get(Kind.REFERENCE);
    public static final CimType INSTANCE = SCALARS.get(Kind.INSTANCE);
    public static final CimType OBJECT = SCALARS.get(Kind.OBJECT);

    public CimType {
        Objects.requireNonNull(kind, "kind must not be null");
        if (referenceClass != null && kind != Kind.REFERENCE) {
            throw new IllegalArgumentException("Only reference types have a reference class, not " + kind.cimName());
        }
    }

    /** The scalar type of {@code kind} (shared constant). */
    public static CimType scalar(Kind kind) {
        return SCALARS.get(Objects.requireNonNull(kind, "kind must not be null"));
    }

    /** The array type of {@code kind} (shared constant). */
    public static CimType arrayOf(Kind kind) {
        return ARRAYS.get(Objects.requireNonNull(kind, "kind must not be null"));
    }

    /** A scalar reference to {@code referenceClass} (null = unknown class). */
    public static CimType reference(CimName referenceClass) {
        return referenceClass == null ? REFERENCE : new CimType(Kind.REFERENCE, false, referenceClass);
    }

    /** This type as an array (same kind and reference class). */
    public CimType asArray() {
        return array ? this : (referenceClass == null ? arrayOf(kind) : new CimType(kind, true, referenceClass));
    }

    /** The element type of an array type; a scalar type returns itself. */
    public CimType elementType() {
        return !array ? this : (referenceClass == null ? scalar(kind) : new CimType(kind, false, referenceClass));
    }

    public boolean isNumeric() {
        return kind.isNumeric();
    }

    public boolean isInteger() {
        return kind.isInteger();
    }

    public boolean isReference() {
        return kind == Kind.REFERENCE;
    }

    /** True for INSTANCE and OBJECT. */
    public boolean isEmbedded() {
        return kind == Kind.INSTANCE || kind == Kind.OBJECT;
    }

    /**
     * True if a value of type {@code valueType} may be stored in an element of this type: the same
     * array-ness and either the same kind, or both string-like (STRING/INSTANCE/OBJECT). The
     * reference class is not compared.
     */
    public boolean accepts(CimType valueType) {
        if (valueType.array != array) {
            return false;
        }
        return valueType.kind == kind || (kind.isStringLike() && valueType.kind.isStringLike());
    }

    /** MOF-like spelling: {@code uint8}, {@code string[]}, {@code CIM_Foo REF}. */
    // equals and hashCode written out: a record's generated ones bootstrap method handles on first use, a cost
    // every cold start pays (types are compared from the first declaration a MOF compile meets on)

    @Override
    public boolean equals(Object o) {
        return o instanceof CimType t && kind == t.kind && array == t.array && Objects.equals(referenceClass, t.referenceClass);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + (array ? 1 : 0)) * 31 + Objects.hashCode(referenceClass);
    }

    @Override
    public String toString() {
        String base = kind == Kind.REFERENCE
                ? (referenceClass == null ? "" : referenceClass + " ") + "REF"
                : kind == Kind.INSTANCE ? "string(EmbeddedInstance)"
                : kind == Kind.OBJECT ? "string(EmbeddedObject)" : kind.cimName;
        return array ? base + "[]" : base;
    }
}
