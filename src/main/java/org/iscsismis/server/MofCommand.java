package org.iscsismis.server;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mof check|load}: the MOF compiler on the command line. */
@Command(name = "mof", mixinStandardHelpOptions = true,
        description = "The MOF compiler: check files offline, or load them into a running server.",
        subcommands = {MofCheckCommand.class, MofLoadCommand.class})
public final class MofCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: check or load");
    }
}
