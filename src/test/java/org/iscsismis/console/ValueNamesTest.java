package org.iscsismis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DSP0004 value maps as CIM_ReplicationService.CreateElementReplica's return value writes them. */
class ValueNamesTest {

    static final ValueNames RETURN_CODES = ValueNames.of(List.of(
            CimQualifier.of("ValueMap", CimValue.ofStrings(List.of("0", "1", "2", "3", "4", "5", "6", "..", "4096",
                    "4097..32767", "0x8000.."))),
            CimQualifier.of("Values", CimValue.ofStrings(List.of("Completed with No Error", "Not Supported", "Unknown",
                    "Timeout", "Failed", "Invalid Parameter", "In Use", "DMTF Reserved",
                    "Method Parameters Checked - Job Started", "Method Reserved", "Vendor Specific")))));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"0, Completed with No Error", "5, Invalid Parameter", "4096, Method Parameters Checked - Job Started",
            "4097, Method Reserved", "32767, Method Reserved", "32768, Vendor Specific", "4294967295, Vendor Specific",
            "7, DMTF Reserved", "4095, DMTF Reserved"})
    void namesExactCodesThenRangesThenTheRest(long code, String name) {
        assertEquals(name, RETURN_CODES.nameOf(BigInteger.valueOf(code)));
    }

    @ParameterizedTest(name = "Values alone: {0} is {1}")
    @CsvSource(nullValues = "-", value = {"0, Unknown", "2, Two", "3, -"})
    void valuesWithoutAValueMapNameTheirIndexes(int code, String name) {
        ValueNames names = ValueNames.of(List.of(CimQualifier.of("Values", CimValue.ofStrings(List.of("Unknown", "One", "Two")))));
        assertEquals(name, names.nameOf(BigInteger.valueOf(code)));
    }

    @org.junit.jupiter.api.Test
    void mismatchedOrMissingQualifiersNameNothing() {
        assertTrue(ValueNames.of(List.of()).isEmpty());
        assertTrue(ValueNames.of(List.of(CimQualifier.of("ValueMap", CimValue.ofStrings(List.of("1", "2"))),
                CimQualifier.of("Values", CimValue.ofStrings(List.of("One"))))).isEmpty());
    }
}
