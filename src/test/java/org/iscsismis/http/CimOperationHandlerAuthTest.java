package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP Basic authentication in front of the CIM checks. */
class CimOperationHandlerAuthTest {

    private static final String BODY = body("GetClass", "root/cimv2");
    private static HandlerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new HandlerFixture(BasicAuthenticator.ofLegacy(Map.of("alice", "s3cret:with:colons"), 1_000));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingCredentialsAre401WithChallenge() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(post("GetClass", "root/cimv2", bytes(BODY)), bytes(BODY));
        assertEquals(401, r.status());
        assertEquals("Basic realm=\"iscsi-smis\"", r.header("WWW-Authenticate"));
        // a client that answers the challenge on the same connection without reading a body must find none
        assertEquals("0", r.header("Content-Length"));
        assertEquals("", r.body());
    }

    /** The unread body is drained before the 401, so the client sees the challenge and may go on on the same connection. */
    @Test
    void anUnauthenticatedBodyIsDrainedAndTheConnectionKept() throws Exception {
        byte[] body = bytes(BODY);
        String head = post("GetClass", "root/cimv2", body);
        try (RawHttpConnection c = fixture.connect()) {
            c.send(head, Arrays.copyOf(body, body.length / 2));
            assertFalse(c.answersWithin(300), "the answer waits for the rest of the body");
            c.write(new String(body, body.length / 2, body.length - body.length / 2, StandardCharsets.ISO_8859_1));
            assertEquals(401, c.read().status());
            assertEquals(200, c.send(head + basic("alice", "s3cret:with:colons"), body).read().status(),
                    "the same connection, now with credentials");
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAre401() throws Exception {
        assertEquals(401, fixture.exchange(post("GetClass", "root/cimv2", bytes(BODY), basic("alice", "nope")), bytes(BODY)).status());
        assertEquals(401, fixture.exchange(post("GetClass", "root/cimv2", bytes(BODY), basic("bob", "s3cret:with:colons")), bytes(BODY)).status());
    }

    @Test
    void authenticationComesBeforeTheCimChecks() throws Exception {
        String head = post("GetClass", "root/cimv2", bytes(BODY)).replace("CIMOperation: MethodCall\n", "");
        assertEquals(401, fixture.exchange(head, bytes(BODY)).status());
    }

    @Test
    void rightCredentialsAre200ThroughJavaHttpClient() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + "/cimom"))
                .header("Content-Type", "application/xml; charset=\"utf-8\"")
                .header("CIMOperation", "MethodCall").header("CIMMethod", "GetClass").header("CIMObject", "root/cimv2")
                .header("Authorization", basic("alice", "s3cret:with:colons").substring("Authorization: ".length()))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("MethodResponse", response.headers().firstValue("CIMOperation").orElse(null));
    }
}
