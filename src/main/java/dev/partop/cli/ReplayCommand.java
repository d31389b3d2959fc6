package dev.partop.cli;

import dev.partop.sink.SnapshotSink;

import dev.partop.headless.PlainPrinter;
import dev.partop.record.AsciicastWriter;
import dev.partop.record.Recording;
import dev.partop.record.RecordingException;
import dev.partop.record.ReplayPlayer;
import dev.partop.record.SnapshotLogReader;
import dev.partop.view.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code partop replay run.partop}: a recording redrawn by the live dashboard, at this terminal's size. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays a recording (made with --save) with the dashboard, at any terminal size.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A recording made with --save.")
    Path file;

    @Option(names = "--speed", defaultValue = "1", description = "Playback speed (default ${DEFAULT-VALUE}; 2 is twice as fast).")
    double speed;

    @Option(names = "--headless", description = "Print lines instead of the dashboard.")
    boolean headless;

    @Spec
    CommandSpec spec;

    final DisplayOptions display = new DisplayOptions();

    /** The replay command with its display options, which are declared in code (see {@link DisplayOptions}). */
    static CommandLine commandLine() {
        ReplayCommand replay = new ReplayCommand();
        CommandLine cli = new CommandLine(replay);
        replay.display.addTo(cli.getCommandSpec());
        return cli;
    }

    @Option(names = "--record", paramLabel = "FILE", description = "Record the replay as an asciicast (how a 64-core run becomes a GIF).")
    Path record;

    @Option(names = "--size", paramLabel = "COLSxROWS", description = "Draw a screen of this size (for --record; default with no terminal: 120x36).")
    String size;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0 && speed <= 1000)) throw new UserError("--speed must be above 0 and at most 1000", "e.g. --speed 2");
        display.read(spec);
        display.check();
        Recording recording;
        try {
            recording = SnapshotLogReader.read(file);
        } catch (RecordingException e) {
            throw new UserError(e.getMessage(), "record a run with: partop SCENARIO --save run.partop");
        }
        List<SnapshotSink> sinks = new ArrayList<>();
        ReplayPlayer player = new ReplayPlayer(recording, sinks, speed);
        boolean dashboard = !headless && DisplayOptions.terminalUsable();
        AsciicastWriter cast = record == null ? null
                : new AsciicastWriter(record, recording.header().scenarioName(), System.getenv(), false);
        OutputFailures failures = new OutputFailures(System.err);
        if (dashboard) failures.hold();
        if (cast != null) cast.onFailure(failures.of("--record", record, "the recording stops there; what was written before plays"));
        Dashboard shown = null;
        if (dashboard) {
            shown = Dashboard.open(display.dashboard(true, DisplayOptions.size(size, false)), player,
                    out -> cast == null ? out : cast.tee(out), cast == null ? null : cast::start);
            sinks.add(shown);
            JobControl.install(shown, null);
        } else {
            if (cast != null) {
                shown = Dashboard.offscreen(display.dashboard(true, DisplayOptions.size(size, true)), player,
                        cast.tee(null), cast::start);
                sinks.add(shown);
            }
            sinks.add(new PlainPrinter(System.out));
        }
        Dashboard d = shown;
        Thread restore = new Thread(() -> {
            player.quit();
            if (d != null) d.close();
        }, "partop-shutdown");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            if (!dashboard) {
                player.play();
            } else {
                Thread playing = new Thread(() -> {
                    try {
                        player.play();
                    } catch (InterruptedException ignored) {
                        // quitting
                    }
                }, "partop-replay");
                playing.setDaemon(true);
                playing.start();
                d.awaitQuit();
                player.quit();
            }
        } finally {
            if (d != null) d.stopDrawing();
            if (cast != null) cast.close();
            for (SnapshotSink s : sinks) s.close();
            failures.release();
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException exiting) {
                // already exiting
            }
        }
        return failures.any() ? ExitCodes.OUTPUT_LOST : ExitCodes.OK;
    }
}
