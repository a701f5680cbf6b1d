package org.iscsismis.query;

import static org.iscsismis.query.QueryFixtures.cql;
import static org.iscsismis.query.QueryFixtures.fql;
import static org.iscsismis.query.QueryFixtures.item;
import static org.iscsismis.query.QueryFixtures.wql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What conditions evaluate to on fixture items: comparisons, three-valued logic, LIKE per language, ISA, arrays. */
class QueryEvaluationTest {

    /** Item 6 has Name NULL; item 4 is: Counter 4, Delta 4, Status 6, Enabled, Tags [a-1, b, c], Codes [0, 10, 20]. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // comparisons, numbers of different widths, reals against integers
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Counter = 4"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Counter <> 4"), 4, Truth.FALSE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Counter < 4.5"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Ratio = 1"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Big > 4000000003"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Delta = -3"), 3, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE 3 >= Counter"), 4, Truth.FALSE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Enabled = TRUE"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name = 'item-4'"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name = 'ITEM-4'"), 4, Truth.FALSE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name < 'item-5'"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Counter = Status"), 4, Truth.FALSE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Created > '20240115120003.000000+000'"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Created = '20240115130400.000000+060'"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Owner = 'Test_Part.PartID=\"p0\"'"), 4, Truth.TRUE),
                // NULL: comparisons are UNKNOWN, and so are NOT and AND with them; OR with TRUE is TRUE
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name = 'x'"), 6, Truth.UNKNOWN),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE NOT Name = 'x'"), 6, Truth.UNKNOWN),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name = 'x' AND Counter = 6"), 6, Truth.UNKNOWN),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name = 'x' AND Counter = 5"), 6, Truth.FALSE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name = 'x' OR Counter = 6"), 6, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name IS NULL"), 6, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name IS NOT NULL"), 6, Truth.FALSE),
                // LIKE in each language's pattern syntax
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name LIKE 'item-_'"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name LIKE '%-[0-4]'"), 4, Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Name LIKE '%-[^0-4]'"), 4, Truth.FALSE),
                Arguments.of(cql("SELECT * FROM Test_Item WHERE Name LIKE 'item-.'"), 4, Truth.TRUE),
                Arguments.of(cql("SELECT * FROM Test_Item WHERE Name LIKE 'i.*'"), 4, Truth.TRUE),
                Arguments.of(cql("SELECT * FROM Test_Item WHERE Name LIKE 'item\\.4'"), 4, Truth.FALSE),
                Arguments.of(fql("Name LIKE 'item-[45]'"), 4, Truth.TRUE),
                Arguments.of(fql("Name LIKE 'item-[45]^'"), 4, Truth.FALSE),
                Arguments.of(fql("Name LIKE '(item|part)-4+'"), 4, Truth.TRUE),
                Arguments.of(fql("Name LIKE 'item'"), 4, Truth.FALSE),
                Arguments.of(fql("Name NOT LIKE 'item'"), 4, Truth.TRUE),
                Arguments.of(fql("Name LIKE '.*'"), 6, Truth.UNKNOWN),
                // ISA: embedded instances and, in CQL, the instance itself
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Part ISA 'Test_Part'"), 4, Truth.TRUE),
                Arguments.of(cql("SELECT * FROM Test_Item AS i WHERE i ISA Test_SpecialItem"), 4, Truth.FALSE),
                Arguments.of(cql("SELECT * FROM Test_Item AS i WHERE i ISA Test_Item"), 4, Truth.TRUE),
                // embedded properties
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Part.Size = 40"), 4, Truth.TRUE),
                Arguments.of(cql("SELECT * FROM Test_Item WHERE Part.PartID = 'p4'"), 4, Truth.TRUE),
                // arrays (DSP0212)
                Arguments.of(fql("Tags[0] = 'a-1'"), 4, Truth.TRUE),
                Arguments.of(fql("Tags[3] = 'a-1'"), 4, Truth.UNKNOWN),
                Arguments.of(fql("ANY Codes = 10"), 4, Truth.TRUE),
                Arguments.of(fql("ANY Codes = 11"), 4, Truth.FALSE),
                Arguments.of(fql("EVERY Codes < 21"), 4, Truth.TRUE),
                Arguments.of(fql("EVERY Codes > 0"), 4, Truth.FALSE),
                Arguments.of(fql("NOT ANY Codes = 10"), 4, Truth.FALSE),
                Arguments.of(fql("NOT EVERY Codes = 10"), 4, Truth.TRUE),
                Arguments.of(fql("ANY Tags LIKE 'a-.'"), 4, Truth.TRUE),
                Arguments.of(fql("Codes = {0, 10, 20}"), 4, Truth.TRUE),
                Arguments.of(fql("Codes <> {0, 10}"), 4, Truth.TRUE),
                Arguments.of(fql("Codes = {0, 10, 18446744073709551615}"), 4, Truth.FALSE),
                Arguments.of(fql("Counter = 0x4 AND Status = 110b"), 4, Truth.TRUE));
    }

    @ParameterizedTest(name = "[{index}] {0} on item {1} is {2}")
    @MethodSource("cases")
    void evaluates(CompiledQuery q, int item, Truth expected) {
        assertEquals(expected, q.evaluate(item(item)));
        assertEquals(expected == Truth.TRUE, q.matches(item(item)));
    }

    @ParameterizedTest(name = "[{index}] a property the instance lacks reads as NULL")
    @MethodSource("missing")
    void missingPropertiesAreNull(CompiledQuery q, Truth expected) {
        CimInstance bare = CimInstance.builder("Test_Item").property("InstanceID", CimValue.ofString("x")).build();
        assertEquals(expected, q.evaluate(bare));
    }

    static Stream<Arguments> missing() {
        return Stream.of(
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Counter = 1"), Truth.UNKNOWN),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Counter IS NULL"), Truth.TRUE),
                Arguments.of(wql("SELECT * FROM Test_Item WHERE Part.Size = 1"), Truth.UNKNOWN),
                Arguments.of(fql("ANY Codes = 1"), Truth.UNKNOWN));
    }
}
