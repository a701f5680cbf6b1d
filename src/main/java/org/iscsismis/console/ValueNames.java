package org.iscsismis.console;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimValue;

/**
 * The names a declaration's {@code ValueMap} and {@code Values} qualifiers give its integer values (DSP0004): an
 * exact entry first, then a range ({@code "4097..32767"}, {@code "0x8000.."}, {@code "..4"}), then the lone
 * {@code ".."} that stands for every value not listed. {@code Values} without a {@code ValueMap} names 0, 1, 2...
 * in order.
 */
final class ValueNames {

    private static final CimName VALUE_MAP = CimName.of("ValueMap");
    private static final CimName VALUES = CimName.of("Values");
    private static final ValueNames NONE = new ValueNames(List.of(), List.of());

    private final List<String> map;
    private final List<String> names;

    private ValueNames(List<String> map, List<String> names) {
        this.map = map;
        this.names = names;
    }

    /** The names of the declaration that carries {@code qualifiers}; none when it has no {@code Values}. */
    static ValueNames of(List<CimQualifier> qualifiers) {
        List<String> names = strings(CimQualifier.find(qualifiers, VALUES));
        if (names.isEmpty()) {
            return NONE;
        }
        List<String> map = strings(CimQualifier.find(qualifiers, VALUE_MAP));
        if (map.isEmpty()) {
            map = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                map.add(Integer.toString(i));
            }
        }
        return map.size() == names.size() ? new ValueNames(map, names) : NONE;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** The name of {@code code}, or null when no entry covers it. */
    String nameOf(BigInteger code) {
        for (int i = 0; i < map.size(); i++) {
            BigInteger exact = number(map.get(i));
            if (exact != null && exact.equals(code)) {
                return names.get(i);
            }
        }
        String everythingElse = null;
        for (int i = 0; i < map.size(); i++) {
            String entry = map.get(i).trim();
            int dots = entry.indexOf("..");
            if (dots < 0) {
                continue;
            }
            if (entry.equals("..")) {
                everythingElse = everythingElse == null ? names.get(i) : everythingElse;
                continue;
            }
            BigInteger low = dots == 0 ? null : number(entry.substring(0, dots));
            BigInteger high = dots + 2 == entry.length() ? null : number(entry.substring(dots + 2));
            if ((low == null || code.compareTo(low) >= 0) && (high == null || code.compareTo(high) <= 0)) {
                return names.get(i);
            }
        }
        return everythingElse;
    }

    /** The name of an integer value (null for NULL, a non-integer or an uncovered code). */
    String nameOf(Object value) {
        if (value instanceof BigInteger b) {
            return nameOf(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return nameOf(BigInteger.valueOf(((Number) value).longValue()));
        }
        return null;
    }

    /** A decimal, hexadecimal ({@code 0x}) or binary ({@code b} suffix) integer as DSP0004 writes them, or null. */
    private static BigInteger number(String text) {
        String t = text.trim();
        try {
            boolean negative = t.startsWith("-");
            String digits = negative || t.startsWith("+") ? t.substring(1) : t;
            BigInteger n;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                n = new BigInteger(digits.substring(2), 16);
            } else if (digits.endsWith("b") || digits.endsWith("B")) {
                n = new BigInteger(digits.substring(0, digits.length() - 1), 2);
            } else {
                n = new BigInteger(digits);
            }
            return negative ? n.negate() : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> strings(CimQualifier qualifier) {
        if (qualifier == null) {
            return List.of();
        }
        CimValue value = qualifier.value();
        if (value.isNull() || !value.isArray()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object o : value.values()) {
            texts.add(o == null ? "" : o.toString());
        }
        return texts;
    }
}
