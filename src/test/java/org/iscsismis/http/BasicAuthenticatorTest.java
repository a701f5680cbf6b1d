package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private final BasicAuthenticator auth = new BasicAuthenticator(Map.of(
            "alice", "pa:ss",
            "bob", "sha256:" + HexFormat.of().formatHex(BasicAuthenticator.sha256("hunter2"))));

    @Test
    void acceptsRightCredentials() {
        assertEquals("alice", auth.authenticate(basic("alice:pa:ss")));
        assertEquals("bob", auth.authenticate(basic("bob:hunter2")));
        assertEquals("alice", auth.authenticate("basic   " + basic("alice:pa:ss").substring(6)));
    }

    @Test
    void refusesEverythingElse() {
        assertNull(auth.authenticate(null));
        assertNull(auth.authenticate(basic("alice:wrong")));
        assertNull(auth.authenticate(basic("carol:pa:ss")));
        assertNull(auth.authenticate(basic("alice")));
        assertNull(auth.authenticate("Bearer abc"));
        assertNull(auth.authenticate("Basic !!!"));
        assertNull(auth.authenticate(basic("bob:sha256:" + HexFormat.of().formatHex(BasicAuthenticator.sha256("hunter2")))));
    }

    @Test
    void refusesBadTables() {
        assertThrows(IllegalArgumentException.class, () -> new BasicAuthenticator(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new BasicAuthenticator(Map.of("a", "sha256:12")));
        assertThrows(IllegalArgumentException.class, () -> new BasicAuthenticator(Map.of("a:b", "x")));
    }
}
