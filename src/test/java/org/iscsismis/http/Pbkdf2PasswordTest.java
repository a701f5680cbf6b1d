package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pbkdf2PasswordTest {

    @Test
    void writtenFormRoundTripsAndNeverHoldsThePassword() {
        Pbkdf2Password p = Pbkdf2Password.create("correct horse".toCharArray(), 2_000);
        String written = p.format();
        assertTrue(written.matches("pbkdf2-sha256:2000:[A-Za-z0-9+/]{22}:[A-Za-z0-9+/]{43}"), written);
        assertFalse(written.contains("correct"), written);
        Pbkdf2Password read = Pbkdf2Password.parse(written);
        assertTrue(read.matches("correct horse".toCharArray()));
        assertFalse(read.matches("correct horsE".toCharArray()));
        assertFalse(p.toString().contains(written.substring(written.lastIndexOf(':'))), p.toString());
    }

    @Test
    void saltedSoTheSamePasswordHashesDifferently() {
        assertNotEquals(Pbkdf2Password.create("x".toCharArray(), 1_000).format(), Pbkdf2Password.create("x".toCharArray(), 1_000).format());
    }

    @Test
    void legacyFormsCheckTheSamePassword() {
        assertTrue(Pbkdf2Password.ofLegacy("plain", 1_000).matches("plain".toCharArray()));
        String digest = "sha256:" + java.util.HexFormat.of().formatHex(Pbkdf2Password.sha256("hunter2".getBytes()));
        assertTrue(Pbkdf2Password.ofLegacy(digest, 1_000).matches("hunter2".toCharArray()));
        assertFalse(Pbkdf2Password.ofLegacy(digest, 1_000).matches(digest.toCharArray()));
        assertThrows(IllegalStateException.class, () -> Pbkdf2Password.ofLegacy("plain", 1_000).format());
    }

    @Test
    void malformedHashesAreRefusedWithoutEchoingThem() {
        for (String bad : new String[] {"", "sha256:abc", "pbkdf2-sha256:10:AAAA:BBBB", "pbkdf2-sha256:x:AAAA:BBBB",
                "pbkdf2-sha256:2000:!!:??", "pbkdf2-sha256:2000:AAAAAAAAAAAAAAAAAAAAAA"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pbkdf2Password.parse(bad), bad);
            assertFalse(!bad.isEmpty() && bad.length() > 20 && e.getMessage().contains(bad), e.getMessage());
        }
        assertEquals(Pbkdf2Password.DEFAULT_ITERATIONS, Pbkdf2Password.create("x".toCharArray(), Pbkdf2Password.DEFAULT_ITERATIONS).iterations());
    }
}
