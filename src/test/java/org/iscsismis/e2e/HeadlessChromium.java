package org.iscsismis.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver (Selenium): a real browser running the console's
 * JavaScript. Each instance has a fresh profile directory, removed on close. The flags keep Chromium from reaching
 * for the network on its own (this machine may be offline).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a condition on the page may take; the page polls every second, the machine may be loaded. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * Selenium looks for DevTools bindings of this Chromium's version, which the tests do not need (they send the few
     * DevTools commands they use through chromedriver), and warns on every start without them. Held here: the
     * logging framework keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final java.util.logging.Logger CDP_VERSION_FINDER =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts Chromium with a window (and so screenshots) of {@code width} x {@code height}. */
    static HeadlessChromium start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; ./test installs them)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("iscsi-smis-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        // the DevTools events of the page (Network.responseReceived tells the HTTP status of a document)
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // the window size includes the browser's frame; the page itself gets exactly width x height
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return new HeadlessChromium(profile, driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** From now on every request of the page carries these HTTP Basic credentials (as a signed-in browser's would). */
    void sendCredentials(String user, String password) {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
    }

    /** The HTTP status the browser received for the document at {@code url} since the last call, or -1. */
    @SuppressWarnings("unchecked")
    int documentStatus(String url) {
        int status = -1;
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> event = new Json().toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) event.get("message");
            if (!"Network.responseReceived".equals(message.get("method"))) {
                continue;
            }
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            Map<String, Object> response = (Map<String, Object>) params.get("response");
            if ("Document".equals(params.get("type")) && url.equals(response.get("url"))) {
                status = ((Number) response.get("status")).intValue();
            }
        }
        return status;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits (polling the page, no fixed sleeps) until {@code condition} holds. */
    void waitUntil(String what, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
                .withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    /** The row of section {@code sectionId} whose name ({@code data-name}) is {@code name}, or null. */
    WebElement row(String sectionId, String name) {
        return driver.findElements(By.cssSelector("#" + sectionId + " tbody tr")).stream()
                .filter(tr -> name.equals(tr.getDomAttribute("data-name")))
                .findFirst().orElse(null);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }
}
