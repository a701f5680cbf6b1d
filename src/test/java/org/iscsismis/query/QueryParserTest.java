package org.iscsismis.query;

import static org.iscsismis.query.QueryFixtures.cql;
import static org.iscsismis.query.QueryFixtures.fql;
import static org.iscsismis.query.QueryFixtures.wql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.query.Expression.And;
import org.iscsismis.query.Expression.Comparison;
import org.iscsismis.query.Expression.Isa;
import org.iscsismis.query.Expression.Like;
import org.iscsismis.query.Expression.Not;
import org.iscsismis.query.Expression.NullTest;
import org.iscsismis.query.Expression.Or;
import org.iscsismis.query.Expression.Quantified;
import org.iscsismis.query.Operand.Literal;
import org.iscsismis.query.Operand.PropertyPath;
import org.junit.jupiter.api.Test;

/** One test per grammar rule: what each construct parses into. */
class QueryParserTest {

    private static Expression where(CompiledQuery q) {
        return q.statement().where();
    }

    @Test
    void selectStarFromOneClass() {
        CompiledQuery q = wql("SELECT * FROM Test_Item");
        assertNull(q.selectList());
        assertEquals(CimName.of("Test_Item"), q.fromClass());
        assertNull(where(q));
    }

    @Test
    void selectListNamesPropertiesCaseInsensitively() {
        assertEquals(List.of(CimName.of("Name"), CimName.of("Counter")), wql("select name, COUNTER from test_item").selectList());
    }

    @Test
    void cqlQualifiesSelectListAndPathsWithClassOrAlias() {
        CompiledQuery q = cql("SELECT i.Name, Test_Item.Counter FROM Test_Item AS i WHERE i.Counter = 3");
        assertEquals(List.of(CimName.of("Name"), CimName.of("Counter")), q.selectList());
        assertEquals("i", q.statement().alias());
        assertEquals(new Comparison(PropertyPath.of("Counter"), ComparisonOperator.EQ, new Literal(CimValue.ofSint64(3))), where(q));
        assertNull(cql("SELECT i.* FROM Test_Item i").selectList());
    }

    @Test
    void comparisonOperators() {
        for (String op : List.of("=", "<>", "!=", "<", "<=", ">", ">=")) {
            Comparison c = (Comparison) where(wql("SELECT * FROM Test_Item WHERE Counter " + op + " 5"));
            assertEquals(op.equals("!=") ? ComparisonOperator.NE : ComparisonOperator.ofSymbol(op), c.op());
        }
    }

    @Test
    void literalOnTheLeftIsKept() {
        Comparison c = (Comparison) where(wql("SELECT * FROM Test_Item WHERE 5 < Counter"));
        assertInstanceOf(Literal.class, c.left());
        assertEquals(ComparisonOperator.LT, c.op());
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Expression e = where(wql("SELECT * FROM Test_Item WHERE Counter = 1 OR NOT Counter = 2 AND Status = 3"));
        Or or = assertInstanceOf(Or.class, e);
        And and = assertInstanceOf(And.class, or.operands().get(1));
        assertInstanceOf(Not.class, and.operands().get(0));
    }

    @Test
    void parenthesesGroup() {
        Expression e = where(wql("SELECT * FROM Test_Item WHERE (Counter = 1 OR Counter = 2) AND Status = 3"));
        And and = assertInstanceOf(And.class, e);
        assertInstanceOf(Or.class, and.operands().get(0));
    }

    @Test
    void isNullAndIsNotNull() {
        assertEquals(new NullTest(PropertyPath.of("Name"), true), where(wql("SELECT * FROM Test_Item WHERE Name IS NULL")));
        assertEquals(new NullTest(PropertyPath.of("Name"), false), where(cql("SELECT * FROM Test_Item WHERE Name IS NOT NULL")));
        assertEquals(new NullTest(PropertyPath.of("Name"), true), where(fql("Name = NULL")));
        assertEquals(new NullTest(PropertyPath.of("Name"), false), where(fql("Name <> NULL")));
    }

    @Test
    void isaTakesAClassNameOrInWqlAString() {
        assertEquals(new Isa(PropertyPath.of("Part"), CimName.of("Test_Part")),
                where(wql("SELECT * FROM Test_Item WHERE Part ISA 'Test_Part'")));
        assertEquals(new Isa(PropertyPath.self(), CimName.of("Test_SpecialItem")),
                where(cql("SELECT * FROM Test_Item AS i WHERE i ISA Test_SpecialItem")));
    }

    @Test
    void likeAndNotLike() {
        Like l = assertInstanceOf(Like.class, where(wql("SELECT * FROM Test_Item WHERE Name LIKE 'item-%'")));
        assertEquals("item-%", l.pattern().text());
        assertInstanceOf(Not.class, where(fql("Name NOT LIKE 'item-.*'")));
    }

    @Test
    void literalsOfEveryKind() {
        assertEquals(CimValue.ofString("it's"), literal(wql("SELECT * FROM Test_Item WHERE Name = 'it\\'s'")));
        assertEquals(CimValue.ofString("it's"), literal(cql("SELECT * FROM Test_Item WHERE Name = 'it''s'")));
        assertEquals(CimValue.ofString("dq"), literal(wql("SELECT * FROM Test_Item WHERE Name = \"dq\"")));
        assertEquals(CimValue.ofSint64(-7), literal(wql("SELECT * FROM Test_Item WHERE Delta = -7")));
        assertEquals(CimValue.ofSint64(31), literal(fql("Counter = 0x1F")));
        assertEquals(CimValue.ofSint64(5), literal(fql("Counter = 101b")));
        assertEquals(CimValue.ofReal64(0.25), literal(wql("SELECT * FROM Test_Item WHERE Ratio = .25")));
        assertEquals(CimValue.ofReal64(1.5e3), literal(wql("SELECT * FROM Test_Item WHERE Ratio = 1.5E3")));
        assertEquals(CimValue.ofBoolean(true), literal(wql("SELECT * FROM Test_Item WHERE Enabled = true")));
        assertEquals(CimValue.ofDateTime(CimDateTime.parse("20240115120000.000000+000")),
                literal(wql("SELECT * FROM Test_Item WHERE Created >= '20240115120000.000000+000'")));
        assertEquals(CimValue.ofUint64(new java.math.BigInteger("18446744073709551615")),
                literal(fql("Big < 18446744073709551615")));
    }

    private static CimValue literal(CompiledQuery q) {
        return ((Literal) ((Comparison) where(q)).right()).value();
    }

    @Test
    void embeddedPropertiesAndArrayIndexes() {
        Comparison c = (Comparison) where(wql("SELECT * FROM Test_Item WHERE Part.Size > 10"));
        assertEquals(PropertyPath.of("Part", "Size"), c.left());
        Comparison i = (Comparison) where(fql("Tags[1] = 'b'"));
        assertEquals(new PropertyPath(List.of(CimName.of("Tags")), 1), i.left());
    }

    @Test
    void fqlAnyEveryAndArrayLiterals() {
        Quantified any = assertInstanceOf(Quantified.class, where(fql("ANY Codes = 10")));
        assertEquals(Expression.Quantifier.ANY, any.quantifier());
        assertInstanceOf(Quantified.class, where(fql("EVERY Tags LIKE '.*'")));
        assertInstanceOf(Not.class, where(fql("NOT ANY Codes > 30")));
        Comparison c = (Comparison) where(fql("Codes = {1, 10, 20}"));
        assertEquals(3, ((Literal) c.right()).value().values().size());
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertInstanceOf(And.class, where(wql("select * from Test_Item where Counter = 1 and Status is not null")));
    }
}
