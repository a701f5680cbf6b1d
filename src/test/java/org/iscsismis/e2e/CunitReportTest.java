package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reading of iscsi-test-cu's output, on output shaped as the tool prints it (unbuffered, with -V). */
class CunitReportTest {

    private static final String OUTPUT = """
            Suite: Read10
              Test: Simple ...
                Send READ10 (Expecting SUCCESS) LBA:0 blocks:1
                [OK] READ10 returned SUCCESS.
            passed
              Test: Unmap ...
                [SKIPPED] Logical unit is fully provisioned.
            passed    Send PRIN/READ_KEYS
              Test: BeyondEol ...
                [FAILED] READ10 successful but should have failed
            FAILED
                1. test_read10_beyond_eol.c:70  - CU_ASSERT_EQUAL(ret,0)
              Test: Hangs ...
            Run Summary:    Type  Total    Ran Passed Failed Inactive
            """;

    @Test
    void passSkipFailAndATestWithoutVerdictCountsAsFailed() {
        List<CunitReport.Result> results = CunitReport.parse(OUTPUT);
        assertEquals(List.of(
                new CunitReport.Result("Simple", CunitReport.Verdict.PASS),
                new CunitReport.Result("Unmap", CunitReport.Verdict.SKIP),
                new CunitReport.Result("BeyondEol", CunitReport.Verdict.FAIL),
                new CunitReport.Result("Hangs", CunitReport.Verdict.FAIL)), results);
    }

    @Test
    void aTestThatLogsNothingHasItsVerdictOnItsOwnLine() {
        String out = "  Test: LUNResetSimpleAsync ...passed\n  Test: Other ...FAILED\nRun Summary:\n";
        assertEquals(List.of(new CunitReport.Result("LUNResetSimpleAsync", CunitReport.Verdict.PASS),
                new CunitReport.Result("Other", CunitReport.Verdict.FAIL)), CunitReport.parse(out));
    }

    @Test
    void aFailedLogLineBeforeAPassIsAPass() {
        String out = "  Test: iSCSIDataSnInvalid ...\n    [FAILED] WRITE10 command failed (the expected failure)\npassed\n";
        assertEquals(List.of(new CunitReport.Result("iSCSIDataSnInvalid", CunitReport.Verdict.PASS)), CunitReport.parse(out));
    }
}
