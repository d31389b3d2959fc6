package dev.partop.cli;

import picocli.CommandLine;

import java.util.Set;

/** Entry point: sets up the JVM for a terminal program, then hands over to picocli. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Whether these arguments will run a scenario on the real cores, guessed before parsing
     * them: not a subcommand, not help or version, not synthetic cores. A wrong guess costs
     * only an unused OSHI start on a daemon thread.
     */
    static boolean startsARun(String... args) {
        if (args.length > 0 && NOT_RUNS.contains(args[0])) return false;
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")
                    || a.startsWith("--synthetic-cores")) return false;
        }
        return true;
    }

    private static final Set<String> NOT_RUNS =
            Set.of("validate", "list", "replay", "report", "generate-completion", "help");

    /** Runs partop with {@code args} and returns its exit code (tests call this). */
    public static int run(String... args) {
        // never open a Swing window from Lanterna; OSHI must not cache readings between ticks
        System.setProperty("java.awt.headless", "true");
        System.setProperty("oshi.util.memoizer.expiration", "0");
        boolean run = startsARun(args);
        // picocli takes 0.1 s to start: meanwhile a side thread reads the cores and loads what a run needs next
        if (run) RunWarmup.start(args);
        boolean subcommand = args.length > 0 && (args[0].equals("run") || args[0].equals("watch"));
        CommandLine cli = run && !subcommand ? PartopCommand.runOnly() : PartopCommand.commandLine();
        return cli.execute(args);
    }
}
