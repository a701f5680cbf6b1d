package org.iscsismis.query;

import java.util.List;
import java.util.stream.Collectors;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.query.Operand.ArrayElement;
import org.iscsismis.query.Operand.Literal;
import org.iscsismis.query.Operand.PropertyPath;

/**
 * Writes a {@link Query} back as text of its language, so that parsing the text gives the same
 * query: AND, OR and NOT operands are parenthesized, strings quoted and escaped the way the
 * language's lexer reads them, FQL null tests written {@code = NULL}.
 */
public final class QueryPrinter {

    private QueryPrinter() {
    }

    public static String print(Query q) {
        QueryLanguage l = q.language();
        if (!l.hasSelect()) {
            return condition(q.where(), q);
        }
        StringBuilder sb = new StringBuilder("SELECT ");
        sb.append(q.selectList() == null ? "*" : q.selectList().stream().map(CimName::toString).collect(Collectors.joining(", ")));
        sb.append(" FROM ").append(q.fromClass());
        if (q.alias() != null) {
            sb.append(" AS ").append(q.alias());
        }
        if (q.where() != null) {
            sb.append(" WHERE ").append(condition(q.where(), q));
        }
        return sb.toString();
    }

    private static String condition(Expression e, Query q) {
        if (e instanceof Expression.And a) {
            return group(a.operands(), " AND ", q);
        }
        if (e instanceof Expression.Or o) {
            return group(o.operands(), " OR ", q);
        }
        if (e instanceof Expression.Not n) {
            return "NOT (" + condition(n.operand(), q) + ")";
        }
        if (e instanceof Expression.Comparison c) {
            return operand(c.left(), q) + " " + c.op().symbol() + " " + operand(c.right(), q);
        }
        if (e instanceof Expression.NullTest n) {
            if (q.language() == QueryLanguage.FQL) {
                return path(n.path(), q) + (n.isNull() ? " = NULL" : " <> NULL");
            }
            return path(n.path(), q) + (n.isNull() ? " IS NULL" : " IS NOT NULL");
        }
        if (e instanceof Expression.Like l) {
            return operand(l.subject(), q) + " LIKE " + string(l.pattern().text(), q.language());
        }
        if (e instanceof Expression.Isa i) {
            return path(i.path(), q) + " ISA " + i.className();
        }
        if (e instanceof Expression.Quantified x) {
            String element = x.element() instanceof Expression.Not n ? "NOT " + condition(n.operand(), q).substring(1)
                    : condition(x.element(), q).substring(1);
            return x.quantifier() + " " + path(x.array(), q) + " " + element.strip();
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private static String group(List<Expression> operands, String joiner, Query q) {
        return operands.stream().map(o -> "(" + condition(o, q) + ")").collect(Collectors.joining(joiner));
    }

    /** The element of ANY/EVERY prints as nothing: its test is written after the array ({@code ANY Tags = 'a'}). */
    private static String operand(Operand o, Query q) {
        if (o instanceof ArrayElement) {
            return "";
        }
        if (o instanceof Literal l) {
            return literal(l.value(), q.language());
        }
        return path((PropertyPath) o, q);
    }

    private static String path(PropertyPath p, Query q) {
        if (p.isSelf()) {
            return q.alias() != null ? q.alias() : String.valueOf(q.fromClass());
        }
        String s = p.names().stream().map(CimName::toString).collect(Collectors.joining("."));
        return p.index() == null ? s : s + "[" + p.index() + "]";
    }

    private static String literal(CimValue v, QueryLanguage l) {
        if (v.isArray()) {
            return v.values().stream().map(o -> literal(CimValue.of(v.type().elementType(), o), l))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        Object o = v.value();
        if (o instanceof String s) {
            return string(s, l);
        }
        if (o instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (o instanceof Number) {
            return v.toText();
        }
        return string(o.toString(), l);
    }

    private static String string(String s, QueryLanguage l) {
        if (l == QueryLanguage.WQL) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return "'" + s.replace("'", "''") + "'";
    }
}
