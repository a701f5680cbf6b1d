package org.iscsismis.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.iscsismis.mof.MofCheck;
import org.iscsismis.mof.MofCompiler;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mof check FILE...}: compiles MOF files offline (no server, empty repository) and prints
 * {@code file:line:col: error: message} lines. Exit status 0 without errors (warnings allowed),
 * 2 with errors. Meant to be added as a subcommand of the {@code mof} command in {@link Main}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile MOF files offline and report errors as file:line:col: error: message.")
public final class MofCheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MOF files, compiled in order as one compilation")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-I", "--include"}, paramLabel = "DIR",
            description = "directory searched for #pragma include files (after the including file's own directory)")
    private List<Path> includeDirectories = new ArrayList<>();

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = MofCompiler.DEFAULT_NAMESPACE,
            description = "namespace before any #pragma namespace (default: ${DEFAULT-VALUE})")
    private String namespace;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "" + MofCompiler.DEFAULT_ERROR_LIMIT,
            description = "stop after N errors (default: ${DEFAULT-VALUE})")
    private int maxErrors;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        MofCompiler compiler = MofCompiler.builder()
                .includePath(includeDirectories)
                .defaultNamespace(namespace)
                .errorLimit(maxErrors)
                .build();
        PrintWriter out = spec.commandLine().getOut();
        int status = MofCheck.run(compiler, files, out);
        out.flush();
        return status;
    }
}
