package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.openqa.selenium.By;

/**
 * The console in a real browser on a server with users: without credentials the browser gets 401 and no console;
 * with them, it shows the user's view; and a page of another origin, in the same browser whose every request carries
 * the user's credentials, cannot make it act (neither a form post nor a script's request): the SBLIM client sees no
 * new snapshot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLoginIT {

    static final String NS = "root/cimv2/storage/iscsitarget";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.with(TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true")
            .with(ServerConfig.AUTH_USERS, "alice:s3cret"));
    private static HeadlessChromium browser;
    private static HttpServer otherOrigin;
    private static final WBEMClient client = server.client("alice", "s3cret");

    @BeforeAll
    static void start() throws IOException {
        browser = server.closing(HeadlessChromium.start(1366, 768));
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherOrigin.start();
        server.closing(() -> otherOrigin.stop(0));
    }

    @Test
    @Order(1)
    void withoutCredentialsTheBrowserGets401AndNoConsole() {
        String page = server.url() + "/";
        browser.open(page);
        assertEquals(401, browser.documentStatus(page));
        assertTrue(browser.driver().findElements(By.id("sections")).isEmpty(), "no console without credentials");
    }

    @Test
    @Order(2)
    void signedInTheConsoleShowsTheUsersView() {
        browser.sendCredentials("alice", "s3cret");
        String page = server.url() + "/";
        browser.open(page);
        assertEquals(200, browser.documentStatus(page));
        browser.waitUntil("the demo pairs are listed", () -> browser.row("pairs", "db-data → db-data-mirror") != null);
        assertEquals("signed in as alice", browser.driver().findElement(By.id("user")).getText());
    }

    @Test
    @Order(3)
    void aPageOfAnotherOriginCannotAct() throws WBEMException {
        String logs = browser.row("volumes", "logs").getDomAttribute("data-id");
        String action = server.url() + "/console/api/replica";
        String page = """
                <!doctype html><title>other</title>
                <form id="f" method="POST" action="%1$s">
                  <input name="volume" value="%2$s"><input name="type" value="Snapshot"></form>
                <script>
                  fetch('%1$s', {method: 'POST', mode: 'cors', credentials: 'include',
                      headers: {'X-Requested-By': 'iscsi-smis-console', 'Content-Type': 'application/x-www-form-urlencoded'},
                      body: 'type=Snapshot&volume=' + encodeURIComponent(document.forms[0].volume.value)})
                    .then(r => { document.title = 'fetch answered ' + r.status; },
                          () => { document.title = 'fetch refused'; })
                    .finally(() => document.getElementById('f').submit());
                </script>
                """.formatted(action, logs.replace("\"", "&quot;"));
        otherOrigin.createContext("/", exchange -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        long before = snapshotsOfLogs();

        browser.open("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/");

        // the script's request dies at its CORS preflight; then the form posts and the console answers 403
        browser.waitUntil("the form's post is answered", () -> browser.driver().getCurrentUrl().endsWith("/console/api/replica"));
        String body = browser.driver().findElement(By.tagName("body")).getText();
        assertTrue(body.startsWith("403 Forbidden: an action must come from the console page"), body);
        assertEquals(before, snapshotsOfLogs(), "no snapshot was made");
    }

    /** Snapshots (SyncType 7) of the logs volume (disk-2), as the SBLIM client enumerates them. */
    private static long snapshotsOfLogs() throws WBEMException {
        return all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_StorageSynchronized"), true, false, false, null))
                .stream()
                .filter(p -> ((Number) p.getPropertyValue("SyncType")).intValue() == 7)
                .filter(p -> "disk-2".equals(((CIMObjectPath) p.getPropertyValue("SystemElement")).getKeyValue("DeviceID")))
                .count();
    }
}
