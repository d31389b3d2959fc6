package dev.partop.cli;

import dev.partop.record.AsciicastWriter;
import dev.partop.sink.Controls;
import dev.partop.sink.SnapshotSink;
import dev.partop.util.Daemons;
import dev.partop.view.Dashboard;
import dev.partop.view.DashboardOptions;

import com.googlecode.lanterna.TerminalSize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The consumers of a run or a replay and how they end: the dashboard on the terminal, or drawn
 * off screen into an asciicast when there is none; the cast; the printer for lines; then, once the
 * work is over or the user quits, the terminal restored and every sink closed. Run and replay
 * share this, so a replay is wired exactly as the run it shows.
 */
final class Screens {

    /** Work that runs until it ends or is told to quit. */
    interface Work {
        void run() throws Exception;
    }

    private final List<SnapshotSink> sinks;
    private final Dashboard dashboard;
    private final AsciicastWriter cast;
    private final boolean live;

    /**
     * @param sinks   filled here with the dashboard; the caller adds its own (it may have handed the
     *                list to the source already: a replay's player feeds the sinks it was given)
     * @param live    draw on this terminal (the caller checked there is one)
     * @param record  an asciicast to write, or null
     * @param title   the recording's title
     * @param size    {@code --size}, or null
     * @param options the dashboard's options for the size chosen
     */
    Screens(List<SnapshotSink> sinks, boolean live, Path record, boolean castV3, String title, String size, Controls controls,
            java.util.function.Function<TerminalSize, DashboardOptions> options) throws IOException {
        this.sinks = sinks;
        this.live = live;
        this.cast = record == null ? null : new AsciicastWriter(record, title, System.getenv(), castV3);
        AsciicastWriter c = cast;
        Dashboard.SizeListener sizes = c == null ? null : c::start;
        if (live) {
            dashboard = Dashboard.open(options.apply(DisplayOptions.size(size, false)), controls,
                    out -> c == null ? out : c.tee(out), sizes);
        } else if (c != null) {
            // no terminal: draw the screen into the recording only
            dashboard = Dashboard.offscreen(options.apply(DisplayOptions.size(size, true)), controls, c.tee(null), sizes);
        } else {
            dashboard = null;
        }
        if (dashboard != null) sinks.add(dashboard);
    }

    /** The dashboard, live or off screen; null when there is neither a terminal nor a cast. */
    Dashboard dashboard() {
        return dashboard;
    }

    boolean live() {
        return live;
    }

    void add(SnapshotSink sink) {
        sinks.add(sink);
    }

    List<SnapshotSink> sinks() {
        return sinks;
    }

    /**
     * Runs {@code work}: on this thread when nothing is live, else on its own while the dashboard
     * waits for the user to quit (the results stay on screen). {@code quit} stops the work; it is
     * also called, and the terminal given back, on SIGTERM, SIGHUP (SSH dropped) and SIGINT.
     */
    void run(Work work, Runnable quit, String workName) throws Exception {
        Dashboard shown = dashboard;
        Thread onSignal = new Thread(() -> {
            quit.run();
            if (shown != null) shown.close();
        }, "partop-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            if (!live) {
                work.run();
            } else {
                Thread runner = Daemons.start(workName, () -> {
                    try {
                        work.run();
                    } catch (InterruptedException quitting) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                shown.awaitQuit();
                quit.run();
                runner.join(5000);
            }
        } finally {
            if (shown != null) shown.stopDrawing();
            if (cast != null) cast.close();
            for (SnapshotSink s : sinks) s.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException exiting) {
                // the JVM is already exiting
            }
        }
    }
}
