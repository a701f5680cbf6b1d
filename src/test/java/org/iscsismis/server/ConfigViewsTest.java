package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iscsismis.iscsi.target.TargetSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces ServerConfig is made of: the sources' layering, the typed readers, the views and the binding policy. */
class ConfigViewsTest {

    @TempDir
    Path dir;

    private static ConfigValues values(Map<String, String> settings) {
        return new ConfigValues(ConfigSources.defaultsThen(settings));
    }

    @Test
    void theFileGivesConfigDirItsDirectoryUnlessItSetsOneAndOverridesWin() throws Exception {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, "http.port = 6000 \nlog.level=debug\n", StandardCharsets.UTF_8);
        Map<String, String> settings = ConfigSources.fileThenOverrides(file, Map.of("http.port", "7000"));
        assertEquals(Map.of("http.port", "7000", "log.level", "debug", "config.dir", dir.toAbsolutePath().toString()),
                settings);
        Files.writeString(file, "config.dir=/elsewhere\n", StandardCharsets.UTF_8);
        assertEquals("/elsewhere", ConfigSources.fileThenOverrides(file, Map.of()).get("config.dir"));
    }

    @Test
    void defaultsThenSettingsTrimsKeysAndValuesAndKeepsTheTableOrder() {
        Map<String, String> merged = ConfigSources.defaultsThen(Map.of(" http.port ", " 6000 "));
        assertEquals("6000", merged.get("http.port"));
        assertEquals(ConfigKeys.KEYS.stream().map(ConfigKeys.Key::name).toList(), List.copyOf(merged.keySet()));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigSources.with(merged, "http.prot", "1"));
        assertEquals("Unknown configuration key \"http.prot\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"64_000, 64000", "0, 0", "65535, 65535"})
    void numbersMayGroupDigitsWithUnderscores(String text, long expected) {
        assertEquals(expected, values(Map.of("http.port", text)).number("http.port", 0, 65535));
    }

    @Test
    void eachReaderNamesTheKeyAndSaysWhatIsWrong() {
        ConfigValues v = values(Map.of("http.port", "70000", "demo.enabled", "yes", "http.bind", "", "interop.alias", "a//b"));
        assertEquals("http.port: 70000 is outside 0..65535",
                assertThrows(ConfigurationException.class, () -> v.number("http.port", 0, 65535)).getMessage());
        assertEquals("demo.enabled: \"yes\" is not true or false",
                assertThrows(ConfigurationException.class, () -> v.bool("demo.enabled")).getMessage());
        assertEquals("http.bind must not be empty",
                assertThrows(ConfigurationException.class, () -> v.text("http.bind")).getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> v.namespaceOrNull("interop.alias")).getMessage()
                .startsWith("interop.alias: \"a//b\" is not a namespace name: "));
        assertNull(v.optionalPath("data.dir"));
    }

    @Test
    void httpSettingsUnbracketIpv6AndKeepAllowedHostsInOrder() {
        HttpSettings http = HttpSettings.read(values(Map.of("http.bind", "[::1]", "http.allowedHosts", "b.example, a.example,,")));
        assertEquals("::1", http.bind());
        assertTrue(http.loopbackBind());
        assertEquals(List.of("b.example", "a.example"), List.copyOf(http.allowedHosts()));
    }

    @Test
    void iscsiSettingsMakeTheTargetsSettings() {
        IscsiSettings iscsi = IscsiSettings.read(values(Map.of("iscsi.thinProvisioning", "false", "iscsi.maxSessions", "3",
                "iscsi.loginTimeoutMs", "1500")));
        TargetSettings target = iscsi.targetSettings("iqn.2026-12.org.iscsismis:x", "1.0");
        assertFalse(target.thin());
        assertEquals(3, target.maxSessions());
        assertEquals(Duration.ofMillis(1500), target.loginTimeout());
        assertEquals("iqn.2026-12.org.iscsismis:x", target.targetName());
        assertFalse(iscsi.chapOnEveryLogin());
    }

    @Test
    void plainHttpCarriesCredentialsOffLoopbackOnlyWhenAllowed() {
        Map<String, String> remote = Map.of("http.bind", "0.0.0.0", "auth.usersFile", "/x/users");
        ConfigValues v = values(remote);
        assertFalse(BindingPolicy.plainHttpOnBind(HttpSettings.read(v), AuthSettings.read(v)));
        ConfigValues allowed = values(Map.of("http.bind", "0.0.0.0", "auth.usersFile", "/x/users", "auth.allowPlainHttp", "true"));
        assertTrue(BindingPolicy.plainHttpOnBind(HttpSettings.read(allowed), AuthSettings.read(allowed)));
        ConfigValues noAuth = values(Map.of("http.bind", "0.0.0.0"));
        assertTrue(BindingPolicy.plainHttpOnBind(HttpSettings.read(noAuth), AuthSettings.read(noAuth)));
    }

    @Test
    void theViewsReadWhatTheFlatAccessorsRead() {
        ServerConfig c = ServerConfig.of(Map.of("http.port", "6000", "https.enabled", "false", "storage.medium", "heap",
                "pull.maxContexts", "9", "demo.enabled", "false", "iscsi.port", "3261"));
        assertEquals(c.httpPort(), c.http().port());
        assertEquals(c.httpLimits(), c.http().limits());
        assertEquals(c.httpsEnabled(), c.tls().enabled());
        assertEquals(c.heapMedium(), c.storage().heapMedium());
        assertEquals(c.pullLimits(), c.dispatch().pullLimits());
        assertEquals(c.demoEnabled(), c.model().demoEnabled());
        assertEquals(c.iscsiPort(), c.iscsi().port());
        assertEquals(6000, c.http().port());
        assertTrue(c.storage().heapMedium());
    }
}
