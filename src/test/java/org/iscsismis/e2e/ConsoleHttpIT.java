package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The console's HTTP surface over raw HTTP, on a server with the demo and users configured: the same Basic
 * authentication as /cimom (401 with a challenge, for the page and its API alike), the page's headers, the actions'
 * defence against requests from other origins, bad forms, and /cimom left as it was.
 */
class ConsoleHttpIT {

    @RegisterExtension
    static final ServerFixture server = ServerFixture.with(TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true")
            .with(ServerConfig.AUTH_USERS, "alice:s3cret"));
    private static HttpClient http;
    private static final String ALICE = basic("alice", "s3cret");

    @BeforeAll
    static void start() {
        http = HttpClient.newHttpClient();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(server.url().resolve(path)).GET();
    }

    private static HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(server.url().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    @ParameterizedTest(name = "{0} {1} without credentials: 401")
    @CsvSource({"GET, /", "GET, /console/console.js", "GET, /console/api/state", "POST, /console/api/replica"})
    void everyConsoleResourceNeedsCredentials(String method, String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(server.url().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"iscsi-smis\""),
                r.headers().map().toString());
        assertEquals(401, send(get(path).header("Authorization", basic("alice", "wrong"))).statusCode());
    }

    @Test
    void failedConsoleLoginsAreThrottledTogetherWithThoseOnCimom() throws Exception {
        try (TestServer guarded = TestServer.start(TestServer.testDefaults().with(ServerConfig.AUTH_USERS, "alice:s3cret")
                .with(ServerConfig.AUTH_MAX_FAILURES, "2"))) {
            HttpRequest.Builder wrong = HttpRequest.newBuilder(guarded.url().resolve("/console/api/state"))
                    .header("Authorization", basic("alice", "guess"));
            assertEquals(401, send(wrong).statusCode());
            assertEquals(401, send(wrong).statusCode());
            HttpResponse<String> throttled = send(HttpRequest.newBuilder(guarded.url().resolve("/"))
                    .header("Authorization", ALICE));
            assertEquals(429, throttled.statusCode(), "even the right password waits: " + throttled.body());
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent(), throttled.headers().map().toString());
            HttpResponse<String> cimom = send(HttpRequest.newBuilder(guarded.cimomUrl()).header("Authorization", ALICE)
                    .header("Content-Type", "application/xml; charset=utf-8").header("CIMOperation", "MethodCall")
                    .header("CIMMethod", "EnumerateClassNames").header("CIMObject", "root/cimv2")
                    .POST(HttpRequest.BodyPublishers.ofString("<CIM/>")));
            assertEquals(429, cimom.statusCode(), "one throttle for both doors");
        }
    }

    @Test
    void thePageIsServedWithHeadersThatKeepItToItself() throws Exception {
        HttpResponse<String> page = send(get("/").header("Authorization", ALICE));
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().contains("<script src=\"/console/console.js\""), page.body());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
                && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(200, send(get("/console/console.css").header("Authorization", ALICE)).statusCode());
        assertEquals(404, send(get("/console/nothing.js").header("Authorization", ALICE)).statusCode());
        HttpResponse<String> put = send(HttpRequest.newBuilder(server.url().resolve("/"))
                .header("Authorization", ALICE).PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, put.statusCode());
        assertEquals("GET, HEAD", put.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void theStateIsJsonForTheAuthenticatedUser() throws Exception {
        HttpResponse<String> state = send(get("/console/api/state").header("Authorization", ALICE));
        assertEquals(200, state.statusCode());
        assertEquals("application/json; charset=utf-8", state.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", state.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(state.body().startsWith("{\"user\":\"alice\",\"sections\":{\"system\":{\"rows\":[{"), state.body());
        assertTrue(state.body().contains("\"CopyState\":\"Synchronized\""), state.body());
    }

    @ParameterizedTest(name = "an action {0}: 403")
    @CsvSource(delimiter = '|', value = {
            "without the page's header||",
            "from another origin|X-Requested-By=iscsi-smis-console|Origin=http://evil.example",
            "that the browser calls cross-site|X-Requested-By=iscsi-smis-console|Sec-Fetch-Site=cross-site"})
    void actionsFromElsewhereAreRefused(String why, String header1, String header2) throws Exception {
        HttpRequest.Builder request = post("/console/api/replica", "volume=x&type=Snapshot").header("Authorization", ALICE);
        for (String h : new String[] {header1, header2}) {
            if (h != null && !h.isBlank()) {
                request.header(h.substring(0, h.indexOf('=')), h.substring(h.indexOf('=') + 1));
            }
        }
        HttpResponse<String> r = send(request);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("403 Forbidden: "), r.body());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "type=Snapshot|400",
            "volume=x&type=Photocopy|400",
            "volume=x&type=Snapshot|200"})
    void badFormsAre400AndUnknownVolumesAnErrorInWords(String form, int status) throws Exception {
        HttpResponse<String> r = send(post("/console/api/replica", form).header("Authorization", ALICE)
                .header("X-Requested-By", "iscsi-smis-console"));
        assertEquals(status, r.statusCode(), r.body());
        if (status == 200) {
            assertEquals("{\"ok\":false,\"error\":\"CIM_ERR_NOT_FOUND: The volume is no longer there "
                    + "(the server lists no CIM_StorageVolume x)\"}", r.body());
        }
    }

    @Test
    void cimomIsUnchanged() throws Exception {
        Map<String, Integer> expected = Map.of("/cimom", 405, "/elsewhere", 404);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url() + e.getKey())).GET());
            assertEquals(e.getValue(), r.statusCode(), e.getKey() + ": " + r.body());
        }
    }
}
