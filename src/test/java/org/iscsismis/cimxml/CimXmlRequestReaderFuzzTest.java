package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzz target: any byte sequence given to the CIM-XML request reader either decodes into a request
 * (whose errors, if any, are CIM statuses inside the result) or is refused with a {@link CimXmlException}
 * naming what is wrong. Anything else (a RuntimeException, an Error, a hang) is a finding. Without
 * JAZZER_FUZZ the inputs under {@code CimXmlRequestReaderFuzzTestInputs} are replayed as a unit test;
 * docs/fuzzing.md shows how to fuzz.
 */
class CimXmlRequestReaderFuzzTest {

    private static final CimXmlRequestReader READER = new CimXmlRequestReader();
    /** The defaults with a smaller text bound, so the fuzzer spends its time on structure, not on long texts. */
    private static final ReaderLimits LIMITS = new ReaderLimits(64, 100_000, 64 << 10, 64 << 10);

    @FuzzTest(maxDuration = "10m")
    void readsAnyBody(byte[] body) {
        try {
            ParsedRequest parsed = READER.read(new ByteArrayInputStream(body), LIMITS);
            assertNotNull(parsed.methodName(), "a decoded request names its method");
            assertNotNull(parsed.request() != null ? parsed.request() : parsed.error(),
                    "a decoded request is either an operation or a CIM error");
        } catch (CimXmlException e) {
            assertNotNull(e.kind());
            assertNotNull(e.getMessage());
        }
    }
}
