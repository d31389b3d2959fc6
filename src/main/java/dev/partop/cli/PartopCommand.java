package dev.partop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code partop [SCENARIO]}: runs a scenario. Subcommands validate, list, and so on. */
@Command(name = "partop", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a scenario of workloads under different execution models and shows every core live.",
        subcommands = {CommandLine.HelpCommand.class})
public final class PartopCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }

    /** The command line with partop's subcommands, error handlers and exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PartopCommand());
        return cli;
    }
}
