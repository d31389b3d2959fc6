package dev.partop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Output files that could not be written whole (a full disk): the run goes on without them,
 * each is one line on stderr, and partop exits with {@link ExitCodes#OUTPUT_LOST}. While a
 * full-screen dashboard owns the terminal the lines wait, and come once it is restored.
 */
final class OutputFailures {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final PrintStream err;
    private volatile boolean holding;

    OutputFailures(PrintStream err) {
        this.err = err;
    }

    /** A listener for {@code flag FILE}'s first failure; {@code after} says what became of the file. */
    Consumer<IOException> of(String flag, Path file, String after) {
        return e -> add("partop: " + flag + " " + file + ": " + reason(e) + "; " + after);
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private synchronized void add(String line) {
        lines.add(line);
        if (!holding) err.println(line);
    }

    /** Keeps lines until {@link #release()}: the screen is the dashboard's. */
    synchronized void hold() {
        holding = true;
    }

    /** Prints what was held (the terminal is restored). */
    synchronized void release() {
        if (!holding) return;
        holding = false;
        for (String l : lines) err.println(l);
        err.flush();
    }

    boolean any() {
        return !lines.isEmpty();
    }
}
