package org.iscsismis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.dispatch.Caller;
import org.iscsismis.dispatch.NamespaceAccess;
import org.iscsismis.dispatch.NamespaceGrants;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(Pbkdf2Password.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private final BasicAuthenticator legacy = BasicAuthenticator.ofLegacy(Map.of(
            "alice", "pa:ss",
            "bob", "sha256:" + sha256Hex("hunter2")), 1_000);

    @Test
    void acceptsRightLegacyCredentialsWithEveryRight() {
        assertEquals("alice", legacy.authenticate(basic("alice:pa:ss")).name());
        assertEquals("bob", legacy.authenticate(basic("bob:hunter2")).name());
        assertEquals("alice", legacy.authenticate("basic   " + basic("alice:pa:ss").substring(6)).name());
        assertSame(NamespaceGrants.EVERYTHING, legacy.authenticate(basic("bob:hunter2")).grants());
    }

    @Test
    void refusesEverythingElse() {
        assertNull(legacy.authenticate(null));
        assertNull(legacy.authenticate(basic("alice:wrong")));
        assertNull(legacy.authenticate(basic("carol:pa:ss")));
        assertNull(legacy.authenticate(basic("alice")));
        assertNull(legacy.authenticate("Bearer abc"));
        assertNull(legacy.authenticate("Basic !!!"));
        assertNull(legacy.authenticate(basic("bob:sha256:" + sha256Hex("hunter2"))));
    }

    @Test
    void aUserByNameHasTheRightsOfItsAccountWithoutCredentials() {
        assertEquals("alice", legacy.caller("alice").name());
        assertSame(NamespaceGrants.EVERYTHING, legacy.caller("bob").grants());
        assertNull(legacy.caller("carol"), "no such user");
        assertSame(Caller.ANYONE, Authenticator.none().caller("whoever"), "without authentication, anyone may do anything");
    }

    @Test
    void refusesBadTables() {
        assertThrows(IllegalArgumentException.class, () -> new BasicAuthenticator(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> BasicAuthenticator.ofLegacy(Map.of("a", "sha256:12")));
        assertThrows(IllegalArgumentException.class, () -> BasicAuthenticator.ofLegacy(Map.of("a:b", "x")));
        assertThrows(IllegalArgumentException.class, () -> BasicAuthenticator.ofLegacy(Map.of("a b", "x")));
    }

    @Test
    void accountsCarryTheirRights() {
        NamespaceGrants grants = NamespaceGrants.parse("root/interop=read");
        BasicAuthenticator auth = new BasicAuthenticator(Map.of("carol",
                new Account(Pbkdf2Password.create("open sesame".toCharArray(), 1_000), grants)));
        Caller carol = auth.authenticate(basic("carol:open sesame"));
        assertEquals("carol", carol.name());
        assertEquals(NamespaceAccess.READ, carol.accessTo(CimNamespace.of("root/interop")));
        assertEquals(NamespaceAccess.NONE, carol.accessTo(CimNamespace.of("root/cimv2")));
        assertNull(auth.authenticate(basic("carol:open sesamE")));
    }

    /** Right credentials are remembered for a while (Basic sends them with every request); wrong ones never. */
    @Test
    void rememberedCredentialsExpire() {
        Pbkdf2Password password = Pbkdf2Password.create("pw".toCharArray(), 1_000);
        AtomicLong now = new AtomicLong();
        BasicAuthenticator auth = new BasicAuthenticator(Map.of("dave", new Account(password, NamespaceGrants.EVERYTHING)), now::get);
        Caller first = auth.authenticate(basic("dave:pw"));
        assertSame(first, auth.authenticate(basic("dave:pw")), "remembered: the same caller, no new derivation");
        now.addAndGet(BasicAuthenticator.REMEMBER_NANOS + 1);
        Caller later = auth.authenticate(basic("dave:pw"));
        assertEquals("dave", later.name());
        assertFalse(first == later, "checked again after the remembering time");
        assertNull(auth.authenticate(basic("dave:PW")));
    }
}
