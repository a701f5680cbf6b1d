package org.iscsismis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal names its status and points at the offending token. */
class QueryErrorsTest {

    private static CimException fails(Runnable r) {
        return assertThrows(CimException.class, r::run);
    }

    @Test
    void unknownLanguageIs14() {
        CimException e = fails(() -> CompiledQuery.compile("SQL", "SELECT * FROM Test_Item", QueryFixtures.NS, QueryFixtures.MODEL));
        assertEquals(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, e.status());
        assertTrue(e.getMessage().contains("\"SQL\""), e.getMessage());
    }

    @Test
    void fqlIsNoQueryAndOnlyFqlFilters() {
        assertEquals(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, fails(() -> CompiledQuery.compile("DMTF:FQL", "Counter = 1",
                QueryFixtures.NS, QueryFixtures.MODEL)).status());
        assertEquals(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, fails(() -> CompiledQuery.compileFilter("WQL", "Counter = 1",
                QueryFixtures.NS, QueryFixtures.MODEL, CimName.of("Test_Item"))).status());
    }

    /** query, language, the expected text of the pointer ("line L, column C (offset O), at 'T'"). */
    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("WQL", "SELECT * FRM Test_Item", "line 1, column 10 (offset 9), at 'FRM': FROM is expected"),
                Arguments.of("WQL", "SELECT * FROM No_Such", "at 'No_Such': class No_Such does not exist in namespace root/test"),
                Arguments.of("WQL", "SELECT Nope FROM Test_Item", "at 'Nope': class Test_Item has no property Nope"),
                Arguments.of("WQL", "SELECT * FROM Test_Item\nWHERE Nope = 1", "line 2, column 7 (offset 30), at 'Nope'"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Counter = 'x'", "at 'x': type mismatch"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Created = 'yesterday'", "is not a datetime"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Enabled < TRUE", "at '<': operator < does not apply"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Tags = 'a'", "at 'Tags': property Tags is an array"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Counter LIKE 'x'", "LIKE needs a string"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Name = 'open", "the string literal is not terminated"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Counter = 1 AND", "at the end of the query"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE (Counter = 1", "')' is expected"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE ANY Tags = 'a'", "ANY is not supported in WQL"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Name.Size = 1", "not an embedded instance"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Part.Nope = 1", "class Test_Part has no property Nope"),
                Arguments.of("WQL", "SELECT * FROM Test_Item WHERE Part ISA No_Such", "class No_Such does not exist"),
                Arguments.of("WQL", "SELECT * FROM Test_Item ORDER BY Name", "ORDER BY is not supported"),
                Arguments.of("WQL", "ASSOCIATORS OF {Test_Item.InstanceID='x'}", "SELECT is expected"),
                Arguments.of("DMTF:CQL", "SELECT DISTINCT * FROM Test_Item", "at 'DISTINCT': DISTINCT is not supported"),
                Arguments.of("DMTF:CQL", "SELECT * FROM Test_Item, Test_Part", "only one FROM class"),
                Arguments.of("DMTF:CQL", "SELECT * FROM Test_Item WHERE UPPER(Name) = 'X'", "functions such as UPPER() are not supported"),
                Arguments.of("DMTF:CQL", "SELECT * FROM Test_Item WHERE Test_Item::Name = 'X'", "scoped property names"),
                Arguments.of("DMTF:CQL", "SELECT * FROM Test_Item WHERE ANY Tags = 'a'", "not part of the basic query"),
                Arguments.of("DMTF:CQL", "SELECT * FROM Test_Item WHERE Name LIKE 'a\\b'", "must escape"),
                Arguments.of("DMTF:CQL", "SELECT x.Name FROM Test_Item AS i", "at 'x': x is neither the FROM class nor its alias"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("invalid")
    void invalidQueriesAre15AndPointAtTheToken(String language, String query, String expected) {
        CimException e = fails(() -> CompiledQuery.compile(language, query, QueryFixtures.NS, QueryFixtures.MODEL));
        assertEquals(CimStatus.INVALID_QUERY, e.status(), e::getMessage);
        assertTrue(e.getMessage().contains(expected), () -> "expected \"" + expected + "\" in: " + e.getMessage());
        assertTrue(e.description().startsWith("Invalid " + language + " query at line "), e::getMessage);
    }

    static Stream<Arguments> invalidFilters() {
        return Stream.of(
                Arguments.of("blah", "at 'blah': class Test_Item has no property blah"),
                Arguments.of("Counter", "at the end of the query: a comparison operator"),
                Arguments.of("Counter = ", "a property name or a literal is expected"),
                Arguments.of("Nope = 1", "class Test_Item has no property Nope"),
                Arguments.of("ANY Counter = 1", "property Counter is not an array"),
                Arguments.of("Codes[x] = 1", "an array index (an integer) is expected"),
                Arguments.of("Part ISA Test_Part", "ISA is not part of DMTF:FQL"),
                Arguments.of("Name LIKE '[abc'", "has no characters and ']'"),
                Arguments.of("Codes = {1, 'a'}", "mixes"),
                Arguments.of("Codes = {-1, 18446744073709551615}", "mixes negative integers with integers beyond"),
                Arguments.of("Counter = 1 Counter = 2", "the query should end here"),
                Arguments.of("Counter = 99999999999999999999999", "out of the range"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidFilters")
    void invalidFiltersAre15(String filter, String expected) {
        CimException e = fails(() -> CompiledQuery.compileFilter("DMTF:FQL", filter, QueryFixtures.NS, QueryFixtures.MODEL,
                CimName.of("Test_Item")));
        assertEquals(CimStatus.INVALID_QUERY, e.status(), e::getMessage);
        assertTrue(e.getMessage().contains(expected), () -> "expected \"" + expected + "\" in: " + e.getMessage());
    }

    @Test
    void emptyQueryIs15() {
        assertEquals(CimStatus.INVALID_QUERY, fails(() -> CompiledQuery.compile("WQL", "  ", QueryFixtures.NS, QueryFixtures.MODEL)).status());
    }
}
