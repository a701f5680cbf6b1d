package org.iscsismis.server;

import java.util.List;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.dispatch.PullLimits;
import org.iscsismis.http.HttpLimits;
import org.iscsismis.indication.IndicationSettings;
import org.iscsismis.iscsi.target.TargetSettings;
import org.iscsismis.provider.job.JobService;

/**
 * The key table: every configuration key's name, default and one-line meaning, in documentation order. The embedded
 * {@code iscsi-smis.properties} and {@code docs/configuration.md} list the same keys with the same defaults (a test
 * checks the former).
 *
 * <p>An interface only so that {@link ServerConfig}, which implements it, keeps naming its keys
 * {@code ServerConfig.HTTP_PORT}: callers written before the split keep compiling.
 */
public interface ConfigKeys {

    /** One configuration key: its default and a one-line meaning. */
    record Key(String name, String defaultValue, String meaning) {
    }

    String HTTP_PORT = "http.port";
    String HTTP_BIND = "http.bind";
    String HTTP_IDLE_TIMEOUT_MS = "http.idleTimeoutMs";
    String HTTP_THREADS_MIN = "http.threads.min";
    String HTTP_THREADS_MAX = "http.threads.max";
    String HTTP_OUTPUT_BUFFER_BYTES = "http.outputBufferBytes";
    String HTTP_SHUTDOWN_TIMEOUT_MS = "http.shutdownTimeoutMs";
    String HTTP_MAX_CONNECTIONS = "http.maxConnections";
    String HTTP_MAX_CONNECTIONS_PER_ADDRESS = "http.maxConnectionsPerAddress";
    String HTTP_HEADER_TIMEOUT_MS = "http.headerTimeoutMs";
    String HTTP_BODY_TIMEOUT_MS = "http.bodyTimeoutMs";
    String HTTP_MIN_BODY_BYTES_PER_SECOND = "http.minBodyBytesPerSecond";
    String LIMITS_MEMORY_BUDGET_BYTES = "limits.memoryBudgetBytes";
    String CACHE_ENCODED_INSTANCES_BYTES = "cache.encodedInstancesBytes";
    String STORAGE_MAX_HEAP_BYTES = "storage.maxHeapBytes";
    String STORAGE_MEDIUM = "storage.medium";
    String STORAGE_MIN_FREE_BYTES = "storage.minFreeBytes";
    String DATA_DIR = "data.dir";
    String LIMITS_MAX_BODY_BYTES = "limits.maxBodyBytes";
    String LIMITS_XML_MAX_DEPTH = "limits.xml.maxDepth";
    String LIMITS_XML_MAX_ELEMENTS = "limits.xml.maxElements";
    String LIMITS_XML_MAX_ATTRIBUTE_LENGTH = "limits.xml.maxAttributeLength";
    String LIMITS_XML_MAX_TEXT_LENGTH = "limits.xml.maxTextLength";
    String AUTH_USERS = "auth.users";
    String LOG_LEVEL = "log.level";
    String SCHEMA_MOF_DIR = "schema.mofDir";
    String DEMO_ENABLED = "demo.enabled";
    String PROVIDER_TIMEOUT_MS = "provider.timeoutMs";
    String PULL_MAX_CONTEXTS = "pull.maxContexts";
    String PULL_DEFAULT_TIMEOUT_S = "pull.defaultTimeoutSeconds";
    String PULL_MAX_TIMEOUT_S = "pull.maxTimeoutSeconds";
    String FAULTS_ENABLED = "faults.enabled";
    String JOBS_MAX_FINISHED = "jobs.maxFinished";

    String HTTPS_ENABLED = "https.enabled";
    String HTTPS_PORT = "https.port";
    String TLS_KEYSTORE = "tls.keystore";
    String TLS_KEYSTORE_PASSWORD_FILE = "tls.keystorePasswordFile";
    String CONFIG_DIR = "config.dir";
    String AUTH_USERS_FILE = "auth.usersFile";
    String AUTH_ALLOW_PLAIN_HTTP = "auth.allowPlainHttp";
    String AUTH_MAX_FAILURES = "auth.maxFailures";
    String AUTH_FAILURE_WINDOW_S = "auth.failureWindowSeconds";
    String HTTP_ALLOWED_HOSTS = "http.allowedHosts";

    String INDICATION_RETRY_ATTEMPTS = "indication.deliveryRetryAttempts";
    String INDICATION_RETRY_INTERVAL_S = "indication.deliveryRetryIntervalSeconds";
    String INDICATION_REMOVAL_ACTION = "indication.subscriptionRemovalAction";
    String INDICATION_REMOVAL_INTERVAL_S = "indication.subscriptionRemovalTimeIntervalSeconds";
    String INDICATION_DELIVERY_TIMEOUT_MS = "indication.deliveryTimeoutMs";
    String INDICATION_QUEUE_CAPACITY = "indication.queueCapacity";
    String INDICATION_MAX_FILTERS = "indication.maxFilters";
    String INDICATION_MAX_DESTINATIONS = "indication.maxDestinations";
    String INDICATION_MAX_SUBSCRIPTIONS = "indication.maxSubscriptions";
    String INDICATION_PROGRESS_STEP = "indication.progressStepPercent";
    String INTEROP_ALIAS = "interop.alias";
    String ISCSI_ENABLED = "iscsi.enabled";
    String ISCSI_PORT = "iscsi.port";
    String ISCSI_TARGET_NAME = "iscsi.targetName";
    String ISCSI_THIN_PROVISIONING = "iscsi.thinProvisioning";
    String ISCSI_MAX_SESSIONS = "iscsi.maxSessions";
    String ISCSI_NOP_IN_INTERVAL_MS = "iscsi.nopInIntervalMs";
    String ISCSI_LOGIN_TIMEOUT_MS = "iscsi.loginTimeoutMs";
    String ISCSI_CHAP_SECRETS_FILE = "iscsi.chap.secretsFile";
    String ISCSI_CHAP_REQUIRED = "iscsi.chap.required";
    String ISCSI_ALLOW_WITHOUT_CHAP = "iscsi.allowWithoutChap";

    /** The default of cache.encodedInstancesBytes (see docs/configuration.md for the sizing). */
    long DEFAULT_ENCODED_INSTANCES_BYTES = 8L << 20;

    /** Every key, in documentation order. */
    List<Key> KEYS = List.of(
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
            new Key(CACHE_ENCODED_INSTANCES_BYTES, Long.toString(DEFAULT_ENCODED_INSTANCES_BYTES), "heap for stored instances "
                    + "kept as encoded CIM-XML, reused by enumerations and queries; when full, instances are encoded per "
                    + "response; 0 = none kept"),
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
}
