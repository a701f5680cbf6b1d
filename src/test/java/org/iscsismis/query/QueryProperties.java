package org.iscsismis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.query.Operand.Literal;
import org.iscsismis.query.Operand.PropertyPath;

/**
 * Two properties: parsing a printed query gives the same query, in each language; and on random
 * instances a random WQL condition selects exactly what an independent little evaluator (below,
 * written without the engine's classes) says, NULLs and three-valued logic included.
 */
class QueryProperties {

    // ------------------------------------------------------------------ print / parse round trip

    @Property(tries = 400)
    void printedQueriesParseBack(@ForAll("queries") Query q) {
        String text = QueryPrinter.print(q);
        assertEquals(q, CompiledQuery.parse(q.language(), text), () -> "printed as: " + text);
    }

    @Provide
    Arbitrary<Query> queries() {
        return Arbitraries.of(QueryLanguage.values()).flatMap(l -> expressions(l, 3).map(e -> l.hasSelect()
                ? new Query(l, null, CimName.of("Test_Item"), null, e) : new Query(l, null, null, null, e)));
    }

    private Arbitrary<Expression> expressions(QueryLanguage l, int depth) {
        Arbitrary<Expression> leaf = predicates(l);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expression> sub = expressions(l, depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(Expression.And::new)),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(Expression.Or::new)),
                net.jqwik.api.Tuple.of(1, sub.map(Expression.Not::new)));
    }

    private Arbitrary<Expression> predicates(QueryLanguage l) {
        Arbitrary<PropertyPath> paths = Arbitraries.of(PropertyPath.of("Name"), PropertyPath.of("Counter"), PropertyPath.of("Part", "Size"),
                new PropertyPath(List.of(CimName.of("Tags")), 2));
        Arbitrary<Operand> literals = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(s -> new Literal(CimValue.ofString(s))),
                Arbitraries.longs().map(n -> new Literal(CimValue.ofSint64(n))),
                Arbitraries.doubles().map(d -> new Literal(CimValue.ofReal64(d))),
                Arbitraries.of(true, false).map(b -> new Literal(CimValue.ofBoolean(b))));
        Arbitrary<ComparisonOperator> ops = Arbitraries.of(ComparisonOperator.values());
        List<Arbitrary<Expression>> kinds = new ArrayList<>(List.of(
                Combinators.combine(paths, ops, literals).as((p, o, v) -> new Expression.Comparison(p, o, v)),
                Combinators.combine(literals, ops, paths).as((v, o, p) -> new Expression.Comparison(v, o, p)),
                Combinators.combine(paths, ops, paths).as((p, o, q) -> new Expression.Comparison(p, o, q)),
                Combinators.combine(paths, Arbitraries.of(true, false)).as(Expression.NullTest::new),
                Combinators.combine(paths, Arbitraries.strings().alpha().ofMaxLength(5)).as((p, s) ->
                        new Expression.Like(p, LikePattern.of(l, l == QueryLanguage.WQL ? s + "%" : s + ".*")))));
        if (l != QueryLanguage.FQL) {
            kinds.add(Arbitraries.of("Test_Part", "CIM_Foo").map(c -> new Expression.Isa(PropertyPath.of("Part"), CimName.of(c))));
        } else {
            kinds.add(Combinators.combine(Arbitraries.of(Expression.Quantifier.values()), ops, literals).as((q, o, v) ->
                    new Expression.Quantified(q, PropertyPath.of("Codes"), new Expression.Comparison(new Operand.ArrayElement(), o, v))));
        }
        return Arbitraries.oneOf(kinds);
    }

    // ------------------------------------------------------------------ the engine against a hand evaluator

    /** A condition of the hand evaluator: property (Counter, Name or Enabled) op value, or AND / OR / NOT / IS NULL. */
    sealed interface Cond permits Cmp, IsNull, AndC, OrC, NotC {
    }

    record Cmp(String property, String op, Object value) implements Cond {
    }

    record IsNull(String property) implements Cond {
    }

    record AndC(Cond a, Cond b) implements Cond {
    }

    record OrC(Cond a, Cond b) implements Cond {
    }

    record NotC(Cond a) implements Cond {
    }

    /** Kleene logic with Boolean: null is UNKNOWN. */
    private static Boolean eval(Cond c, Long counter, String name, Boolean enabled) {
        if (c instanceof IsNull n) {
            return (n.property().equals("Counter") ? counter : n.property().equals("Name") ? name : enabled) == null;
        }
        if (c instanceof NotC n) {
            Boolean a = eval(n.a(), counter, name, enabled);
            return a == null ? null : !a;
        }
        if (c instanceof AndC x) {
            Boolean a = eval(x.a(), counter, name, enabled);
            Boolean b = eval(x.b(), counter, name, enabled);
            return Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? Boolean.FALSE : a == null || b == null ? null : Boolean.TRUE;
        }
        if (c instanceof OrC x) {
            Boolean a = eval(x.a(), counter, name, enabled);
            Boolean b = eval(x.b(), counter, name, enabled);
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b) ? Boolean.TRUE : a == null || b == null ? null : Boolean.FALSE;
        }
        Cmp m = (Cmp) c;
        Object actual = m.property().equals("Counter") ? counter : m.property().equals("Name") ? name : enabled;
        if (actual == null) {
            return null;
        }
        int cmp = actual instanceof Long x ? Long.compare(x, (Long) m.value())
                : actual instanceof String s ? s.compareTo((String) m.value()) : (actual.equals(m.value()) ? 0 : 1);
        return switch (m.op()) {
            case "=" -> cmp == 0;
            case "<>" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static String text(Cond c) {
        if (c instanceof IsNull n) {
            return n.property() + " IS NULL";
        }
        if (c instanceof NotC n) {
            return "NOT (" + text(n.a()) + ")";
        }
        if (c instanceof AndC x) {
            return "(" + text(x.a()) + ") AND (" + text(x.b()) + ")";
        }
        if (c instanceof OrC x) {
            return "(" + text(x.a()) + ") OR (" + text(x.b()) + ")";
        }
        Cmp m = (Cmp) c;
        String v = m.value() instanceof String s ? "'" + s + "'" : String.valueOf(m.value()).toUpperCase();
        return m.property() + " " + m.op() + " " + v;
    }

    @Provide
    Arbitrary<Cond> conditions() {
        return conditions(3);
    }

    private Arbitrary<Cond> conditions(int depth) {
        Arbitrary<String> ordered = Arbitraries.of("=", "<>", "<", "<=", ">", ">=");
        Arbitrary<Cond> leaf = Arbitraries.oneOf(
                Combinators.combine(ordered, Arbitraries.longs().between(0, 9)).as((o, v) -> new Cmp("Counter", o, v)),
                Combinators.combine(ordered, Arbitraries.of("a", "b", "c")).as((o, v) -> new Cmp("Name", o, v)),
                Combinators.combine(Arbitraries.of("=", "<>"), Arbitraries.of(true, false)).as((o, v) -> new Cmp("Enabled", o, v)),
                Arbitraries.of("Counter", "Name", "Enabled").map(IsNull::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Cond> sub = conditions(depth - 1);
        return Arbitraries.oneOf(leaf, leaf, Combinators.combine(sub, sub).as(AndC::new), Combinators.combine(sub, sub).as(OrC::new),
                sub.map(NotC::new));
    }

    @Provide
    Arbitrary<List<Object[]>> rows() {
        Arbitrary<Long> counter = Arbitraries.longs().between(0, 9).injectNull(0.2);
        Arbitrary<String> name = Arbitraries.of("a", "b", "c").injectNull(0.2);
        Arbitrary<Boolean> enabled = Arbitraries.of(true, false).injectNull(0.2);
        return Combinators.combine(counter, name, enabled).as((c, n, e) -> new Object[] {c, n, e}).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 500)
    void theEngineSelectsWhatTheHandEvaluatorSays(@ForAll("conditions") Cond condition, @ForAll("rows") List<Object[]> rows) {
        CompiledQuery q = QueryFixtures.wql("SELECT * FROM Test_Item WHERE " + text(condition));
        for (Object[] row : rows) {
            CimInstance i = CimInstance.builder("Test_Item").property("InstanceID", CimValue.ofString("x"))
                    .property("Counter", row[0] == null ? CimValue.nullOf(CimType.UINT32) : CimValue.ofUint32((Long) row[0]))
                    .property("Name", row[1] == null ? CimValue.nullOf(CimType.STRING) : CimValue.ofString((String) row[1]))
                    .property("Enabled", row[2] == null ? CimValue.nullOf(CimType.BOOLEAN) : CimValue.ofBoolean((Boolean) row[2]))
                    .build();
            Boolean expected = eval(condition, (Long) row[0], (String) row[1], (Boolean) row[2]);
            assertEquals(expected == null ? Truth.UNKNOWN : expected ? Truth.TRUE : Truth.FALSE, q.evaluate(i),
                    () -> text(condition) + " on " + java.util.Arrays.toString(row));
        }
    }
}
