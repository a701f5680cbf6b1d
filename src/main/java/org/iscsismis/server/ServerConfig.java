package org.iscsismis.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.dispatch.PullLimits;
import org.iscsismis.http.HttpLimits;
import org.iscsismis.indication.IndicationSettings;
import org.iscsismis.iscsi.target.TargetSettings;

/**
 * The server's configuration: an immutable set of validated settings, every key with a default.
 *
 * <p>Layers, later ones winning ({@link ConfigSources}): the defaults, one properties file ({@code --config}), then
 * single overrides ({@code --set key=value} and the dedicated command-line options). An unknown key or a bad value is a
 * {@link ConfigurationException} naming the key. The keys, their defaults and meaning are the table of
 * {@link ConfigKeys}, documented in {@code docs/configuration.md} and the embedded {@code iscsi-smis.properties}.
 *
 * <p>Every value is read once, when the configuration is made, into a typed view per area: {@link #http()},
 * {@link #tls()}, {@link #auth()}, {@link #storage()}, {@link #iscsi()}, {@link #dispatch()}, {@link #model()},
 * {@link #indicationSettings()}. The flat accessors below the views predate them and read the same values.
 */
public final class ServerConfig implements ConfigKeys {

    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private final ConfigValues values;
    private final HttpSettings http;
    private final DispatchSettings dispatch;
    private final StorageSettings storage;
    private final AuthSettings auth;
    private final ModelSettings model;
    private final TlsSettings tls;
    private final IndicationSettings indicationSettings;
    private final IscsiSettings iscsi;
    private final String logLevel;

    private ServerConfig(Map<String, String> values) {
        this.values = new ConfigValues(values);
        this.http = HttpSettings.read(this.values);
        this.dispatch = DispatchSettings.read(this.values);
        this.storage = StorageSettings.read(this.values);
        this.auth = AuthSettings.read(this.values);
        this.model = ModelSettings.read(this.values);
        this.tls = TlsSettings.read(this.values);
        this.indicationSettings = IndicationConfig.read(this.values);
        this.iscsi = IscsiSettings.read(this.values);
        this.logLevel = values.get(LOG_LEVEL).trim().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(logLevel)) {
            throw new ConfigurationException(LOG_LEVEL + ": \"" + values.get(LOG_LEVEL) + "\" is not one of " + LEVELS);
        }
    }

    /** Every key at its default. */
    public static ServerConfig defaults() {
        return of(Map.of());
    }

    /** The defaults overridden by the given settings. */
    public static ServerConfig of(Map<String, String> settings) {
        return new ServerConfig(ConfigSources.defaultsThen(settings));
    }

    /**
     * The defaults, then the properties file (if not null), then the overrides in order.
     *
     * @throws ConfigurationException if the file cannot be read, or a key is unknown or a value invalid
     */
    public static ServerConfig load(Path file, Map<String, String> overrides) {
        return of(ConfigSources.fileThenOverrides(file, overrides));
    }

    /** This configuration with one key changed. */
    public ServerConfig with(String key, String value) {
        return new ServerConfig(ConfigSources.with(values.asMap(), key, value));
    }

    public ServerConfig withHttpPort(int port) {
        return with(HTTP_PORT, Integer.toString(port));
    }

    public ServerConfig withBind(String address) {
        return with(HTTP_BIND, address);
    }

    public ServerConfig withLogLevel(String level) {
        return with(LOG_LEVEL, level);
    }

    public ServerConfig withIscsiPort(int port) {
        return with(ISCSI_PORT, Integer.toString(port));
    }

    /**
     * Checks {@link BindingPolicy}: off loopback, the server needs authentication, HTTPS (or auth.allowPlainHttp) and
     * CHAP on every iSCSI login (or iscsi.allowWithoutChap).
     *
     * @throws ConfigurationException naming what is missing, or if the address cannot be resolved
     */
    public void checkBindingAllowed() {
        BindingPolicy.check(http, auth, tls, iscsi);
    }

    /** True if {@code http.bind} is a loopback address (or a name resolving to one). */
    public boolean isLoopbackBind() {
        return http.loopbackBind();
    }

    /** True if requests must authenticate: a users file or (deprecated) {@code auth.users} is configured. */
    public boolean authenticationConfigured() {
        return auth.configured();
    }

    /** True if plain HTTP may carry credentials on {@code http.bind} (see {@link BindingPolicy#plainHttpOnBind}). */
    public boolean plainHttpOnBind() {
        return BindingPolicy.plainHttpOnBind(http, auth);
    }

    /**
     * The directory of the server's own files: {@code config.dir}, else (set by {@link #load}) the directory of the
     * {@code --config} file, else {@code $XDG_CONFIG_HOME/iscsi-smis}, else {@code ~/.config/iscsi-smis}.
     */
    public Path configDirectory() {
        Path dir = values.optionalPath(CONFIG_DIR);
        if (dir != null) {
            return dir;
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("iscsi-smis");
    }

    // The views, one per area.

    /** The CIM-XML endpoint: http.* and the request limits. */
    public HttpSettings http() {
        return http;
    }

    /** HTTPS: https.*, tls.*. */
    public TlsSettings tls() {
        return tls;
    }

    /** Accounts and login throttling: auth.*. */
    public AuthSettings auth() {
        return auth;
    }

    /** Where the target's data lives: data.dir, storage.*. */
    public StorageSettings storage() {
        return storage;
    }

    /** The iSCSI portal: iscsi.*. */
    public IscsiSettings iscsi() {
        return iscsi;
    }

    /** The dispatcher: memory budget, provider timeout, pulled enumerations, jobs. */
    public DispatchSettings dispatch() {
        return dispatch;
    }

    /** The schema, the interop alias, the demo and the fault injection service. */
    public ModelSettings model() {
        return model;
    }

    /** The indication service's delivery and capacity settings (indication.*). */
    public IndicationSettings indicationSettings() {
        return indicationSettings;
    }

    /** One of trace, debug, info, warn, error, off. */
    public String logLevel() {
        return logLevel;
    }

    /** The raw value of a key (after layering). */
    public String get(String key) {
        ConfigSources.requireKnown(key);
        return values.raw(key);
    }

    // The flat accessors: the values of the views under their earlier names.

    public int httpPort() {
        return http.port();
    }

    public String bind() {
        return http.bind();
    }

    /** Host names besides loopback that a server without authentication accepts ({@code http.allowedHosts}). */
    public Set<String> allowedHosts() {
        return http.allowedHosts();
    }

    public long idleTimeoutMs() {
        return http.idleTimeoutMs();
    }

    public int minThreads() {
        return http.minThreads();
    }

    public int maxThreads() {
        return http.maxThreads();
    }

    public long shutdownTimeoutMs() {
        return http.shutdownTimeoutMs();
    }

    public HttpLimits httpLimits() {
        return http.limits();
    }

    public int maxConnections() {
        return http.maxConnections();
    }

    public int maxConnectionsPerAddress() {
        return http.maxConnectionsPerAddress();
    }

    public long headerTimeoutMs() {
        return http.headerTimeoutMs();
    }

    public boolean httpsEnabled() {
        return tls.enabled();
    }

    public int httpsPort() {
        return tls.port();
    }

    public Path tlsKeystore() {
        return tls.keystore();
    }

    public Path tlsKeystorePasswordFile() {
        return tls.keystorePasswordFile();
    }

    public Path usersFile() {
        return auth.usersFile();
    }

    public Map<String, String> users() {
        return auth.users();
    }

    public int maxLoginFailures() {
        return auth.maxLoginFailures();
    }

    public long loginFailureWindowSeconds() {
        return auth.loginFailureWindowSeconds();
    }

    public long memoryBudgetBytes() {
        return dispatch.memoryBudgetBytes();
    }

    public long encodedInstancesBytes() {
        return dispatch.encodedInstancesBytes();
    }

    public Duration providerTimeout() {
        return dispatch.providerTimeout();
    }

    public PullLimits pullLimits() {
        return dispatch.pullLimits();
    }

    public int jobsMaxFinished() {
        return dispatch.jobsMaxFinished();
    }

    public long storageMaxHeapBytes() {
        return storage.maxHeapBytes();
    }

    public long storageMinFreeBytes() {
        return storage.minFreeBytes();
    }

    public boolean heapMedium() {
        return storage.heapMedium();
    }

    public Path dataDirectory() {
        return storage.dataDirectory();
    }

    public Path mofDirectory() {
        return model.mofDirectory();
    }

    public Optional<CimNamespace> interopAlias() {
        return model.interopAliasIfAny();
    }

    public boolean demoEnabled() {
        return model.demoEnabled();
    }

    public boolean faultsEnabled() {
        return model.faultsEnabled();
    }

    public boolean iscsiEnabled() {
        return iscsi.enabled();
    }

    public int iscsiPort() {
        return iscsi.port();
    }

    public String iscsiTargetName(String systemName) {
        return iscsi.targetName(systemName);
    }

    public TargetSettings iscsiSettings(String targetName, String revision) {
        return iscsi.targetSettings(targetName, revision);
    }

    public Path iscsiChapSecretsFile() {
        return iscsi.chapSecretsFile();
    }

    public Set<String> iscsiChapRequired() {
        return iscsi.chapRequired();
    }

    /** Every key with its value, passwords masked; for logs. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values.asMap());
        if (!auth.users().isEmpty()) {
            shown.put(AUTH_USERS, String.join(",", auth.users().keySet().stream().map(u -> u + ":***").toList()));
        }
        return "ServerConfig" + shown;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ServerConfig c && values.equals(c.values));
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
