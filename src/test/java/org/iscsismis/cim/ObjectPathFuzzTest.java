package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the untyped object path text (the WBEM URI form {@link ObjectPath#toString()} writes and
 * {@link ObjectPath#parse} reads). Any text either parses, and then the path's own text parses back to an
 * equal path, or is refused with an {@link IllegalArgumentException}; anything else is a finding.
 */
class ObjectPathFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parsesAnyPathText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ObjectPath path;
        try {
            path = ObjectPath.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(path, ObjectPath.parse(path.toString()), () -> "round trip of " + path);
    }
}
