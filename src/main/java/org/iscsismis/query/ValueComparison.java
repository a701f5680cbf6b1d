package org.iscsismis.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.ObjectPath;

/**
 * Compares two property or literal values (Java objects as {@link org.iscsismis.cim.CimValue} holds
 * them). Numbers compare by value whatever their CIM width; strings and char16 as text, case-sensitively
 * in all three languages (as DSP0202 and DSP0212 compare; WMI's WQL would ignore case); booleans, references and embedded instances
 * only for (in)equality; timestamps by the instant they name and intervals by their length, with
 * wildcard datetimes equal only to the same text; arrays element by element for (in)equality.
 * Anything else (a NULL, or values of kinds that do not compare) is UNKNOWN.
 */
final class ValueComparison {

    private ValueComparison() {
    }

    static Truth compare(Object a, ComparisonOperator op, Object b) {
        if (a == null || b == null) {
            return Truth.UNKNOWN;
        }
        if (a instanceof List<?> la || b instanceof List<?>) {
            if (!(a instanceof List<?> x) || !(b instanceof List<?> y) || op.isOrdering()) {
                return Truth.UNKNOWN;
            }
            Truth eq = listsEqual(x, y);
            return op == ComparisonOperator.EQ ? eq : eq.not();
        }
        Integer c = order(a, b, op.isOrdering());
        return c == null ? Truth.UNKNOWN : Truth.of(op.test(c));
    }

    private static Truth listsEqual(List<?> x, List<?> y) {
        if (x.size() != y.size()) {
            return Truth.FALSE;
        }
        Truth all = Truth.TRUE;
        for (int i = 0; i < x.size(); i++) {
            Truth t = compare(x.get(i), ComparisonOperator.EQ, y.get(i));
            if (t == Truth.FALSE) {
                return Truth.FALSE;
            }
            if (t == Truth.UNKNOWN) {
                all = Truth.UNKNOWN;
            }
        }
        return all;
    }

    /** The order of {@code a} and {@code b}, or null when they do not compare (for an ordering operator: are not ordered). */
    private static Integer order(Object a, Object b, boolean ordering) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (isText(a) && isText(b)) {
            String s = a.toString();
            String t = b.toString();
            return s.compareTo(t);
        }
        if (a instanceof CimDateTime x && b instanceof CimDateTime y) {
            return compareDateTimes(x, y, ordering);
        }
        if (ordering) {
            return null;
        }
        if (a instanceof Boolean || a instanceof ObjectPath || a instanceof CimInstance) {
            return a.getClass() == b.getClass() ? (a.equals(b) ? 0 : 1) : null;
        }
        return null;
    }

    private static boolean isText(Object o) {
        return o instanceof String || o instanceof Character;
    }

    private static int compareNumbers(Number x, Number y) {
        boolean xi = x instanceof Long || x instanceof Integer || x instanceof Short || x instanceof Byte;
        boolean yi = y instanceof Long || y instanceof Integer || y instanceof Short || y instanceof Byte;
        if (xi && yi) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if ((xi || x instanceof BigInteger) && (yi || y instanceof BigInteger)) {
            return big(x).compareTo(big(y));
        }
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        if (Double.isNaN(dx) || Double.isNaN(dy) || Double.isInfinite(dx) || Double.isInfinite(dy)) {
            return Double.compare(dx, dy);
        }
        return decimal(x).compareTo(decimal(y));
    }

    private static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static Integer compareDateTimes(CimDateTime x, CimDateTime y, boolean ordering) {
        if (x.isInterval() != y.isInterval()) {
            return null;
        }
        if (x.hasWildcards() || y.hasWildcards()) {
            return ordering ? null : (x.equals(y) ? 0 : 1);
        }
        return x.isInterval() ? x.toDuration().compareTo(y.toDuration()) : x.toInstant().compareTo(y.toInstant());
    }
}
