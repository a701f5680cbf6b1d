package org.iscsismis.server;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.dispatch.PullLimits;
import org.iscsismis.http.HttpLimits;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.indication.IndicationSettings;
import org.iscsismis.indication.SubscriptionRemovalAction;
import org.iscsismis.iscsi.target.TargetNames;
import org.iscsismis.iscsi.target.TargetSettings;
import org.iscsismis.iscsi.target.login.ChapSecrets;

/**
 * The server's configuration: an immutable set of validated settings, every key with a default.
 *
 * <p>Layers, later ones winning: the defaults, one properties file ({@code --config}), then single
 * overrides ({@code --set key=value} and the dedicated command-line options). An unknown key or a
 * bad value is a {@link ConfigurationException} naming the key. The keys, their defaults and
 * meaning are listed in {@link #KEYS} and documented in {@code docs/configuration.md} and the
 * embedded {@code iscsi-smis.properties}.
 */
public final class ServerConfig {

    /** One configuration key: its default and a one-line meaning. */
    public record Key(String name, String defaultValue, String meaning) {
    }

    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_BIND = "http.bind";
    public static final String HTTP_IDLE_TIMEOUT_MS = "http.idleTimeoutMs";
    public static final String HTTP_THREADS_MIN = "http.threads.min";
    public static final String HTTP_THREADS_MAX = "http.threads.max";
    public static final String HTTP_OUTPUT_BUFFER_BYTES = "http.outputBufferBytes";
    public static final String HTTP_SHUTDOWN_TIMEOUT_MS = "http.shutdownTimeoutMs";
    public static final String HTTP_MAX_CONNECTIONS = "http.maxConnections";
    public static final String HTTP_MAX_CONNECTIONS_PER_ADDRESS = "http.maxConnectionsPerAddress";
    public static final String HTTP_HEADER_TIMEOUT_MS = "http.headerTimeoutMs";
    public static final String HTTP_BODY_TIMEOUT_MS = "http.bodyTimeoutMs";
    public static final String HTTP_MIN_BODY_BYTES_PER_SECOND = "http.minBodyBytesPerSecond";
    public static final String LIMITS_MEMORY_BUDGET_BYTES = "limits.memoryBudgetBytes";
    public static final String STORAGE_MAX_HEAP_BYTES = "storage.maxHeapBytes";
    public static final String STORAGE_MEDIUM = "storage.medium";
    public static final String STORAGE_MIN_FREE_BYTES = "storage.minFreeBytes";
    public static final String DATA_DIR = "data.dir";
    public static final String LIMITS_MAX_BODY_BYTES = "limits.maxBodyBytes";
    public static final String LIMITS_XML_MAX_DEPTH = "limits.xml.maxDepth";
    public static final String LIMITS_XML_MAX_ELEMENTS = "limits.xml.maxElements";
    public static final String LIMITS_XML_MAX_ATTRIBUTE_LENGTH = "limits.xml.maxAttributeLength";
    public static final String LIMITS_XML_MAX_TEXT_LENGTH = "limits.xml.maxTextLength";
    public static final String AUTH_USERS = "auth.users";
    public static final String LOG_LEVEL = "log.level";
    public static final String SCHEMA_MOF_DIR = "schema.mofDir";
    public static final String DEMO_ENABLED = "demo.enabled";
    public static final String PROVIDER_TIMEOUT_MS = "provider.timeoutMs";
    public static final String PULL_MAX_CONTEXTS = "pull.maxContexts";
    public static final String PULL_DEFAULT_TIMEOUT_S = "pull.defaultTimeoutSeconds";
    public static final String PULL_MAX_TIMEOUT_S = "pull.maxTimeoutSeconds";
    public static final String FAULTS_ENABLED = "faults.enabled";
    public static final String JOBS_MAX_FINISHED = "jobs.maxFinished";

    public static final String HTTPS_ENABLED = "https.enabled";
    public static final String HTTPS_PORT = "https.port";
    public static final String TLS_KEYSTORE = "tls.keystore";
    public static final String TLS_KEYSTORE_PASSWORD_FILE = "tls.keystorePasswordFile";
    public static final String CONFIG_DIR = "config.dir";
    public static final String AUTH_USERS_FILE = "auth.usersFile";
    public static final String AUTH_ALLOW_PLAIN_HTTP = "auth.allowPlainHttp";
    public static final String AUTH_MAX_FAILURES = "auth.maxFailures";
    public static final String AUTH_FAILURE_WINDOW_S = "auth.failureWindowSeconds";
    public static final String HTTP_ALLOWED_HOSTS = "http.allowedHosts";

    public static final String INDICATION_RETRY_ATTEMPTS = "indication.deliveryRetryAttempts";
    public static final String INDICATION_RETRY_INTERVAL_S = "indication.deliveryRetryIntervalSeconds";
    public static final String INDICATION_REMOVAL_ACTION = "indication.subscriptionRemovalAction";
    public static final String INDICATION_REMOVAL_INTERVAL_S = "indication.subscriptionRemovalTimeIntervalSeconds";
    public static final String INDICATION_DELIVERY_TIMEOUT_MS = "indication.deliveryTimeoutMs";
    public static final String INDICATION_QUEUE_CAPACITY = "indication.queueCapacity";
    public static final String INDICATION_MAX_FILTERS = "indication.maxFilters";
    public static final String INDICATION_MAX_DESTINATIONS = "indication.maxDestinations";
    public static final String INDICATION_MAX_SUBSCRIPTIONS = "indication.maxSubscriptions";
    public static final String INDICATION_PROGRESS_STEP = "indication.progressStepPercent";
    public static final String INTEROP_ALIAS = "interop.alias";
    public static final String ISCSI_ENABLED = "iscsi.enabled";
    public static final String ISCSI_PORT = "iscsi.port";
    public static final String ISCSI_TARGET_NAME = "iscsi.targetName";
    public static final String ISCSI_THIN_PROVISIONING = "iscsi.thinProvisioning";
    public static final String ISCSI_MAX_SESSIONS = "iscsi.maxSessions";
    public static final String ISCSI_NOP_IN_INTERVAL_MS = "iscsi.nopInIntervalMs";
    public static final String ISCSI_LOGIN_TIMEOUT_MS = "iscsi.loginTimeoutMs";
    public static final String ISCSI_CHAP_SECRETS_FILE = "iscsi.chap.secretsFile";
    public static final String ISCSI_CHAP_REQUIRED = "iscsi.chap.required";
    public static final String ISCSI_ALLOW_WITHOUT_CHAP = "iscsi.allowWithoutChap";

    /** Every key, in documentation order. */
    public static final List<Key> KEYS = List.of(
            new Key(HTTP_PORT, "5988", "TCP port of the CIM-XML HTTP endpoint; 0 picks a free port"),
            new Key(HTTP_BIND, "127.0.0.1", "address to listen on (IPv6 with or without brackets); any non-loopback "
                    + "address requires authentication (auth.usersFile)"),
            new Key(HTTP_ALLOWED_HOSTS, "", "host names, besides loopback addresses and localhost, that a server without "
                    + "authentication accepts in the Host header (comma-separated)"),
            new Key(HTTPS_ENABLED, "true", "serve CIM-XML over HTTPS too (true or false)"),
            new Key(HTTPS_PORT, "5989", "TCP port of the CIM-XML HTTPS endpoint; 0 picks a free port"),
            new Key(TLS_KEYSTORE, "", "PKCS12 keystore with the HTTPS key and certificate; empty = a self-signed "
                    + "certificate generated on first start in config.dir"),
            new Key(TLS_KEYSTORE_PASSWORD_FILE, "", "file whose first line is the password of tls.keystore"),
            new Key(CONFIG_DIR, "", "directory of the server's own files (the generated certificate); empty = the "
                    + "directory of --config FILE, else $XDG_CONFIG_HOME/iscsi-smis or ~/.config/iscsi-smis"),
            new Key(HTTP_IDLE_TIMEOUT_MS, "30000", "an idle keep-alive connection is closed after this many milliseconds"),
            new Key(HTTP_THREADS_MIN, "8", "minimum number of HTTP worker threads"),
            new Key(HTTP_THREADS_MAX, "64", "maximum number of HTTP worker threads (at least 8)"),
            new Key(HTTP_OUTPUT_BUFFER_BYTES, Integer.toString(HttpLimits.DEFAULT_OUTPUT_BUFFER_BYTES),
                    "response buffer per request: smaller responses go out in one write with Content-Length"),
            new Key(HTTP_SHUTDOWN_TIMEOUT_MS, "5000", "on shutdown, requests in progress get this long to finish"),
            new Key(HTTP_MAX_CONNECTIONS, "1000", "most connections open at once; beyond it no new connection is accepted "
                    + "until one closes (lowered to the process's file limit minus 128 when that is smaller)"),
            new Key(HTTP_MAX_CONNECTIONS_PER_ADDRESS, "64", "most connections open at once from one client address; "
                    + "a further one is closed at once"),
            new Key(HTTP_HEADER_TIMEOUT_MS, "10000", "a new connection whose first request headers are not complete "
                    + "within this many milliseconds is closed"),
            new Key(HTTP_BODY_TIMEOUT_MS, Long.toString(HttpLimits.DEFAULT_BODY_TIMEOUT_MS),
                    "a request body not complete this many milliseconds after its headers is answered 408"),
            new Key(HTTP_MIN_BODY_BYTES_PER_SECOND, Long.toString(HttpLimits.DEFAULT_MIN_BODY_BYTES_PER_SECOND),
                    "a request body arriving slower than this on average (after the first 5 seconds) is answered 408; 0 = no minimum"),
            new Key(LIMITS_MAX_BODY_BYTES, Long.toString(4L << 20), "largest request body accepted (larger: HTTP 413)"),
            new Key(LIMITS_XML_MAX_DEPTH, Integer.toString(ReaderLimits.DEFAULT.maxDepth()), "deepest XML element nesting accepted"),
            new Key(LIMITS_XML_MAX_ELEMENTS, Long.toString(ReaderLimits.DEFAULT.maxElements()), "most XML elements accepted in one request"),
            new Key(LIMITS_XML_MAX_ATTRIBUTE_LENGTH, Integer.toString(ReaderLimits.DEFAULT.maxAttributeValueLength()),
                    "longest XML attribute value accepted, in characters"),
            new Key(LIMITS_XML_MAX_TEXT_LENGTH, Integer.toString(ReaderLimits.DEFAULT.maxTextLength()),
                    "longest XML text content accepted, in characters"),
            new Key(LIMITS_MEMORY_BUDGET_BYTES, Long.toString(24L << 20), "heap admitted work may take at once: request "
                    + "bodies being read and decoded, buffered pulled enumerations; beyond it HTTP 503 or CIM_ERR_SERVER_LIMITS_EXCEEDED"),
            new Key(AUTH_USERS_FILE, "", "users file (managed with iscsi-smis user ...; mode 0600): users, password "
                    + "hashes, rights per namespace; empty = no accounts"),
            new Key(AUTH_USERS, "", "deprecated: HTTP Basic users user:password[,...] with every right; config file only"),
            new Key(AUTH_ALLOW_PLAIN_HTTP, "false", "with authentication off loopback, also serve plain HTTP there "
                    + "(passwords then travel in clear)"),
            new Key(AUTH_MAX_FAILURES, "10", "failed logins per client address and window before it gets 429; 0 = no limit"),
            new Key(AUTH_FAILURE_WINDOW_S, "60", "the window of auth.maxFailures, in seconds"),
            new Key(LOG_LEVEL, "info", "log level of the server: trace, debug, info, warn, error or off"),
            new Key(SCHEMA_MOF_DIR, "", "directory whose root*.mof files are compiled into the repository at start-up; empty = the schema packaged with the server"),
            new Key(DATA_DIR, "", "directory holding the target across restarts (disks, pools, pairs, jobs, repository "
                    + "changes made over the wire); empty = nothing kept, disk data in a temporary directory"),
            new Key(STORAGE_MEDIUM, "files", "where virtual disks keep their data without data.dir: files (sparse files in "
                    + "a temporary directory) or heap (the Java heap, at most storage.maxHeapBytes)"),
            new Key(STORAGE_MIN_FREE_BYTES, Long.toString(64L << 20), "with disk data in files, a write or replica that "
                    + "would leave less free on their file system is refused like a full pool"),
            new Key(STORAGE_MAX_HEAP_BYTES, Long.toString(12L << 20), "with storage.medium=heap, most bytes of data all "
                    + "virtual disks together may hold; a write or replica needing more is refused like a full pool"),
            new Key(DEMO_ENABLED, "true", "create the demo pool, disks and replication pairs at start-up (true or false)"),
            new Key(PROVIDER_TIMEOUT_MS, "30000", "a provider call that neither answers nor delivers a result for this many "
                    + "milliseconds fails its request with CIM_ERR_FAILED; 0 = no limit"),
            new Key(PULL_MAX_CONTEXTS, Integer.toString(PullLimits.DEFAULT.maxContexts()),
                    "most pulled enumerations open at once; another Open fails with CIM_ERR_SERVER_LIMITS_EXCEEDED"),
            new Key(PULL_DEFAULT_TIMEOUT_S, Long.toString(PullLimits.DEFAULT.defaultTimeout().toSeconds()),
                    "inactivity timeout of a pulled enumeration whose Open gives no OperationTimeout, in seconds"),
            new Key(PULL_MAX_TIMEOUT_S, Long.toString(PullLimits.DEFAULT.maxTimeout().toSeconds()),
                    "largest OperationTimeout an Open may ask for, in seconds; larger ones (and 0) fail with "
                    + "CIM_ERR_INVALID_OPERATION_TIMEOUT"),
            new Key(FAULTS_ENABLED, "false", "define and serve ISMIS_FaultInjectionService, whose methods fail volumes and "
                    + "cut replication links (true or false); for testing clients, never on a server that holds real data"),
            new Key(JOBS_MAX_FINISHED, Integer.toString(JobService.DEFAULT_MAX_FINISHED), "most finished jobs kept; beyond "
                    + "that the earliest finished are removed, even with DeleteOnCompletion false"),
            new Key(INDICATION_RETRY_ATTEMPTS, Integer.toString(IndicationSettings.DEFAULT.deliveryRetryAttempts()),
                    "retries of an indication delivery after its first attempt failed (DeliveryRetryAttempts)"),
            new Key(INDICATION_RETRY_INTERVAL_S, Long.toString(IndicationSettings.DEFAULT.deliveryRetryInterval().toSeconds()),
                    "seconds between delivery retries (DeliveryRetryInterval)"),
            new Key(INDICATION_REMOVAL_ACTION, "remove", "remove, disable or ignore: what happens to the subscriptions of a "
                    + "listener that keeps failing (SubscriptionRemovalAction)"),
            new Key(INDICATION_REMOVAL_INTERVAL_S, Long.toString(IndicationSettings.DEFAULT.removalTimeInterval().toSeconds()),
                    "seconds between two failed deliveries, with no success between, after which the removal action applies"),
            new Key(INDICATION_DELIVERY_TIMEOUT_MS, Long.toString(IndicationSettings.DEFAULT.deliveryTimeout().toMillis()),
                    "one delivery attempt (connect and answer) fails after this many milliseconds"),
            new Key(INDICATION_QUEUE_CAPACITY, Integer.toString(IndicationSettings.DEFAULT.queueCapacity()),
                    "indications waiting per listener destination; more drop the oldest, and an alert says how many"),
            new Key(INDICATION_MAX_FILTERS, Integer.toString(IndicationSettings.DEFAULT.maxFilters()), "most indication filters"),
            new Key(INDICATION_MAX_DESTINATIONS, Integer.toString(IndicationSettings.DEFAULT.maxDestinations()),
                    "most listener destinations"),
            new Key(INDICATION_MAX_SUBSCRIPTIONS, Integer.toString(IndicationSettings.DEFAULT.maxSubscriptions()),
                    "most indication subscriptions"),
            new Key(INDICATION_PROGRESS_STEP, Integer.toString(IndicationSettings.DEFAULT.progressStepPercent()),
                    "PercentSynced, PercentComplete and pool space changes are indicated in steps no finer than this (percent)"),
            new Key(INTEROP_ALIAS, "", "another name root/interop also answers to (e.g. interop), resolved where requests "
                    + "are parsed and never listed; empty = none"),
            new Key(ISCSI_ENABLED, "true", "serve the volumes over iSCSI (true or false); on an address other than loopback "
                    + "only with CHAP required on every login (iscsi.chap.required=*) or iscsi.allowWithoutChap"),
            new Key(ISCSI_PORT, "3260", "TCP port of the iSCSI portal, on the http.bind address; 0 picks a free port"),
            new Key(ISCSI_TARGET_NAME, "", "iSCSI name of the target node; empty = iqn.2026-12.org.iscsismis:<system name>"),
            new Key(ISCSI_THIN_PROVISIONING, "true", "report the LUNs thin provisioned (LBPME, UNMAP, WRITE SAME with UNMAP "
                    + "return chunks to the pool); false reports them fully provisioned"),
            new Key(ISCSI_MAX_SESSIONS, Integer.toString(TargetSettings.DEFAULT_MAX_SESSIONS),
                    "most iSCSI sessions at once (one connection and one thread each); more logins fail with Out of resources"),
            new Key(ISCSI_NOP_IN_INTERVAL_MS, Long.toString(TargetSettings.DEFAULT_NOP_INTERVAL.toMillis()),
                    "an idle iSCSI connection is pinged (NOP-In) this often and dropped if the ping is not answered within "
                    + "the same time; 0 = never"),
            new Key(ISCSI_LOGIN_TIMEOUT_MS, Long.toString(TargetSettings.DEFAULT_LOGIN_TIMEOUT.toMillis()),
                    "an iSCSI connection that has not finished its login within this many milliseconds is dropped"),
            new Key(ISCSI_CHAP_SECRETS_FILE, "", "CHAP secrets file (managed with iscsi-smis chap ...; mode 0600): initiator "
                    + "and target CHAP names and secrets per target node; empty = no CHAP, every login uses AuthMethod=None"),
            new Key(ISCSI_CHAP_REQUIRED, "", "target nodes (iSCSI names, comma-separated) whose logins must authenticate with "
                    + "CHAP; discovery for discovery sessions; * for every node and discovery; empty = CHAP only when the "
                    + "initiator offers it first"),
            new Key(ISCSI_ALLOW_WITHOUT_CHAP, "false", "on an address other than loopback, serve iSCSI even though not every "
                    + "login must authenticate (iscsi.chap.required is not *): anyone who reaches the port could read and "
                    + "write the volumes; trusted networks only"));

    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private final Map<String, String> values;
    private final int httpPort;
    private final String bind;
    private final long idleTimeoutMs;
    private final int minThreads;
    private final int maxThreads;
    private final int outputBufferBytes;
    private final long shutdownTimeoutMs;
    private final HttpLimits httpLimits;
    private final Map<String, String> users;
    private final String logLevel;
    private final boolean demoEnabled;
    private final Duration providerTimeout;
    private final PullLimits pullLimits;
    private final boolean faultsEnabled;
    private final int jobsMaxFinished;
    private final int httpsPort;
    private final boolean httpsEnabled;
    private final boolean allowPlainHttpAuth;
    private final int maxLoginFailures;
    private final long loginFailureWindowSeconds;
    private final int maxConnections;
    private final int maxConnectionsPerAddress;
    private final long headerTimeoutMs;
    private final long memoryBudgetBytes;
    private final long storageMaxHeapBytes;
    private final IndicationSettings indicationSettings;
    private final CimNamespace interopAlias;
    private final boolean iscsiEnabled;
    private final int iscsiPort;

    private final long storageMinFreeBytes;
    private final boolean heapMedium;


    private ServerConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
        this.httpPort = (int) number(HTTP_PORT, 0, 65535);
        this.bind = unbracketed(text(HTTP_BIND));
        this.idleTimeoutMs = number(HTTP_IDLE_TIMEOUT_MS, 1, Long.MAX_VALUE);
        this.minThreads = (int) number(HTTP_THREADS_MIN, 1, 10_000);
        this.maxThreads = (int) number(HTTP_THREADS_MAX, Math.max(8, minThreads), 10_000);
        this.outputBufferBytes = (int) number(HTTP_OUTPUT_BUFFER_BYTES, 1024, 64 << 20);
        this.shutdownTimeoutMs = number(HTTP_SHUTDOWN_TIMEOUT_MS, 0, Long.MAX_VALUE);
        ReaderLimits xml = new ReaderLimits(
                (int) number(LIMITS_XML_MAX_DEPTH, 1, Integer.MAX_VALUE),
                number(LIMITS_XML_MAX_ELEMENTS, 1, Long.MAX_VALUE),
                (int) number(LIMITS_XML_MAX_ATTRIBUTE_LENGTH, 1, Integer.MAX_VALUE),
                (int) number(LIMITS_XML_MAX_TEXT_LENGTH, 1, Integer.MAX_VALUE));
        this.httpLimits = new HttpLimits(number(LIMITS_MAX_BODY_BYTES, 1, Long.MAX_VALUE), xml, outputBufferBytes,
                number(HTTP_BODY_TIMEOUT_MS, 1, Long.MAX_VALUE), number(HTTP_MIN_BODY_BYTES_PER_SECOND, 0, Long.MAX_VALUE));
        this.maxConnections = (int) number(HTTP_MAX_CONNECTIONS, 1, 1_000_000);
        this.maxConnectionsPerAddress = (int) number(HTTP_MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000);
        this.headerTimeoutMs = number(HTTP_HEADER_TIMEOUT_MS, 1, Long.MAX_VALUE);
        this.memoryBudgetBytes = number(LIMITS_MEMORY_BUDGET_BYTES, 1 << 20, Long.MAX_VALUE);
        this.storageMaxHeapBytes = number(STORAGE_MAX_HEAP_BYTES, 1 << 20, Long.MAX_VALUE);
        this.storageMinFreeBytes = number(STORAGE_MIN_FREE_BYTES, 0, Long.MAX_VALUE);
        this.heapMedium = heapMedium(values);
        this.users = Users.parse(values.get(AUTH_USERS));
        this.logLevel = values.get(LOG_LEVEL).trim().toLowerCase(Locale.ROOT);
        this.demoEnabled = bool(DEMO_ENABLED);
        this.providerTimeout = Duration.ofMillis(number(PROVIDER_TIMEOUT_MS, 0, Long.MAX_VALUE / 1_000_000));
        long maxTimeout = number(PULL_MAX_TIMEOUT_S, 1, 0xFFFF_FFFFL);
        this.pullLimits = new PullLimits((int) number(PULL_MAX_CONTEXTS, 1, 1_000_000),
                Duration.ofSeconds(number(PULL_DEFAULT_TIMEOUT_S, 1, maxTimeout)), Duration.ofSeconds(maxTimeout));
        this.faultsEnabled = bool(FAULTS_ENABLED);
        this.jobsMaxFinished = (int) number(JOBS_MAX_FINISHED, 1, 1_000_000);

        this.httpsPort = (int) number(HTTPS_PORT, 0, 65535);
        this.httpsEnabled = bool(HTTPS_ENABLED);
        this.allowPlainHttpAuth = bool(AUTH_ALLOW_PLAIN_HTTP);
        this.maxLoginFailures = (int) number(AUTH_MAX_FAILURES, 0, 1_000_000);
        this.loginFailureWindowSeconds = number(AUTH_FAILURE_WINDOW_S, 1, 86_400);

        this.indicationSettings = readIndicationSettings();
        this.interopAlias = namespaceOrNull(INTEROP_ALIAS);
        this.iscsiEnabled = bool(ISCSI_ENABLED);
        this.iscsiPort = (int) number(ISCSI_PORT, 0, 65535);
        bool(ISCSI_THIN_PROVISIONING);
        number(ISCSI_MAX_SESSIONS, 1, 10_000);
        number(ISCSI_NOP_IN_INTERVAL_MS, 0, Long.MAX_VALUE / 1_000_000);
        number(ISCSI_LOGIN_TIMEOUT_MS, 1, Integer.MAX_VALUE);
        bool(ISCSI_ALLOW_WITHOUT_CHAP);
        if (!iscsiChapRequired().isEmpty() && iscsiChapSecretsFile() == null) {
            throw new ConfigurationException(ISCSI_CHAP_REQUIRED + " is set but no " + ISCSI_CHAP_SECRETS_FILE
                    + " names the secrets (create it with: iscsi-smis chap add --secrets-file FILE initiator NAME)");
        }
        String target = values.get(ISCSI_TARGET_NAME).trim();
        if (!target.isEmpty()) {
            try {
                TargetNames.check(target);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(ISCSI_TARGET_NAME + ": " + e.getMessage());
            }
        }
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
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach(k -> values.put(k.name(), k.defaultValue()));
        settings.forEach((key, value) -> put(values, key, value));
        return new ServerConfig(values);
    }

    /**
     * The defaults, then the properties file (if not null), then the overrides in order.
     *
     * @throws ConfigurationException if the file cannot be read, or a key is unknown or a value invalid
     */
    public static ServerConfig load(Path file, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (file != null) {
            readProperties(file, (p) -> p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k))));
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                settings.putIfAbsent(CONFIG_DIR, dir.toString());
            }
        }
        settings.putAll(overrides);
        return of(settings);
    }

    /** This configuration with one key changed. */
    public ServerConfig with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        put(copy, key, value);
        return new ServerConfig(copy);
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

    /**
     * DESIGN.md's rule: the server binds a non-loopback address only with authentication configured; and there,
     * passwords travel over HTTPS only unless {@code auth.allowPlainHttp} says otherwise, so HTTPS must run.
     *
     * @throws ConfigurationException if {@code http.bind} is not a loopback address and no users are configured, if
     *                                HTTPS is off there without {@code auth.allowPlainHttp}, or if the address cannot
     *                                be resolved
     */
    public void checkBindingAllowed() {
        if (isLoopbackBind()) {
            return;
        }
        if (!authenticationConfigured()) {
            throw new ConfigurationException("Refusing to listen on " + bind + " without authentication: binding "
                    + "an address other than loopback requires users (" + AUTH_USERS_FILE + ", see iscsi-smis user add) "
                    + "(or use " + HTTP_BIND + "=127.0.0.1)");
        }
        if (!httpsEnabled && !allowPlainHttpAuth) {
            throw new ConfigurationException("Refusing to listen on " + bind + " with authentication over plain HTTP only: "
                    + "passwords would travel in clear. Enable HTTPS (" + HTTPS_ENABLED + "=true) or, on a trusted "
                    + "network, give --allow-plain-http-auth");
        }
        if (iscsiEnabled && !iscsiChapRequired().contains(ChapSecrets.ANY_NODE) && !bool(ISCSI_ALLOW_WITHOUT_CHAP)) {
            throw new ConfigurationException("Refusing to serve iSCSI on " + bind + " without CHAP on every login: anyone "
                    + "who reaches port " + iscsiPort + " could read and write the volumes. Add CHAP secrets (iscsi-smis "
                    + "chap add) and set " + ISCSI_CHAP_SECRETS_FILE + "=FILE and " + ISCSI_CHAP_REQUIRED + "=*, or set "
                    + ISCSI_ENABLED + "=false, or on a trusted network give --allow-iscsi-without-chap");
        }
    }

    /** True if {@code http.bind} is a loopback address (or a name resolving to one). */
    public boolean isLoopbackBind() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigurationException(HTTP_BIND + ": cannot resolve \"" + bind + "\"");
        }
    }

    /** True if requests must authenticate: a users file or (deprecated) {@code auth.users} is configured. */
    public boolean authenticationConfigured() {
        return usersFile() != null || !users.isEmpty();
    }

    /**
     * True if plain HTTP may carry credentials on {@code http.bind}: always on loopback; off loopback only with
     * {@code auth.allowPlainHttp} (otherwise HTTP listens on loopback only there, and remote clients use HTTPS).
     */
    public boolean plainHttpOnBind() {
        return isLoopbackBind() || !authenticationConfigured() || allowPlainHttpAuth;
    }

    public boolean httpsEnabled() {
        return httpsEnabled;
    }

    /** The HTTPS port (0 = any free port). */
    public int httpsPort() {
        return httpsPort;
    }

    /** The configured PKCS12 keystore, or null for the generated self-signed certificate. */
    public Path tlsKeystore() {
        return optionalPath(TLS_KEYSTORE);
    }

    /** The file holding the keystore's password, or null. */
    public Path tlsKeystorePasswordFile() {
        return optionalPath(TLS_KEYSTORE_PASSWORD_FILE);
    }

    /** The users file, or null when none is configured. */
    public Path usersFile() {
        return optionalPath(AUTH_USERS_FILE);
    }

    /**
     * The directory of the server's own files: {@code config.dir}, else (set by {@link #load}) the directory of the
     * {@code --config} file, else {@code $XDG_CONFIG_HOME/iscsi-smis}, else {@code ~/.config/iscsi-smis}.
     */
    public Path configDirectory() {
        Path dir = optionalPath(CONFIG_DIR);
        if (dir != null) {
            return dir;
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("iscsi-smis");
    }

    /** Host names besides loopback that a server without authentication accepts ({@code http.allowedHosts}). */
    public java.util.Set<String> allowedHosts() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String name : values.get(HTTP_ALLOWED_HOSTS).split(",")) {
            if (!name.isBlank()) {
                out.add(name.trim());
            }
        }
        return out;
    }

    /** Failed logins per address and window before 429 (0 = no limit). */
    public int maxLoginFailures() {
        return maxLoginFailures;
    }

    public long loginFailureWindowSeconds() {
        return loginFailureWindowSeconds;
    }

    public int httpPort() {
        return httpPort;
    }

    public String bind() {
        return bind;
    }

    public long idleTimeoutMs() {
        return idleTimeoutMs;
    }

    public int minThreads() {
        return minThreads;
    }

    public int maxThreads() {
        return maxThreads;
    }

    public long shutdownTimeoutMs() {
        return shutdownTimeoutMs;
    }

    public HttpLimits httpLimits() {
        return httpLimits;
    }

    /** http.maxConnections: most connections open at once (before the file-limit clamp {@link HttpEndpoint} applies). */
    public int maxConnections() {
        return maxConnections;
    }

    /** http.maxConnectionsPerAddress. */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /** http.headerTimeoutMs. */
    public long headerTimeoutMs() {
        return headerTimeoutMs;
    }

    /** limits.memoryBudgetBytes: the heap admitted requests and buffered pulls may take at once. */
    public long memoryBudgetBytes() {
        return memoryBudgetBytes;
    }

    /** storage.maxHeapBytes: the data all virtual disks together may hold on the heap (storage.medium=heap). */
    public long storageMaxHeapBytes() {
        return storageMaxHeapBytes;
    }

    /** storage.minFreeBytes: free space disk data in files leaves on its file system. */
    public long storageMinFreeBytes() {
        return storageMinFreeBytes;
    }

    /** True if virtual disks keep their data on the Java heap (storage.medium=heap). */
    public boolean heapMedium() {
        return heapMedium;
    }

    /** The data directory (data.dir), or null: nothing is kept across restarts. */
    public Path dataDirectory() {
        return optionalPath(DATA_DIR);
    }

    private static boolean heapMedium(Map<String, String> values) {
        String medium = values.get(STORAGE_MEDIUM).trim().toLowerCase(Locale.ROOT);
        if (!medium.equals("files") && !medium.equals("heap")) {
            throw new ConfigurationException(STORAGE_MEDIUM + ": \"" + values.get(STORAGE_MEDIUM) + "\" is not files or heap");
        }
        if (medium.equals("heap") && !values.get(DATA_DIR).isBlank()) {
            throw new ConfigurationException(STORAGE_MEDIUM + "=heap cannot keep disks across restarts; "
                    + DATA_DIR + " needs storage.medium=files");
        }
        return medium.equals("heap");
    }

    /** Deprecated {@code auth.users} (name → password as written, possibly {@code sha256:HEX}); empty = none. */
    public Map<String, String> users() {
        return users;
    }

    /** One of trace, debug, info, warn, error, off. */
    /** The MOF directory to compile at start-up, or null for the packaged schema. */
    public Path mofDirectory() {
        String dir = values.get(SCHEMA_MOF_DIR).trim();
        return dir.isEmpty() ? null : Path.of(dir);
    }

    /** The other name of the interop namespace (interop.alias), or empty. */
    public Optional<CimNamespace> interopAlias() {
        return Optional.ofNullable(interopAlias);
    }

    /** True if the demo target content is created at start-up (demo.enabled). */
    public boolean demoEnabled() {
        return demoEnabled;
    }

    /** How long a provider may make no progress before its request fails (provider.timeoutMs); zero = no limit. */
    public Duration providerTimeout() {
        return providerTimeout;
    }

    /** The limits of pulled enumerations (pull.maxContexts, pull.defaultTimeoutSeconds, pull.maxTimeoutSeconds). */
    public PullLimits pullLimits() {
        return pullLimits;
    }

    /** True if ISMIS_FaultInjectionService is defined and served (faults.enabled). */
    public boolean faultsEnabled() {
        return faultsEnabled;
    }

    /** The most finished jobs the job service keeps (jobs.maxFinished). */
    public int jobsMaxFinished() {
        return jobsMaxFinished;
    }

    /** The indication service's delivery and capacity settings (indication.*). */
    public IndicationSettings indicationSettings() {
        return indicationSettings;
    }

    private IndicationSettings readIndicationSettings() {
        SubscriptionRemovalAction action;
        try {
            action = SubscriptionRemovalAction.parse(values.get(INDICATION_REMOVAL_ACTION));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(INDICATION_REMOVAL_ACTION + ": \"" + values.get(INDICATION_REMOVAL_ACTION)
                    + "\" is not one of remove, disable, ignore");
        }
        return new IndicationSettings((int) number(INDICATION_RETRY_ATTEMPTS, 0, 0xFFFF),
                Duration.ofSeconds(number(INDICATION_RETRY_INTERVAL_S, 0, 0xFFFF_FFFFL)), action,
                Duration.ofSeconds(number(INDICATION_REMOVAL_INTERVAL_S, 0, 0xFFFF_FFFFL)),
                Duration.ofMillis(number(INDICATION_DELIVERY_TIMEOUT_MS, 1, 3_600_000)),
                (int) number(INDICATION_QUEUE_CAPACITY, 1, 10_000_000),
                (int) number(INDICATION_MAX_FILTERS, 1, 1_000_000),
                (int) number(INDICATION_MAX_DESTINATIONS, 1, 1_000_000),
                (int) number(INDICATION_MAX_SUBSCRIPTIONS, 1, 1_000_000),
                (int) number(INDICATION_PROGRESS_STEP, 1, 100));
    }

    public String logLevel() {
        return logLevel;
    }

    /** True if the iSCSI portal is started (iscsi.enabled). */
    public boolean iscsiEnabled() {
        return iscsiEnabled;
    }

    /** The iSCSI portal's TCP port (iscsi.port); 0 picks a free one. */
    public int iscsiPort() {
        return iscsiPort;
    }

    public ServerConfig withIscsiPort(int port) {
        return with(ISCSI_PORT, Integer.toString(port));
    }

    /** The target node's name: iscsi.targetName, or the default name of the system {@code systemName}. */
    public String iscsiTargetName(String systemName) {
        String name = values.get(ISCSI_TARGET_NAME).trim();
        return name.isEmpty() ? TargetNames.forSystem(systemName) : name;
    }

    /** The iSCSI target's settings for the target node {@code targetName} (iscsi.* keys). */
    public TargetSettings iscsiSettings(String targetName, String revision) {
        return TargetSettings.defaults(targetName, revision)
                .withThin(bool(ISCSI_THIN_PROVISIONING))
                .withMaxSessions((int) number(ISCSI_MAX_SESSIONS, 1, 10_000))
                .withNopInterval(Duration.ofMillis(number(ISCSI_NOP_IN_INTERVAL_MS, 0, Long.MAX_VALUE / 1_000_000)))
                .withLoginTimeout(Duration.ofMillis(number(ISCSI_LOGIN_TIMEOUT_MS, 1, Integer.MAX_VALUE)));
    }

    /** The CHAP secrets file, or null when none is configured. */
    public Path iscsiChapSecretsFile() {
        return optionalPath(ISCSI_CHAP_SECRETS_FILE);
    }

    /**
     * What iscsi.chap.required lists: target node names, {@code discovery}, or {@code *}.
     *
     * @throws ConfigurationException if an entry is none of these
     */
    public Set<String> iscsiChapRequired() {
        Set<String> required = new LinkedHashSet<>();
        for (String item : values.get(ISCSI_CHAP_REQUIRED).split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.equals(ChapSecrets.ANY_NODE) && !name.equals(ChapSecrets.DISCOVERY)) {
                try {
                    TargetNames.check(name);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ISCSI_CHAP_REQUIRED + ": " + e.getMessage() + " (nor * or discovery)");
                }
            }
            required.add(name);
        }
        return required;
    }

    /** The raw value of a key (after layering). */
    public String get(String key) {
        requireKnown(key);
        return values.get(key);
    }

    /** Every key with its value, passwords masked; for logs. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        if (!users.isEmpty()) {
            shown.put(AUTH_USERS, String.join(",", users.keySet().stream().map(u -> u + ":***").toList()));
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

    static void readProperties(Path file, Consumer<Properties> consumer) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        consumer.accept(properties);
    }

    private static void put(Map<String, String> values, String key, String value) {
        String name = key == null ? null : key.trim();
        requireKnown(name);
        values.put(name, Objects.requireNonNullElse(value, "").trim());
    }

    private static void requireKnown(String key) {
        if (KEYS.stream().noneMatch(k -> k.name().equals(key))) {
            throw new ConfigurationException("Unknown configuration key \"" + key + "\"");
        }
    }

    private Path optionalPath(String key) {
        String value = values.get(key).trim();
        return value.isEmpty() ? null : Path.of(value);
    }

    /** {@code [::1]} → {@code ::1}: an IPv6 address as InetAddress and Jetty take it. */
    private static String unbracketed(String address) {
        String a = address.trim();
        return a.length() > 2 && a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }

    private String text(String key) {
        String value = values.get(key);
        if (value.isEmpty()) {
            throw new ConfigurationException(key + " must not be empty");
        }
        return value;
    }

    private boolean bool(String key) {
        String value = values.get(key).trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigurationException(key + ": \"" + values.get(key) + "\" is not true or false");
    }

    private CimNamespace namespaceOrNull(String key) {
        String value = values.get(key).trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return CimNamespace.of(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key + ": \"" + value + "\" is not a namespace name: " + e.getMessage());
        }
    }

    private long number(String key, long min, long max) {
        String value = values.get(key);
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + ": \"" + value + "\" is not a whole number");
        }
        if (n < min || n > max) {
            throw new ConfigurationException(key + ": " + n + " is outside " + min + ".." + max);
        }
        return n;
    }
}
