package org.iscsismis.mof;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/** Coerces a {@link MofLiteral} to a declared {@link CimType}, as DSP0004 allows, or fails naming why. */
final class MofValues {

    /** Resolves {@code $alias} references (instances only). */
    interface AliasResolver {
        /** @throws MofFailure for an unknown alias */
        ObjectPath resolve(MofLiteral alias);
    }

    /** Where aliases are not allowed (class and qualifier declarations). */
    static final AliasResolver NO_ALIASES = alias -> {
        throw new MofFailure(alias.token(), "An alias ($" + alias.value() + ") may only be used as a reference value in an instance");
    };

    private static final BigInteger[] MIN = new BigInteger[CimType.Kind.values().length];
    private static final BigInteger[] MAX = new BigInteger[CimType.Kind.values().length];

    static {
        range(CimType.Kind.UINT8, 0, 255);
        range(CimType.Kind.SINT8, Byte.MIN_VALUE, Byte.MAX_VALUE);
        range(CimType.Kind.UINT16, 0, 65_535);
        range(CimType.Kind.SINT16, Short.MIN_VALUE, Short.MAX_VALUE);
        range(CimType.Kind.UINT32, 0, 4_294_967_295L);
        range(CimType.Kind.SINT32, Integer.MIN_VALUE, Integer.MAX_VALUE);
        range(CimType.Kind.SINT64, Long.MIN_VALUE, Long.MAX_VALUE);
        MIN[CimType.Kind.UINT64.ordinal()] = BigInteger.ZERO;
        MAX[CimType.Kind.UINT64.ordinal()] = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    }

    private static void range(CimType.Kind kind, long min, long max) {
        MIN[kind.ordinal()] = BigInteger.valueOf(min);
        MAX[kind.ordinal()] = BigInteger.valueOf(max);
    }

    private MofValues() {
    }

    /**
     * @param scalarAsArray true to accept a scalar for an array type as a one-element array
     *                      (qualifier values: {@code ValueMap("1")})
     * @throws MofFailure when the literal does not fit {@code type}
     */
    static CimValue coerce(MofLiteral lit, CimType type, AliasResolver aliases, boolean scalarAsArray) {
        if (lit.kind() == MofLiteral.Kind.NULL) {
            return CimValue.nullOf(type);
        }
        if (type.array()) {
            List<MofLiteral> items;
            if (lit.kind() == MofLiteral.Kind.ARRAY) {
                items = lit.elements();
            } else if (scalarAsArray) {
                items = List.of(lit);
            } else {
                throw new MofFailure(lit.token(), "expected an array of " + type.kind().cimName() + " ({...}), got " + lit.describe());
            }
            CimType element = type.elementType();
            List<Object> values = new ArrayList<>(items.size());
            for (MofLiteral item : items) {
                values.add(item.kind() == MofLiteral.Kind.NULL ? null : scalar(item, element, aliases).value());
            }
            return CimValue.of(type, values);
        }
        if (lit.kind() == MofLiteral.Kind.ARRAY) {
            throw new MofFailure(lit.token(), "expected a single " + type.kind().cimName() + " value, got " + lit.describe());
        }
        return scalar(lit, type, aliases);
    }

    private static CimValue scalar(MofLiteral lit, CimType type, AliasResolver aliases) {
        CimType.Kind kind = type.kind();
        MofLiteral.Kind lk = lit.kind();
        switch (kind) {
            case BOOLEAN:
                if (lk == MofLiteral.Kind.BOOLEAN) {
                    return CimValue.ofBoolean((Boolean) lit.value());
                }
                throw mismatch(lit, "a boolean (TRUE or FALSE)");
            case STRING:
            case INSTANCE:
            case OBJECT:
                if (lk == MofLiteral.Kind.STRING) {
                    return CimValue.of(type, lit.value());
                }
                throw mismatch(lit, "a string");
            case CHAR16:
                if (lk == MofLiteral.Kind.CHAR) {
                    return CimValue.ofChar16((Character) lit.value());
                }
                if (lk == MofLiteral.Kind.INTEGER) {
                    BigInteger b = (BigInteger) lit.value();
                    if (b.signum() >= 0 && b.bitLength() <= 16) {
                        return CimValue.ofChar16((char) b.intValue());
                    }
                    throw new MofFailure(lit.token(), b + " is out of range for char16 (0 to 65535)");
                }
                throw mismatch(lit, "a char16 ('c')");
            case REAL32:
            case REAL64:
                return real(lit, kind);
            case DATETIME:
                if (lk == MofLiteral.Kind.STRING) {
                    try {
                        return CimValue.ofDateTime(CimDateTime.parse((String) lit.value()));
                    } catch (IllegalArgumentException e) {
                        throw new MofFailure(lit.token(), "not a datetime: " + MofSession.lower(e.getMessage()));
                    }
                }
                throw mismatch(lit, "a datetime string (\"yyyymmddhhmmss.mmmmmmsutc\")");
            case REFERENCE:
                if (lk == MofLiteral.Kind.ALIAS) {
                    return CimValue.of(type, aliases.resolve(lit));
                }
                if (lk == MofLiteral.Kind.STRING) {
                    try {
                        return CimValue.of(type, ObjectPath.parse((String) lit.value()));
                    } catch (IllegalArgumentException e) {
                        throw new MofFailure(lit.token(), "not an object path: " + MofSession.lower(e.getMessage()));
                    }
                }
                throw mismatch(lit, "a reference (an alias $name or an object path string)");
            default:
                if (lk != MofLiteral.Kind.INTEGER) {
                    throw mismatch(lit, "an integer (" + kind.cimName() + ")");
                }
                BigInteger b = (BigInteger) lit.value();
                if (b.compareTo(MIN[kind.ordinal()]) < 0 || b.compareTo(MAX[kind.ordinal()]) > 0) {
                    throw new MofFailure(lit.token(), b + " is out of range for " + kind.cimName()
                            + " (" + MIN[kind.ordinal()] + " to " + MAX[kind.ordinal()] + ")");
                }
                return CimValue.of(type, b);
        }
    }

    private static CimValue real(MofLiteral lit, CimType.Kind kind) {
        String text;
        if (lit.kind() == MofLiteral.Kind.REAL) {
            text = (String) lit.value();
        } else if (lit.kind() == MofLiteral.Kind.INTEGER) {
            text = lit.value().toString();
        } else {
            throw mismatch(lit, "a number (" + kind.cimName() + ")");
        }
        if (kind == CimType.Kind.REAL32) {
            float f = Float.parseFloat(text);
            if (Float.isInfinite(f)) {
                throw new MofFailure(lit.token(), text + " is out of range for real32");
            }
            return CimValue.ofReal32(f);
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            throw new MofFailure(lit.token(), text + " is out of range for real64");
        }
        return CimValue.ofReal64(d);
    }

    private static MofFailure mismatch(MofLiteral lit, String expected) {
        return new MofFailure(lit.token(), "expected " + expected + ", got " + lit.describe());
    }
}
