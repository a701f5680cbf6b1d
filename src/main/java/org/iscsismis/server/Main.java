package org.iscsismis.server;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iscsismis.store.DataDirectoryLockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code java -jar iscsi-smis.jar [options]}. Starts the server, prints one banner
 * line with the URLs (and one with the HTTPS certificate's fingerprint) and runs until SIGTERM/SIGINT, which stop
 * it gracefully ({@link StopSignals}). The subcommands {@code mof check|load} run the MOF compiler instead
 * ({@link MofCommand}), {@code user add|passwd|remove|list} manage the users file ({@link UserCommand}).
 *
 * <p>Exit status: 0 after a clean shutdown, 1 if the server cannot start (e.g. the port is in
 * use), 2 for a usage or configuration error (message on stderr, no stack trace).
 */
@Command(name = "iscsi-smis", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "A WBEM server (CIM-XML over HTTP, DSP0200) for the SMI-S replication model of an iSCSI target.",
        footer = {"", "Configuration layers, later ones winning: built-in defaults, --config FILE, --set, the dedicated options.",
                "Binding an address other than loopback requires users (auth.usersFile) and, for iSCSI, CHAP on every login",
                "(iscsi.chap.secretsFile, iscsi.chap.required=*). Keys: docs/configuration.md."})
public final class Main implements Callable<Integer> {

    static final int EXIT_START_FAILED = 1;
    static final int EXIT_CONFIGURATION = 2;

    @Option(names = "--http-port", paramLabel = "N",
            description = "HTTP port (http.port; default 5988, 0 = any free port, for HTTPS too unless --https-port says otherwise)")
    Integer httpPort;

    @Option(names = "--https-port", paramLabel = "N", description = "HTTPS port (https.port; default 5989, 0 = any free port)")
    Integer httpsPort;

    @Option(names = "--no-https", description = "serve plain HTTP only (https.enabled=false)")
    boolean noHttps;

    @Option(names = "--bind", paramLabel = "ADDR", description = "address to listen on, HTTP and iSCSI, IPv4 or IPv6 (http.bind; default 127.0.0.1)")
    String bind;

    @Option(names = "--allow-plain-http-auth",
            description = "off loopback, also take passwords over plain HTTP (auth.allowPlainHttp=true; trusted networks only)")
    boolean allowPlainHttpAuth;

    @Option(names = "--iscsi-port", paramLabel = "N", description = "iSCSI portal port (iscsi.port; default 3260, 0 = any free port)")
    Integer iscsiPort;

    @Option(names = "--allow-iscsi-without-chap",
            description = "off loopback, serve iSCSI although not every login must use CHAP (iscsi.allowWithoutChap=true; trusted networks only)")
    boolean allowIscsiWithoutChap;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with configuration keys")
    Path configFile;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info, warn, error or off (log.level; default info)")
    String logLevel;

    @Option(names = "--mof", paramLabel = "DIR", description = "compile the schema in DIR instead of the packaged one (schema.mofDir)")
    Path mofDirectory;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "keep virtual disks, pools and replication pairs in DIR across restarts (data.dir)")
    Path dataDirectory;

    @Option(names = "--no-demo", description = "start without the demo pool, disks and replication pairs (demo.enabled=false)")
    boolean noDemo;

    @Option(names = "--enable-fault-injection",
            description = "serve ISMIS_FaultInjectionService, which fails volumes and cuts replication links (faults.enabled=true)")
    boolean enableFaultInjection;

    @Option(names = "--exit-after-start", hidden = true,
            description = "start, answer a few requests of our own, stop: the build's training run for the class-data archive")
    boolean exitAfterStart;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set one configuration key (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The subcommands' names, in the order the help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("mof", "user", "chap");

    public static void main(String[] args) {
        // picocli otherwise looks for Groovy's Closure class when it starts: a failed lookup that opens every jar on
        // the class path, about 30 ms of a cold `mof check`; our commands have no Groovy closures
        System.setProperty("picocli.disable.closures", "true");
        int status = commandLine(args).execute(args);
        System.exit(status);
    }

    /** The picocli command with every subcommand, our exit codes and error handling. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command for {@code args}: when they start with a subcommand's name, with that subcommand only. picocli builds
     * each command's model by reflection when it is added, which was a third of a cold {@code mof check}'s fixed cost;
     * any other arguments (the server's options, {@code --help}) get every subcommand.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        for (String name : SUBCOMMANDS.contains(first) ? List.of(first) : SUBCOMMANDS) {
            cli.addSubcommand(subcommand(name));
        }
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof ConfigurationException) {
                err.println("iscsi-smis: configuration error: " + e.getMessage());
                return EXIT_CONFIGURATION;
            }
            if (e instanceof DataDirectoryLockedException) {
                err.println("iscsi-smis: cannot start: " + e.getMessage());
                return EXIT_START_FAILED;
            }
            if (e instanceof UncheckedIOException) {
                err.println("iscsi-smis: cannot start: " + e.getCause().getMessage());
                return EXIT_START_FAILED;
            }
            err.println("iscsi-smis: cannot start: " + e);
            return EXIT_START_FAILED;
        });
        return cli;
    }

    private static Object subcommand(String name) {
        return switch (name) {
            case "mof" -> new MofCommand();
            case "user" -> new UserCommand();
            default -> new ChapCommand();
        };
    }

    /** The configuration the options describe (file, then --set, then the dedicated options). */
    ServerConfig configuration() {
        if (settings.keySet().stream().anyMatch(k -> k.trim().equals(ServerConfig.AUTH_USERS))) {
            throw new ConfigurationException(ServerConfig.AUTH_USERS + " on the command line would show its passwords to "
                    + "every local user (ps). Create accounts with: iscsi-smis user add --users-file FILE NAME (the password "
                    + "is read without echo), then start with --set " + ServerConfig.AUTH_USERS_FILE + "=FILE");
        }
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (httpsPort != null) {
            overrides.put(ServerConfig.HTTPS_PORT, Integer.toString(httpsPort));
        } else if (httpPort != null && httpPort == 0 && !overrides.containsKey(ServerConfig.HTTPS_PORT)) {
            // "any free port" for HTTP means any free port for HTTPS too: two such servers never collide on 5989
            overrides.put(ServerConfig.HTTPS_PORT, "0");
        }
        if (noHttps) {
            overrides.put(ServerConfig.HTTPS_ENABLED, "false");
        }
        if (allowPlainHttpAuth) {
            overrides.put(ServerConfig.AUTH_ALLOW_PLAIN_HTTP, "true");
        }
        if (httpPort != null) {
            overrides.put(ServerConfig.HTTP_PORT, Integer.toString(httpPort));
        }
        if (bind != null) {
            overrides.put(ServerConfig.HTTP_BIND, bind);
        }
        if (iscsiPort != null) {
            overrides.put(ServerConfig.ISCSI_PORT, Integer.toString(iscsiPort));
        }
        if (allowIscsiWithoutChap) {
            overrides.put(ServerConfig.ISCSI_ALLOW_WITHOUT_CHAP, "true");
        }
        if (logLevel != null) {
            overrides.put(ServerConfig.LOG_LEVEL, logLevel);
        }
        if (mofDirectory != null) {
            overrides.put(ServerConfig.SCHEMA_MOF_DIR, mofDirectory.toString());
        }
        if (noDemo) {
            overrides.put(ServerConfig.DEMO_ENABLED, "false");
        }
        if (dataDirectory != null) {
            overrides.put(ServerConfig.DATA_DIR, dataDirectory.toString());
        }
        if (enableFaultInjection) {
            overrides.put(ServerConfig.FAULTS_ENABLED, "true");
        }
        ServerConfig config = ServerConfig.load(configFile, overrides);
        config.checkBindingAllowed();
        return config;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = configuration();
        LogLevels.apply(config.logLevel());
        IscsiSmisServer server = IscsiSmisServer.start(config);
        StopSignals.install(server::close);
        System.out.println("iscsi-smis listening on " + server.url() + "/cimom"
                + (server.httpsUrl() != null ? " and " + server.httpsUrl() + "/cimom" : "") + " ("
                + (config.authenticationConfigured() ? "HTTP Basic authentication" : "no authentication") + ")"
                + (server.portal() != null ? ", iSCSI target " + server.portal().targetName() + " on port " + server.portal().port()
                        + chapNote(config) : ""));
        if (server.httpsUrl() != null) {
            System.out.println("HTTPS certificate (" + server.certificateSource() + ") SHA-256 fingerprint: "
                    + server.certificateFingerprint());
        }
        System.out.flush();
        if (exitAfterStart) {
            StartupTraining.exercise(server.url());
            server.close();
            return 0;
        }
        server.join();
        server.close(); // returns once a stop that a signal began has finished
        return 0;
    }

    private static String chapNote(ServerConfig config) {
        if (config.iscsiChapRequired().contains(org.iscsismis.iscsi.target.login.ChapSecrets.ANY_NODE)) {
            return " (CHAP required)";
        }
        return config.iscsiChapSecretsFile() != null ? " (CHAP where " + ServerConfig.ISCSI_CHAP_REQUIRED + " says or the initiator offers it)" : "";
    }

    /** The version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"iscsi-smis " + (v != null ? v : "(development build)")};
        }
    }
}
