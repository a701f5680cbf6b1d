package org.iscsismis.cim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed CIM value, possibly NULL, possibly an array.
 *
 * <p>Java representation of {@link #value()} by kind: boolean → {@link Boolean}; string →
 * {@link String}; char16 → {@link Character}; uint8 → {@link Short}; sint8 → {@link Byte};
 * uint16 → {@link Integer}; sint16 → {@link Short}; uint32 → {@link Long}; sint32 →
 * {@link Integer}; uint64 → {@link BigInteger}; sint64 → {@link Long}; real32 → {@link Float};
 * real64 → {@link Double}; datetime → {@link CimDateTime}; reference → {@link ObjectPath};
 * embedded instance → {@link CimInstance} (or the undecoded text as {@link String}); embedded
 * object → {@link CimInstance} or {@link CimClass} (or text). Arrays are unmodifiable
 * {@code List<Object>} whose elements may be null. {@code null} is the NULL value.
 *
 * <p>Identity is the type's kind and array flag plus the value (the reference class of a
 * reference type is not part of identity).
 */
public final class CimValue {

    /**
     * The longest numeric literal parsed, in characters (surrounding whitespace not counted). Every CIM
     * number fits in far fewer (a uint64 is at most 20 decimal digits, a real64 needs 17 significant
     * digits); the bound keeps parsing linear, since converting a long digit string is quadratic in its
     * length (a 1 MB literal cost 48 s of CPU).
     */
    public static final int MAX_NUMBER_LENGTH = 256;
    private static final int QUOTED_TEXT_LENGTH = 64;

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+");
    private static final Pattern HEX = Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]+)");
    private static final Pattern BINARY = Pattern.compile("([+-]?)([01]+)[bB]");

    private final CimType type;
    private final Object value;

    private CimValue(CimType type, Object value) {
        this.type = type;
        this.value = value;
    }

    // ------------------------------------------------------------------ factories

    /**
     * The value of {@code type} around {@code value}, which is the {@link #value()} of a value of that very type: no
     * conversion or check (a compact instance keeps bare values and rebuilds them; see {@code PropertyLayout}).
     */
    static CimValue ofChecked(CimType type, Object value) {
        return new CimValue(type, value);
    }

    /**
     * A value of {@code type}. Integer kinds accept any {@link Byte}, {@link Short},
     * {@link Integer}, {@link Long} or {@link BigInteger} within range and store the canonical
     * class; real32 accepts {@link Float} (or a {@link Double} exactly representable as float);
     * datetime also accepts its 25-character text; arrays accept a {@link List} or an object array.
     *
     * @throws IllegalArgumentException for a wrong Java type or an out-of-range number
     */
    public static CimValue of(CimType type, Object value) {
        Objects.requireNonNull(type, "type must not be null");
        if (value == null) {
            return new CimValue(type, null);
        }
        if (type.array()) {
            List<?> items;
            if (value instanceof List<?> l) {
                items = l;
            } else if (value instanceof Object[] a) {
                items = java.util.Arrays.asList(a);
            } else {
                throw new IllegalArgumentException("Array value of type " + type + " needs a List, got " + value.getClass().getSimpleName());
            }
            List<Object> copy = new ArrayList<>(items.size());
            for (Object item : items) {
                copy.add(item == null ? null : convert(type.kind(), item));
            }
            return new CimValue(type, Collections.unmodifiableList(copy));
        }
        return new CimValue(type, convert(type.kind(), value));
    }

    /** The NULL value of {@code type}; one shared object per shared type constant (a schema declares most properties without a default). */
    public static CimValue nullOf(CimType type) {
        Objects.requireNonNull(type, "type must not be null");
        CimValue shared = NULLS[type.array() ? 1 : 0][type.kind().ordinal()];
        return shared != null && shared.type == type ? shared : new CimValue(type, null);
    }

    /** The NULL values of the scalar and array type constants ({@link CimType#scalar}, {@link CimType#arrayOf}). */
    private static final CimValue[][] NULLS = new CimValue[2][CimType.Kind.values().length];

    static {
        for (CimType.Kind k : CimType.Kind.values()) {
            NULLS[0][k.ordinal()] = new CimValue(CimType.scalar(k), null);
            NULLS[1][k.ordinal()] = new CimValue(CimType.arrayOf(k), null);
        }
    }

    public static CimValue ofString(String s) {
        return of(CimType.STRING, s);
    }

    public static CimValue ofBoolean(boolean b) {
        return new CimValue(CimType.BOOLEAN, b);
    }

    public static CimValue ofChar16(char c) {
        return new CimValue(CimType.CHAR16, c);
    }

    public static CimValue ofUint8(int v) {
        return of(CimType.UINT8, v);
    }

    public static CimValue ofSint8(int v) {
        return of(CimType.SINT8, v);
    }

    public static CimValue ofUint16(int v) {
        return of(CimType.UINT16, v);
    }

    public static CimValue ofSint16(int v) {
        return of(CimType.SINT16, v);
    }

    public static CimValue ofUint32(long v) {
        return of(CimType.UINT32, v);
    }

    public static CimValue ofSint32(int v) {
        return new CimValue(CimType.SINT32, v);
    }

    public static CimValue ofUint64(long v) {
        return of(CimType.UINT64, v);
    }

    public static CimValue ofUint64(BigInteger v) {
        return of(CimType.UINT64, v);
    }

    public static CimValue ofSint64(long v) {
        return new CimValue(CimType.SINT64, v);
    }

    public static CimValue ofReal32(float v) {
        return new CimValue(CimType.REAL32, v);
    }

    public static CimValue ofReal64(double v) {
        return new CimValue(CimType.REAL64, v);
    }

    public static CimValue ofDateTime(CimDateTime v) {
        return of(CimType.DATETIME, v);
    }

    /** A reference; its type's reference class is the path's class. NULL if {@code path} is null. */
    public static CimValue ofReference(ObjectPath path) {
        return path == null ? nullOf(CimType.REFERENCE) : new CimValue(CimType.reference(path.className()), path);
    }

    /** An embedded instance (type INSTANCE). */
    public static CimValue ofEmbeddedInstance(CimInstance instance) {
        return of(CimType.INSTANCE, instance);
    }

    /** A string array. */
    public static CimValue ofStrings(List<String> strings) {
        return of(CimType.arrayOf(CimType.Kind.STRING), strings);
    }

    // ------------------------------------------------------------------ conversion

    private static Object convert(CimType.Kind kind, Object v) {
        switch (kind) {
            case BOOLEAN:
                return expect(kind, v, Boolean.class);
            case STRING:
                return expect(kind, v, String.class);
            case CHAR16:
                return expect(kind, v, Character.class);
            case UINT8:
                return (short) range(kind, v, 0, 255);
            case SINT8:
                return (byte) range(kind, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UINT16:
                return (int) range(kind, v, 0, 65_535);
            case SINT16:
                return (short) range(kind, v, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT32:
                return range(kind, v, 0, 4_294_967_295L);
            case SINT32:
                return (int) range(kind, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case SINT64:
                return range(kind, v, Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT64: {
                BigInteger b = integer(kind, v);
                if (b.signum() < 0 || b.compareTo(UINT64_MAX) > 0) {
                    throw outOfRange(kind, v);
                }
                return b;
            }
            case REAL32:
                if (v instanceof Float) {
                    return v;
                }
                if (v instanceof Double d && (Double.isNaN(d) || (double) d.floatValue() == d)) {
                    return d.floatValue();
                }
                throw wrongType(kind, v, "Float");
            case REAL64:
                if (v instanceof Double) {
                    return v;
                }
                if (v instanceof Float f) {
                    return f.doubleValue();
                }
                throw wrongType(kind, v, "Double");
            case DATETIME:
                if (v instanceof String s) {
                    return CimDateTime.parse(s);
                }
                return expect(kind, v, CimDateTime.class);
            case REFERENCE:
                return expect(kind, v, ObjectPath.class);
            case INSTANCE:
                if (v instanceof String || v instanceof CimInstance) {
                    return v;
                }
                throw wrongType(kind, v, "CimInstance or String");
            case OBJECT:
                if (v instanceof String || v instanceof CimInstance || v instanceof CimClass) {
                    return v;
                }
                throw wrongType(kind, v, "CimInstance, CimClass or String");
            default:
                throw new AssertionError(kind);
        }
    }

    private static Object expect(CimType.Kind kind, Object v, Class<?> cls) {
        if (!cls.isInstance(v)) {
            throw wrongType(kind, v, cls.getSimpleName());
        }
        return v;
    }

    private static BigInteger integer(CimType.Kind kind, Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        throw wrongType(kind, v, "an integer (Byte, Short, Integer, Long or BigInteger)");
    }

    private static long range(CimType.Kind kind, Object v, long min, long max) {
        long l;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            l = ((Number) v).longValue(); // the common case, without a BigInteger per value
        } else {
            BigInteger b = integer(kind, v);
            if (b.bitLength() > 63) {
                throw outOfRange(kind, v);
            }
            l = b.longValue();
        }
        if (l < min || l > max) {
            throw outOfRange(kind, v);
        }
        return l;
    }

    private static IllegalArgumentException wrongType(CimType.Kind kind, Object v, String expected) {
        return new IllegalArgumentException("A " + kind.cimName() + (kind.isStringLike() && kind != CimType.Kind.STRING ? " (" + kind + ")" : "")
                + " value must be " + expected + ", got " + v.getClass().getSimpleName() + " " + v);
    }

    private static IllegalArgumentException outOfRange(CimType.Kind kind, Object v) {
        return new IllegalArgumentException("Value " + v + " is out of range for " + kind.cimName());
    }

    // ------------------------------------------------------------------ parsing

    /**
     * Parses the DSP0201 text of a scalar: integers in decimal, hex ({@code 0x1F}) or binary
     * ({@code 101b}), optionally signed; booleans {@code TRUE}/{@code FALSE} in any case; reals
     * in decimal or scientific notation plus {@code INF}, {@code -INF}, {@code NaN}; char16 a
     * single UTF-16 unit; datetime the 25-character form; strings, INSTANCE and OBJECT as is
     * (the codec decodes embedded objects). Numbers and booleans may be surrounded by whitespace.
     *
     * @throws IllegalArgumentException for an array or reference type, or text that does not fit
     */
    public static CimValue parse(CimType type, String text) {
        Objects.requireNonNull(type, "type must not be null");
        if (type.array()) {
            throw new IllegalArgumentException("parse() takes a scalar type, got " + type + "; use parseArray()");
        }
        if (text == null) {
            return nullOf(type);
        }
        return new CimValue(type, parseScalar(type.kind(), text));
    }

    /**
     * Parses the items of an array value; a null item is a NULL element.
     *
     * @throws IllegalArgumentException if the type is not an array type or an item does not parse
     */
    public static CimValue parseArray(CimType arrayType, List<String> texts) {
        Objects.requireNonNull(arrayType, "type must not be null");
        if (!arrayType.array()) {
            throw new IllegalArgumentException("parseArray() takes an array type, got " + arrayType);
        }
        if (texts == null) {
            return nullOf(arrayType);
        }
        List<Object> items = new ArrayList<>(texts.size());
        int i = 0;
        for (String t : texts) {
            try {
                items.add(t == null ? null : parseScalar(arrayType.kind(), t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Array element " + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return new CimValue(arrayType, Collections.unmodifiableList(items));
    }

    /**
     * Parses a number whose CIM type is unknown (a KEYVALUE with VALUETYPE="numeric" but no TYPE):
     * an integer becomes sint64, or uint64 above the sint64 range; anything else that is a real
     * becomes real64. Numeric identity in {@link ObjectPath} does not depend on the width chosen.
     *
     * @throws IllegalArgumentException if the text is not a number
     */
    public static CimValue parseNumeric(String text) {
        Objects.requireNonNull(text, "text must not be null");
        String t = text.strip();
        checkNumberLength("number", t);
        if (DECIMAL.matcher(t).matches() || HEX.matcher(t).matches() || BINARY.matcher(t).matches()) {
            BigInteger b = parseInteger(CimType.Kind.SINT64, t);
            return b.bitLength() <= 63 ? new CimValue(CimType.SINT64, b.longValue()) : of(CimType.UINT64, b);
        }
        try {
            return new CimValue(CimType.REAL64, parseReal(CimType.Kind.REAL64, t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a number: " + quoted(text), e);
        }
    }

    private static Object parseScalar(CimType.Kind kind, String text) {
        switch (kind) {
            case STRING:
            case INSTANCE:
            case OBJECT:
                return text;
            case BOOLEAN: {
                String t = text.strip();
                if (t.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (t.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("Not a boolean (TRUE or FALSE expected): " + quoted(text));
            }
            case CHAR16:
                if (text.length() != 1) {
                    throw new IllegalArgumentException("A char16 value must be exactly one character, got " + quoted(text));
                }
                return text.charAt(0);
            case DATETIME:
                return CimDateTime.parse(text.strip());
            case REAL32:
            case REAL64:
                return parseReal(kind, text);
            case REFERENCE:
                throw new IllegalArgumentException("A reference value has no text form; it is written as VALUE.REFERENCE");
            default:
                return convert(kind, parseInteger(kind, text));
        }
    }

    private static BigInteger parseInteger(CimType.Kind kind, String text) {
        String t = text.strip();
        checkNumberLength(kind.cimName(), t);
        java.util.regex.Matcher m;
        BigInteger b;
        if (DECIMAL.matcher(t).matches()) {
            b = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        } else if ((m = HEX.matcher(t)).matches()) {
            b = new BigInteger(m.group(2), 16);
            b = "-".equals(m.group(1)) ? b.negate() : b;
        } else if ((m = BINARY.matcher(t)).matches()) {
            b = new BigInteger(m.group(2), 2);
            b = "-".equals(m.group(1)) ? b.negate() : b;
        } else {
            throw new IllegalArgumentException("Not a " + kind.cimName() + " integer: " + quoted(text));
        }
        return b;
    }

    private static Object parseReal(CimType.Kind kind, String text) {
        String t = text.strip();
        checkNumberLength(kind.cimName(), t);
        double d;
        switch (t.toUpperCase(Locale.ROOT)) {
            case "INF": case "+INF": case "INFINITY": case "+INFINITY":
                d = Double.POSITIVE_INFINITY;
                break;
            case "-INF": case "-INFINITY":
                d = Double.NEGATIVE_INFINITY;
                break;
            case "NAN":
                d = Double.NaN;
                break;
            default:
                if (!REAL.matcher(t).matches()) {
                    throw new IllegalArgumentException("Not a " + kind.cimName() + " number: " + quoted(text));
                }
                if (kind == CimType.Kind.REAL32) {
                    float f = Float.parseFloat(t);
                    if (Float.isInfinite(f)) {
                        throw new IllegalArgumentException("Value " + t + " is out of range for real32");
                    }
                    return f;
                }
                d = Double.parseDouble(t);
                if (Double.isInfinite(d)) {
                    throw new IllegalArgumentException("Value " + t + " is out of range for real64");
                }
                return d;
        }
        return kind == CimType.Kind.REAL32 ? (Object) (float) d : (Object) d;
    }

    /** Refuses a numeric literal longer than {@link #MAX_NUMBER_LENGTH} before any work proportional to its square. */
    private static void checkNumberLength(String what, String stripped) {
        if (stripped.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("A " + what + " literal of " + stripped.length()
                    + " characters exceeds the limit of " + MAX_NUMBER_LENGTH + " characters: " + quoted(stripped));
        }
    }

    /** A text for a message: quoted, and cut to its start when long, so a huge value never floods a reply or a log. */
    public static String quoted(String text) {
        if (text.length() <= QUOTED_TEXT_LENGTH) {
            return "\"" + text + "\"";
        }
        return "\"" + text.substring(0, QUOTED_TEXT_LENGTH) + "\"... (" + text.length() + " characters)";
    }

    // ------------------------------------------------------------------ accessors

    public CimType type() {
        return type;
    }

    /** The Java value (see the class comment), or null for NULL. */
    public Object value() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isArray() {
        return type.array();
    }

    /** The array elements (unmodifiable, may hold nulls). */
    @SuppressWarnings("unchecked")
    public List<Object> values() {
        if (!type.array()) {
            throw new IllegalStateException("Not an array value: " + type);
        }
        return (List<Object>) value;
    }

    /** The value as a {@link Boolean} (NULL → null). */
    public Boolean asBoolean() {
        return (Boolean) requireScalarOf(CimType.Kind.BOOLEAN);
    }

    /** The value as a {@link String} (string-like kinds holding text only; NULL → null). */
    public String asString() {
        if (type.array() || !type.kind().isStringLike() || (value != null && !(value instanceof String))) {
            throw new IllegalStateException("Not a string value: " + type);
        }
        return (String) value;
    }

    /** An integer value as {@code long} (uint64 above Long.MAX_VALUE throws). */
    public long asLong() {
        if (type.array() || !type.isInteger() || value == null) {
            throw new IllegalStateException("Not a non-NULL integer value: " + type + " " + value);
        }
        return value instanceof BigInteger b ? b.longValueExact() : ((Number) value).longValue();
    }

    /** The value as an {@link ObjectPath} (NULL → null). */
    public ObjectPath asReference() {
        return (ObjectPath) requireScalarOf(CimType.Kind.REFERENCE);
    }

    private Object requireScalarOf(CimType.Kind kind) {
        if (type.array() || type.kind() != kind) {
            throw new IllegalStateException("Not a " + kind.cimName() + " value: " + type);
        }
        return value;
    }

    // ------------------------------------------------------------------ text form

    /**
     * The DSP0201 text of a scalar, or null for NULL. Integers in decimal, booleans
     * {@code TRUE}/{@code FALSE}, reals in a form that {@link #parse} maps back to the same value
     * ({@code INF}, {@code -INF}, {@code NaN} for the special values), datetimes canonical. A
     * reference gives its {@link ObjectPath#toString()} form (for messages only).
     *
     * @throws IllegalStateException for an array, or an embedded object held as a structure (the codec writes those)
     */
    public String toText() {
        if (type.array()) {
            throw new IllegalStateException("toText() on an array value; use toTexts()");
        }
        return value == null ? null : text(value);
    }

    /** The texts of an array's elements (null elements stay null); null for a NULL array. */
    public List<String> toTexts() {
        if (!type.array()) {
            throw new IllegalStateException("toTexts() on a scalar value; use toText()");
        }
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : values()) {
            out.add(o == null ? null : text(o));
        }
        return Collections.unmodifiableList(out);
    }

    static String text(Object v) {
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "INF" : "-INF") : d.toString();
        }
        if (v instanceof Float f) {
            return f.isNaN() ? "NaN" : f.isInfinite() ? (f > 0 ? "INF" : "-INF") : f.toString();
        }
        if (v instanceof CimInstance || v instanceof CimClass) {
            throw new IllegalStateException("An embedded " + v.getClass().getSimpleName() + " has no plain text form; the CIM-XML writer encodes it");
        }
        return v.toString();
    }

    // ------------------------------------------------------------------ identity

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CimValue v && type.kind() == v.type.kind() && type.array() == v.type.array()
                && Objects.equals(value, v.value));
    }

    @Override
    public int hashCode() {
        return (type.kind().ordinal() * 31 + Boolean.hashCode(type.array())) * 31 + Objects.hashCode(value);
    }

    /** For messages: {@code uint16 5}, {@code string "x"}, {@code string[] [a, null]}, {@code boolean NULL}. */
    @Override
    public String toString() {
        if (value == null) {
            return type + " NULL";
        }
        if (type.array()) {
            return type + " " + value;
        }
        return type + " " + (value instanceof String s ? '"' + s + '"' : value.toString());
    }
}
