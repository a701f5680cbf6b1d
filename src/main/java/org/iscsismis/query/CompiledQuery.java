package org.iscsismis.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.query.Operand.Literal;
import org.iscsismis.query.Operand.PropertyPath;

/**
 * A query parsed and checked once, then evaluated on any number of instances (thread-safe,
 * immutable). It tells what an operation or an indication filter needs: the language, the FROM
 * class, the selected properties, the namespace it was checked in, and whether an instance passes.
 */
public final class CompiledQuery {

    private final String text;
    private final CimNamespace namespace;
    private final Query statement;
    private final QueryEvaluator evaluator;

    private CompiledQuery(String text, CimNamespace namespace, Query statement, ClassModel model) {
        this.text = text;
        this.namespace = namespace;
        this.statement = statement;
        this.evaluator = new QueryEvaluator(model);
    }

    /**
     * A query with SELECT and FROM (WQL or DMTF:CQL: ExecQuery, OpenQueryInstances, indication filters),
     * checked against {@code model}, the classes of {@code namespace}. CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED
     * for another language (DMTF:FQL included: it has no FROM), CIM_ERR_INVALID_QUERY for a query that
     * does not parse or names an unknown class or property.
     */
    public static CompiledQuery compile(String language, String text, CimNamespace namespace, ClassModel model) {
        QueryLanguage l = QueryLanguage.of(language);
        if (!l.hasSelect()) {
            throw new CimException(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, "Query language " + l
                    + " filters a pulled enumeration and has no FROM; query with WQL or DMTF:CQL");
        }
        return new CompiledQuery(text, namespace, QueryParser.parse(l, requireText(text), model, namespace, null), model);
    }

    /**
     * A DSP0212 filter (FilterQueryLanguage {@code DMTF:FQL}) on the instances of {@code filterClass}
     * (null when the results' class is not known: names are then not checked). 14 for any other
     * language, 15 for a filter that does not parse or names an unknown property.
     */
    public static CompiledQuery compileFilter(String language, String text, CimNamespace namespace, ClassModel model,
                                              CimName filterClass) {
        QueryLanguage l = QueryLanguage.of(language);
        if (l != QueryLanguage.FQL) {
            throw new CimException(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, "FilterQueryLanguage " + l
                    + " is not supported for filtered enumerations; filter with DMTF:FQL");
        }
        return new CompiledQuery(text, namespace, QueryParser.parse(l, requireText(text), model, namespace, filterClass), model);
    }

    /** Parses {@code text} without a class model: the syntax only (names and types unchecked). */
    public static Query parse(QueryLanguage language, String text) {
        return QueryParser.parse(language, requireText(text), null, null, null);
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new CimException(CimStatus.INVALID_QUERY, "The query is empty");
        }
        return text;
    }

    public QueryLanguage language() {
        return statement.language();
    }

    /** The query as the client wrote it. */
    public String text() {
        return text;
    }

    /** The namespace whose classes the query was checked against (an indication filter's source namespace). */
    public CimNamespace namespace() {
        return namespace;
    }

    public Query statement() {
        return statement;
    }

    /** The FROM class, or null for an FQL filter. */
    public CimName fromClass() {
        return statement.fromClass();
    }

    /** The selected properties, or null when all are ({@code *}, and FQL). */
    public List<CimName> selectList() {
        return statement.selectList();
    }

    /** The condition's value on {@code instance} (TRUE without a WHERE). */
    public Truth evaluate(CimInstance instance) {
        return statement.where() == null ? Truth.TRUE : evaluator.evaluate(statement.where(), instance);
    }

    /** True if {@code instance} is selected: its condition is TRUE (not FALSE, not UNKNOWN). */
    public boolean matches(CimInstance instance) {
        return evaluate(instance) == Truth.TRUE;
    }

    /**
     * The values the condition fixes for {@code keys} when it is an AND (or a single comparison) that
     * holds {@code key = literal} for every one of them, so one instance can be read instead of all;
     * otherwise null. The whole condition must still be evaluated on the instance read.
     */
    public Map<CimName, CimValue> keyValues(Collection<CimName> keys) {
        Expression w = statement.where();
        if (w == null || keys.isEmpty()) {
            return null;
        }
        List<Expression> conjuncts = w instanceof Expression.And a ? a.operands() : List.of(w);
        Map<CimName, CimValue> found = new LinkedHashMap<>();
        for (Expression e : conjuncts) {
            if (e instanceof Expression.Comparison c && c.op() == ComparisonOperator.EQ) {
                keyEquality(c.left(), c.right(), found);
                keyEquality(c.right(), c.left(), found);
            }
        }
        for (CimName k : keys) {
            if (!found.containsKey(k)) {
                return null;
            }
        }
        found.keySet().retainAll(keys);
        return found;
    }

    private static void keyEquality(Operand property, Operand value, Map<CimName, CimValue> found) {
        if (property instanceof PropertyPath p && p.names().size() == 1 && p.index() == null && value instanceof Literal l
                && !l.value().isArray()) {
            found.putIfAbsent(p.first(), l.value());
        }
    }

    @Override
    public String toString() {
        return statement.language() + ": " + text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledQuery c && c.statement.equals(statement) && Objects.equals(c.namespace, namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statement, namespace);
    }
}
