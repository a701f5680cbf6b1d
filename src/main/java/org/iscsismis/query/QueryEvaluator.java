package org.iscsismis.query;

import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.query.Operand.ArrayElement;
import org.iscsismis.query.Operand.Literal;
import org.iscsismis.query.Operand.PropertyPath;

/**
 * Evaluates a condition on one instance in three-valued logic: AND is FALSE if any operand is,
 * OR TRUE if any is, NOT swaps TRUE and FALSE, and UNKNOWN stays UNKNOWN; a property the instance
 * lacks, a NULL, an index past the end, or a path through something that is not an embedded
 * instance reads as NULL. ANY over an array is TRUE if some element passes, EVERY FALSE if some
 * element fails (an empty array: ANY FALSE, EVERY TRUE). Thread-safe and stateless.
 */
final class QueryEvaluator {

    private final ClassModel model;

    /** {@code model} answers ISA (null: ISA compares class names only). */
    QueryEvaluator(ClassModel model) {
        this.model = model;
    }

    Truth evaluate(Expression e, CimInstance instance) {
        return eval(e, instance, null);
    }

    private Truth eval(Expression e, CimInstance instance, Object element) {
        if (e instanceof Expression.Comparison c) {
            return ValueComparison.compare(value(c.left(), instance, element), c.op(), value(c.right(), instance, element));
        }
        if (e instanceof Expression.And a) {
            Truth result = Truth.TRUE;
            for (Expression o : a.operands()) {
                Truth t = eval(o, instance, element);
                if (t == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
        if (e instanceof Expression.Or o) {
            Truth result = Truth.FALSE;
            for (Expression x : o.operands()) {
                Truth t = eval(x, instance, element);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
        if (e instanceof Expression.Not n) {
            return eval(n.operand(), instance, element).not();
        }
        if (e instanceof Expression.NullTest n) {
            return Truth.of((resolve(n.path(), instance) == null) == n.isNull());
        }
        if (e instanceof Expression.Like l) {
            Object v = value(l.subject(), instance, element);
            return v instanceof String s ? Truth.of(l.pattern().matches(s))
                    : v instanceof Character ch ? Truth.of(l.pattern().matches(ch.toString())) : Truth.UNKNOWN;
        }
        if (e instanceof Expression.Isa i) {
            return isa(resolve(i.path(), instance), i.className());
        }
        if (e instanceof Expression.Quantified q) {
            return quantified(q, instance);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private Truth quantified(Expression.Quantified q, CimInstance instance) {
        if (!(resolve(q.array(), instance) instanceof List<?> elements)) {
            return Truth.UNKNOWN;
        }
        boolean any = q.quantifier() == Expression.Quantifier.ANY;
        Truth result = any ? Truth.FALSE : Truth.TRUE;
        for (Object element : elements) {
            Truth t = eval(q.element(), instance, element);
            if (t == (any ? Truth.TRUE : Truth.FALSE)) {
                return t;
            }
            if (t == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    private Truth isa(Object v, CimName className) {
        CimName actual = v instanceof CimInstance i ? i.className() : v instanceof ObjectPath p ? p.className() : null;
        if (actual == null) {
            return Truth.UNKNOWN;
        }
        return Truth.of(actual.equals(className) || (model != null && model.isSubclassOf(actual, className)));
    }

    private static Object value(Operand o, CimInstance instance, Object element) {
        if (o instanceof Literal l) {
            return l.value().value();
        }
        if (o instanceof ArrayElement) {
            return element;
        }
        return resolve((PropertyPath) o, instance);
    }

    /** The Java value a path names in {@code instance} (the instance itself for an empty path), or null. */
    static Object resolve(PropertyPath path, CimInstance instance) {
        Object current = instance;
        for (CimName name : path.names()) {
            if (!(current instanceof CimInstance i)) {
                return null;
            }
            CimValue v = i.value(name);
            current = v == null ? null : v.value();
        }
        if (path.index() != null) {
            if (!(current instanceof List<?> l) || path.index() >= l.size()) {
                return null;
            }
            current = l.get(path.index());
        }
        return current;
    }
}
