package org.iscsismis.server;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iscsismis.cim.CimException;
import org.iscsismis.client.CimClientException;
import org.iscsismis.client.CimXmlClient;
import org.iscsismis.mof.MofCompilation;
import org.iscsismis.mof.MofCompiler;
import org.iscsismis.mof.MofDiagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mof load --url URL FILE...}: compiles MOF files against the schema of a running server
 * (qualifier types and classes fetched on demand with GetQualifier / GetClass) and loads the
 * result over CIM-XML. Nothing is sent unless the whole compilation is free of errors.
 *
 * <p>Exit status: 0 loaded; 2 compile errors (nothing changed) or usage error; 1 the server
 * refused something or could not be reached (the CIM status and description are printed; what
 * was loaded before the refusal stays loaded).
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compile MOF files against a running server's schema and load them into it over CIM-XML",
                "(SetQualifier, CreateClass, CreateInstance). Classes that already exist are skipped, or",
                "modified with --update."})
public final class MofLoadCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_REFUSED = 1;
    static final int EXIT_COMPILE_ERRORS = 2;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "the server, e.g. http://127.0.0.1:5988 (path /cimom by default)")
    private URI url;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = MofCompiler.DEFAULT_NAMESPACE,
            description = "namespace before any #pragma namespace (default: ${DEFAULT-VALUE})")
    private String namespace;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "user for HTTP Basic authentication")
    private String user;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "password for HTTP Basic authentication (visible to local users in the process list: prefer --password-stdin)")
    private String password;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    private boolean passwordStdin;

    @Option(names = "--update", description = "replace classes that already exist (ModifyClass) instead of skipping them")
    private boolean update;

    @Option(names = {"-I", "--include"}, paramLabel = "DIR",
            description = "directory searched for #pragma include files (after the including file's own directory)")
    private List<Path> includeDirectories = new ArrayList<>();

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "" + MofCompiler.DEFAULT_ERROR_LIMIT,
            description = "stop compiling after N errors (default: ${DEFAULT-VALUE})")
    private int maxErrors;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MOF files, compiled in order as one compilation")
    private List<Path> files = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        CimXmlClient client;
        try {
            client = new CimXmlClient(url, user, passwordStdin ? new String(PasswordInput.system().read(user, true)) : password);
        } catch (IllegalArgumentException e) {
            err.println("mof load: " + e.getMessage());
            return EXIT_COMPILE_ERRORS;
        }
        RemoteSchemaContext context = new RemoteSchemaContext(client);
        MofCompiler compiler = MofCompiler.builder().context(context).includePath(includeDirectories)
                .defaultNamespace(namespace).errorLimit(maxErrors).build();
        MofCompilation compilation;
        try {
            compilation = compiler.compile(files);
        } catch (CimException e) {
            err.println("mof load: the server refused a schema query: " + e.status().cimName() + " (" + e.status().code()
                    + "): " + e.description());
            return EXIT_REFUSED;
        } catch (CimClientException e) {
            err.println("mof load: " + e.getMessage());
            return EXIT_REFUSED;
        }
        for (MofDiagnostic d : compilation.diagnostics()) {
            out.println(d.format());
        }
        if (compilation.hasErrors()) {
            out.println("mof load: " + compilation.errors().size() + " errors, " + compilation.warnings().size()
                    + " warnings; nothing was loaded into " + client.cimomUrl());
            return EXIT_COMPILE_ERRORS;
        }
        MofLoader loader = new MofLoader(client, context, update, out);
        try {
            loader.load(compilation);
        } catch (CimException e) {
            out.println("mof load: " + loader.counts());
            err.println("mof load: the server refused " + loader.current() + ": " + e.status().cimName()
                    + " (" + e.status().code() + "): " + e.description());
            return EXIT_REFUSED;
        } catch (CimClientException e) {
            out.println("mof load: " + loader.counts());
            err.println("mof load: " + loader.current() + ": " + e.getMessage());
            return EXIT_REFUSED;
        }
        out.println("mof load: " + loader.counts() + " on " + client.cimomUrl()
                + " (" + context.requests() + " schema queries)");
        return EXIT_OK;
    }
}
