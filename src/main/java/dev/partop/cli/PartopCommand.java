package dev.partop.cli;

import dev.partop.scenario.ScenarioException;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code partop [SCENARIO]}: the command line. Running a scenario is the top command's own
 * action ({@link RunCommand} declares its options); subcommands validate, list, and so on.
 */
public final class PartopCommand {

    private PartopCommand() {
    }

    /** The command line with partop's subcommands, error handlers and exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RunCommand().spec());
        cli.addSubcommand("run", handlers(new CommandLine(new RunCommand(RunCommand.Mode.RUN).spec())));
        cli.addSubcommand("watch", handlers(new CommandLine(new RunCommand(RunCommand.Mode.WATCH).spec())));
        cli.addSubcommand(new ValidateCommand());
        cli.addSubcommand(new ListCommand());
        cli.addSubcommand(ReplayCommand.commandLine());
        cli.addSubcommand(new ReportCommand());
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(true);
        cli.addSubcommand(completion);
        cli.addSubcommand(new CommandLine.HelpCommand());
        return handlers(cli);
    }

    /**
     * The same top command without its subcommands, for arguments that name none: picocli
     * reads every subcommand's annotations when it starts, 50 ms of partop's start-up.
     */
    public static CommandLine runOnly() {
        return handlers(new CommandLine(new RunCommand().spec()));
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
