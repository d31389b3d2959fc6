package dev.partop.cli;

import picocli.CommandLine;

/** Entry point: sets up the JVM for a terminal program, then hands over to picocli. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs partop with {@code args} and returns its exit code (tests call this). */
    public static int run(String... args) {
        // never open a Swing window from Lanterna; OSHI must not cache readings between ticks
        System.setProperty("java.awt.headless", "true");
        System.setProperty("oshi.util.memoizer.expiration", "0");
        CommandLine cli = PartopCommand.commandLine();
        return cli.execute(args);
    }
}
