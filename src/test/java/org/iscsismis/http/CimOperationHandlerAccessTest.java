package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.iscsismis.dispatch.NamespaceGrants;
import org.junit.jupiter.api.Test;

/** The Host check of a server without authentication, and the throttle of failed logins. */
class CimOperationHandlerAccessTest {

    private static final String BODY = body("GetClass", "root/cimv2");

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAuthenticationAForeignHostIsRefused() throws Exception {
        try (HandlerFixture fixture = new HandlerFixture(new AccessControl(Authenticator.none(), LoginThrottle.off(),
                AllowedHosts.loopbackAnd(Set.of("array1.example"))))) {
            String head = post("GetClass", "root/cimv2", bytes(BODY));
            assertEquals(200, fixture.exchange(head, bytes(BODY)).status());
            assertEquals(200, fixture.exchange(head.replace("Host: localhost", "Host: array1.example:5988"), bytes(BODY)).status());
            RawHttpConnection.RawResponse forged = fixture.exchange(head.replace("Host: localhost", "Host: attacker.example"), bytes(BODY));
            assertEquals(403, forged.status());
            assertTrue(forged.body().contains("Host \"attacker.example\" is not a name of this server"), forged.body());
            assertTrue(forged.body().contains("http.allowedHosts"), forged.body());
        }
    }

    @Test
    void repeatedFailuresFromOneAddressAre429WithRetryAfter() throws Exception {
        Account account = new Account(Pbkdf2Password.create("right".toCharArray(), 1_000), NamespaceGrants.EVERYTHING);
        try (HandlerFixture fixture = new HandlerFixture(new AccessControl(new BasicAuthenticator(Map.of("alice", account)),
                new LoginThrottle(2, 60), AllowedHosts.any()))) {
            String wrong = post("GetClass", "root/cimv2", bytes(BODY), basic("alice", "wrong"));
            String right = post("GetClass", "root/cimv2", bytes(BODY), basic("alice", "right"));
            String none = post("GetClass", "root/cimv2", bytes(BODY));
            assertEquals(200, fixture.exchange(right, bytes(BODY)).status());
            assertEquals(401, fixture.exchange(none, bytes(BODY)).status(), "no credentials: not a failed login");
            assertEquals(401, fixture.exchange(wrong, bytes(BODY)).status());
            assertEquals(401, fixture.exchange(wrong, bytes(BODY)).status());
            RawHttpConnection.RawResponse refused = fixture.exchange(right, bytes(BODY));
            assertEquals(429, refused.status(), "refused before the credentials are even checked");
            long retry = Long.parseLong(refused.header("Retry-After"));
            assertTrue(retry >= 1 && retry <= 60, refused.header("Retry-After"));
            assertTrue(refused.body().contains("too many failed logins"), refused.body());
        }
    }
}
