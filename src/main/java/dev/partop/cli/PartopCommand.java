package dev.partop.cli;

import dev.partop.scenario.ScenarioException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code partop [SCENARIO]}: the top command. Running a scenario is its default action
 * ({@link RunCommand} holds the options); subcommands validate, list, and so on.
 */
@Command(name = "partop", versionProvider = Version.class,
        subcommands = {ValidateCommand.class, ListCommand.class, ReplayCommand.class, ReportCommand.class,
                WorkerCommand.class,
                AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class})
public final class PartopCommand extends RunCommand {

    /** The command line with partop's subcommands, error handlers and exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PartopCommand());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        return handlers(cli);
    }

    /**
     * The same top command without its subcommands, for arguments that name none: picocli
     * inspects every subcommand's annotations when it starts, 50 ms of partop's start-up.
     */
    public static CommandLine runOnly() {
        return handlers(new CommandLine(new RunOnly()));
    }

    /** partop's options and name, no subcommands (see {@link #runOnly()}). */
    @Command(name = "partop", versionProvider = Version.class)
    static final class RunOnly extends RunCommand {
    }

    private static CommandLine handlers(CommandLine cli) {
        cli.setParameterExceptionHandler(PartopCommand::badArguments);
        cli.setExecutionExceptionHandler(PartopCommand::failed);
        return cli;
    }

    /** A bad flag or value: one line, a hint, exit 2. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("partop: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("hint: see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** A user error found while running: one line, exit 2; anything else is partop's fault. */
    private static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UserError u) {
            err.println("partop: " + u.getMessage());
            if (u.hint() != null) err.println("hint: " + u.hint());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (e instanceof ScenarioException s) {
            err.println(s.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println("partop: internal error: " + e);
        if (System.getenv("PARTOP_DEBUG") != null) e.printStackTrace(err);
        else err.println("hint: run again with PARTOP_DEBUG=1 for details, and report it");
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
