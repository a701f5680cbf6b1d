package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iscsismis.cimxml.ReaderLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("test.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void defaults() {
        ServerConfig c = ServerConfig.defaults();
        assertEquals(5988, c.httpPort());
        assertEquals("127.0.0.1", c.bind());
        assertEquals(4L << 20, c.httpLimits().maxBodyBytes());
        assertEquals(ReaderLimits.DEFAULT, c.httpLimits().xml());
        assertTrue(c.users().isEmpty());
        assertEquals("info", c.logLevel());
        c.checkBindingAllowed();
    }

    @Test
    void pullLimitsComeFromTheirKeys() {
        ServerConfig c = ServerConfig.of(Map.of("pull.maxContexts", "5", "pull.defaultTimeoutSeconds", "7",
                "pull.maxTimeoutSeconds", "8"));
        assertEquals(new org.iscsismis.dispatch.PullLimits(5, java.time.Duration.ofSeconds(7), java.time.Duration.ofSeconds(8)),
                c.pullLimits());
        assertEquals(org.iscsismis.dispatch.PullLimits.DEFAULT, ServerConfig.defaults().pullLimits());
    }

    @Test
    void embeddedPropertiesListEveryKeyWithItsDefault() throws Exception {
        Properties p = new Properties();
        try (InputStream in = ServerConfig.class.getResourceAsStream("/iscsi-smis.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> expected = ServerConfig.KEYS.stream()
                .collect(Collectors.toMap(ServerConfig.Key::name, ServerConfig.Key::defaultValue));
        Map<String, String> actual = p.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, p::getProperty));
        assertEquals(expected, actual);
    }

    @Test
    void overridesWinOverTheFile() throws Exception {
        Path f = file("http.port=6000\nlog.level=debug\nlimits.maxBodyBytes=1000\n");
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("http.port", "7000");
        ServerConfig c = ServerConfig.load(f, overrides);
        assertEquals(7000, c.httpPort());
        assertEquals("debug", c.logLevel());
        assertEquals(1000, c.httpLimits().maxBodyBytes());
        assertEquals("127.0.0.1", c.bind());
    }

    @Test
    void unknownKeyInFileIsNamed() throws Exception {
        Path f = file("http.prot=6000\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ServerConfig.load(f, Map.of()));
        assertTrue(e.getMessage().contains("http.prot"), e.getMessage());
    }

    @Test
    void unknownOverrideKeyIsNamed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServerConfig.load(null, Map.of("auth.user", "x:y")));
        assertTrue(e.getMessage().contains("auth.user"), e.getMessage());
    }

    @Test
    void theInteropNamespaceHasNoOtherNameUnlessOneIsConfigured() {
        assertTrue(ServerConfig.defaults().interopAlias().isEmpty());
        assertEquals("interop", ServerConfig.defaults().with(ServerConfig.INTEROP_ALIAS, " interop ").interopAlias().orElseThrow().toString());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServerConfig.load(null, Map.of(ServerConfig.INTEROP_ALIAS, "a//b")));
        assertTrue(e.getMessage().startsWith("interop.alias: \"a//b\" is not a namespace name"), e.getMessage());
    }

    @Test
    void missingFileIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServerConfig.load(dir.resolve("nope.properties"), Map.of()));
        assertTrue(e.getMessage().contains("nope.properties"), e.getMessage());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("http.port", "70000"), Arguments.of("http.port", "http"),
                Arguments.of("http.idleTimeoutMs", "0"), Arguments.of("http.threads.max", "4"),
                Arguments.of("http.outputBufferBytes", "10"), Arguments.of("limits.maxBodyBytes", "-1"),
                Arguments.of("limits.xml.maxDepth", "0"), Arguments.of("log.level", "loud"),
                Arguments.of("auth.users", "alice"), Arguments.of("auth.users", "alice:"),
                Arguments.of("auth.users", "a:1,a:2"), Arguments.of("http.bind", ""),
                Arguments.of("provider.timeoutMs", "-1"), Arguments.of("provider.timeoutMs", "30s"),
                Arguments.of("pull.maxContexts", "0"), Arguments.of("pull.maxTimeoutSeconds", "0"),
                Arguments.of("pull.defaultTimeoutSeconds", "91"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void badValueNamesTheKey(String key, String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ServerConfig.of(Map.of(key, value)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertFalse(e.getMessage().contains(":2"), "no passwords in messages: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.1", "::"})
    void nonLoopbackWithoutAuthIsRefused(String address) {
        ServerConfig c = ServerConfig.defaults().withBind(address);
        ConfigurationException e = assertThrows(ConfigurationException.class, c::checkBindingAllowed);
        assertTrue(e.getMessage().contains("auth.users"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "127.0.0.2"})
    void loopbackWithoutAuthIsAllowed(String address) {
        ServerConfig.defaults().withBind(address).checkBindingAllowed();
    }

    @Test
    void nonLoopbackWithAuthIsAllowedWithoutIscsi() {
        ServerConfig c = ServerConfig.defaults().withBind("0.0.0.0").with("iscsi.enabled", "false").with("auth.users", "alice:Tr0ub4dor, bob:sha256:"
                + "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
        c.checkBindingAllowed();
        assertEquals(Map.of("alice", "Tr0ub4dor", "bob", "sha256:2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b"),
                c.users());
        assertFalse(c.toString().contains("Tr0ub4dor") || c.toString().contains("2bb80d53"), c.toString());
    }

    /** Off loopback, iSCSI listens only when every login must authenticate with CHAP, or the user says otherwise. */
    @Test
    void nonLoopbackWithIscsiNeedsChapEverywhere() {
        ServerConfig c = ServerConfig.defaults().withBind("0.0.0.0").with("auth.users", "alice:secret");
        ConfigurationException e = assertThrows(ConfigurationException.class, c::checkBindingAllowed);
        assertTrue(e.getMessage().contains("iscsi.enabled=false") && e.getMessage().contains("iscsi.chap.required=*"), e.getMessage());
        ServerConfig someNodes = c.with("iscsi.chap.secretsFile", "/x/chap").with("iscsi.chap.required", "iqn.2026-12.org.iscsismis:a");
        assertThrows(ConfigurationException.class, someNodes::checkBindingAllowed);
        c.with("iscsi.chap.secretsFile", "/x/chap").with("iscsi.chap.required", "*").checkBindingAllowed();
        c.with("iscsi.allowWithoutChap", "true").checkBindingAllowed();
    }

    @Test
    void chapRequiredNamesNodesDiscoveryOrStarAndNeedsASecretsFile() {
        ServerConfig c = ServerConfig.defaults().with("iscsi.chap.secretsFile", "/x/chap")
                .with("iscsi.chap.required", " iqn.2026-12.org.iscsismis:a, discovery ,*");
        assertEquals(Set.of("iqn.2026-12.org.iscsismis:a", "discovery", "*"), c.iscsiChapRequired());
        assertEquals(Set.of(), ServerConfig.defaults().iscsiChapRequired());
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> ServerConfig.defaults().with("iscsi.chap.secretsFile", "/x/chap").with("iscsi.chap.required", "Not A Name"));
        assertTrue(bad.getMessage().contains("iscsi.chap.required"), bad.getMessage());
        ConfigurationException noFile = assertThrows(ConfigurationException.class,
                () -> ServerConfig.defaults().with("iscsi.chap.required", "*"));
        assertTrue(noFile.getMessage().contains("iscsi.chap.secretsFile"), noFile.getMessage());
    }

    @Test
    void iscsiDefaults() {
        ServerConfig c = ServerConfig.defaults();
        assertTrue(c.iscsiEnabled());
        assertEquals(3260, c.iscsiPort());
        assertEquals("iqn.2026-12.org.iscsismis:iscsi-smis", c.iscsiTargetName("iscsi-smis"));
        assertEquals("iqn.2026-12.org.iscsismis:lab", c.with("iscsi.targetName", "iqn.2026-12.org.iscsismis:lab").iscsiTargetName("x"));
        assertTrue(c.iscsiSettings("iqn.2026-12.org.iscsismis:x", "0.1").thin());
        assertFalse(c.with("iscsi.thinProvisioning", "false").iscsiSettings("iqn.2026-12.org.iscsismis:x", "0.1").thin());
    }

    @ParameterizedTest
    @CsvSource({"iscsi.targetName, Iqn.Bad Name", "iscsi.port, 70000", "iscsi.maxSessions, 0", "iscsi.enabled, maybe",
            "iscsi.nopInIntervalMs, -1", "iscsi.thinProvisioning, 1"})
    void badIscsiValuesNameTheKey(String key, String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ServerConfig.defaults().with(key, value));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void withReturnsANewConfiguration() {
        ServerConfig a = ServerConfig.defaults();
        ServerConfig b = a.withHttpPort(0);
        assertEquals(5988, a.httpPort());
        assertEquals(0, b.httpPort());
        assertEquals(ServerConfig.defaults(), a);
    }

    @Test
    void demoIsOnByDefaultAndCanBeTurnedOff() {
        assertTrue(ServerConfig.defaults().demoEnabled());
        assertFalse(ServerConfig.of(Map.of(ServerConfig.DEMO_ENABLED, "false")).demoEnabled());
        assertFalse(ServerConfig.of(Map.of(ServerConfig.DEMO_ENABLED, " FALSE ")).demoEnabled());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ServerConfig.of(Map.of(ServerConfig.DEMO_ENABLED, "maybe")));
        assertTrue(e.getMessage().contains("demo.enabled"), e.getMessage());
    }

    @Test
    void providerTimeoutIsThirtySecondsByDefaultAndZeroMeansNone() {
        assertEquals(Duration.ofSeconds(30), ServerConfig.defaults().providerTimeout());
        assertEquals(Duration.ofMillis(200), ServerConfig.defaults().with(ServerConfig.PROVIDER_TIMEOUT_MS, "200").providerTimeout());
        assertEquals(Duration.ZERO, ServerConfig.of(Map.of(ServerConfig.PROVIDER_TIMEOUT_MS, "0")).providerTimeout());
    }
}
