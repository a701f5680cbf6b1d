package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.iscsismis.replication.ReplicationEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium against a server with the demo: the pairs are listed with the value
 * maps' names, the clone's progress bar moves as the engine copies, and a button creates a snapshot that the SBLIM
 * client then enumerates. The last test saves a screenshot (target/console.png; also to the path in system
 * property {@code console.screenshot}, which is how docs/img/console.png is made).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final String NS = "root/cimv2/storage/iscsitarget";
    static final String SYNC = "MSISCSITARGET_StorageSynchronized";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.demo();
    private static HeadlessChromium browser;
    private static final WBEMClient client = server.client();

    @BeforeAll
    static void start() {
        browser = server.closing(HeadlessChromium.start(1366, 768));
        browser.open(server.url() + "/");
    }

    @Test
    @Order(1)
    void listsTheDemoPairsWithTheirStatesByName() {
        browser.waitUntil("the three demo pairs are listed", () -> browser.row("pairs", "archive → archive-clone") != null
                && browser.row("pairs", "db-data → db-data-mirror") != null
                && browser.row("pairs", "logs → logs-snapshot") != null);

        WebElement mirror = browser.row("pairs", "db-data → db-data-mirror");
        assertTrue(mirror.getText().contains("Mirror"), mirror.getText());
        assertTrue(mirror.getText().contains("Synchronous"), mirror.getText());
        WebElement copyState = mirror.findElements(By.cssSelector(".badge")).get(0);
        assertEquals("Synchronized", copyState.getText());
        assertTrue(copyState.getDomAttribute("class").contains("tone-ok"), copyState.getDomAttribute("class"));

        WebElement clone = browser.row("pairs", "archive → archive-clone");
        assertTrue(clone.getText().contains("Clone"), clone.getText());
        assertEquals("Unsynchronized", clone.findElements(By.cssSelector(".badge")).get(0).getText());
        assertTrue(browser.row("pairs", "logs → logs-snapshot").getText().contains("Snapshot"));

        WebElement system = browser.driver().findElement(By.id("system"));
        assertTrue(system.getText().contains("iscsi-smis"), system.getText());
        assertTrue(browser.row("pools", "demo-pool").getText().contains("16 GiB"), browser.row("pools", "demo-pool").getText());
        assertNotNull(browser.row("volumes", "archive"));
    }

    @Test
    @Order(2)
    void theClonesBarMovesWhenTheEngineCopies() throws WBEMException {
        ReplicationEngine engine = server.server().target().engine();
        int[] held = new int[1];
        engine.holdCopying(true);
        try {
            // once copying is held, CIM's PercentSynced stays put and the page catches up with it
            browser.waitUntil("the page shows the held clone's PercentSynced", () -> {
                held[0] = clonePercentThroughCim();
                return cloneBar() == held[0];
            });
        } finally {
            engine.holdCopying(false);
        }
        assertTrue(held[0] < 100, "the demo clone is still copying: " + held[0]);
        browser.waitUntil("the clone's bar moves past " + held[0] + "%", () -> cloneBar() > held[0]);
    }

    @Test
    @Order(4)
    void theSnapshotButtonCreatesASnapshotACimClientSees() throws WBEMException {
        assertEquals(1, snapshotsOf("disk-2"), "the demo's one snapshot of logs (disk-2)");

        browser.row("volumes", "logs").findElement(By.cssSelector("button[data-action='Snapshot']")).click();

        browser.waitUntil("the page reports the method's answer", () -> notice().contains("Completed with No Error (0)"));
        assertTrue(notice().startsWith("Snapshot of logs: "), notice());
        assertEquals(2, snapshotsOf("disk-2"), "the SBLIM client enumerates the new snapshot");
        // the page names the new volume after its source, avoiding the names in use
        browser.waitUntil("the new pair is listed", () -> browser.row("pairs", "logs → logs-snapshot-2") != null);
    }

    @Test
    @Order(3)
    void aMethodsRefusalIsShownInWords() {
        // Resync Replica of a Synchronized mirror is not a transition the engine has: Invalid Parameter (5)
        browser.row("pairs", "db-data → db-data-mirror").findElement(By.cssSelector("button[data-action='Resync']")).click();
        browser.waitUntil("the page reports the refusal", () -> notice().contains("Invalid Parameter (5)"));
        assertTrue(browser.driver().findElement(By.id("notice")).getDomAttribute("class").contains("bad"));
    }

    @Test
    @Order(5)
    void fractureAndResyncTheMirrorTheResyncRunsAsAJob() {
        browser.row("pairs", "db-data → db-data-mirror").findElement(By.cssSelector("button[data-action='Fracture']")).click();
        browser.waitUntil("the fracture is reported", () -> notice().equals("Fracture db-data → db-data-mirror: Completed with No Error (0)"));
        browser.waitUntil("the mirror shows Fractured", () -> copyStateBadge("db-data → db-data-mirror").getText().equals("Fractured"));
        assertTrue(copyStateBadge("db-data → db-data-mirror").getDomAttribute("class").contains("tone-warn"));

        // with copying held the resync cannot be done at once, so the method answers with a job
        ReplicationEngine engine = server.server().target().engine();
        engine.holdCopying(true);
        String job;
        try {
            browser.row("pairs", "db-data → db-data-mirror").findElement(By.cssSelector("button[data-action='Resync']")).click();
            browser.waitUntil("the resync is reported as a job",
                    () -> notice().startsWith("Resync db-data → db-data-mirror: Method Parameters Checked - Job Started (4096) · job "));
            job = notice().substring(notice().lastIndexOf(' ') + 1);
            browser.waitUntil("the running job is listed", () -> jobRow(job) != null && jobRow(job).getText().contains("Running"));
        } finally {
            engine.holdCopying(false);
        }
        browser.waitUntil("the job completes", () -> jobRow(job).getText().contains("Completed"));
        assertTrue(jobRow(job).getText().contains("Resync Replica"), jobRow(job).getText());
        browser.waitUntil("the mirror is Synchronized again", () -> copyStateBadge("db-data → db-data-mirror").getText().equals("Synchronized"));
    }

    @Test
    @Order(6)
    void savesAScreenshotOfTheConsole() throws IOException {
        browser.waitUntil("the page is live", () -> browser.driver().findElement(By.id("live")).getDomAttribute("class").contains("on"));
        Path shot = browser.driver().getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "console.png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "a screenshot of a rendered page: " + Files.size(target) + " bytes");
        String docs = System.getProperty("console.screenshot");
        if (docs != null && !docs.isBlank()) {
            Files.copy(shot, Path.of(docs), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The row of the jobs table for job {@code instanceId} (its first cell's title), or null. */
    private static WebElement jobRow(String instanceId) {
        return browser.driver().findElements(By.cssSelector("#jobs tbody tr")).stream()
                .filter(tr -> instanceId.equals(tr.findElement(By.cssSelector("td")).getDomAttribute("title")))
                .findFirst().orElse(null);
    }

    private static WebElement copyStateBadge(String pair) {
        return browser.row("pairs", pair).findElements(By.cssSelector(".badge")).get(0);
    }

    private static String notice() {
        return browser.driver().findElement(By.id("notice-text")).getText();
    }

    /** The clone's bar as the page shows it (aria-valuenow), or -1 while it is not on the page. */
    private static int cloneBar() {
        WebElement row = browser.row("pairs", "archive → archive-clone");
        if (row == null) {
            return -1;
        }
        List<WebElement> bars = row.findElements(By.cssSelector("[role='progressbar']"));
        return bars.isEmpty() ? -1 : Integer.parseInt(bars.get(0).getDomAttribute("aria-valuenow"));
    }

    private static int clonePercentThroughCim() {
        try {
            for (CIMInstance pair : all(client.enumerateInstances(classPath(NS, SYNC), true, false, false, null))) {
                if (((Number) pair.getPropertyValue("SyncType")).intValue() == 8) {
                    return ((Number) pair.getPropertyValue("PercentSynced")).intValue();
                }
            }
        } catch (WBEMException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no clone among the pairs");
    }

    /** How many snapshots (SyncType 7) the SBLIM client enumerates with source {@code deviceId}. */
    private static long snapshotsOf(String deviceId) throws WBEMException {
        return all(client.enumerateInstances(classPath(NS, SYNC), true, false, false, null)).stream()
                .filter(p -> ((Number) p.getPropertyValue("SyncType")).intValue() == 7)
                .filter(p -> deviceId.equals(((CIMObjectPath) p.getPropertyValue("SystemElement")).getKeyValue("DeviceID")))
                .count();
    }
}
