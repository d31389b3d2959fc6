package dev.partop.cli;

import dev.partop.sink.SnapshotSink;

import dev.partop.headless.PlainPrinter;
import dev.partop.record.Recording;
import dev.partop.record.RecordingException;
import dev.partop.record.ReplayPlayer;
import dev.partop.record.SnapshotLogReader;
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
        boolean live = !headless && DisplayOptions.terminalUsable();
        List<SnapshotSink> sinks = new ArrayList<>();
        ReplayPlayer player = new ReplayPlayer(recording, sinks, speed);
        Screens screens = new Screens(sinks, live, record, false, recording.header().scenarioName(), size, player,
                fixed -> display.dashboard(true, fixed));
        if (!live) screens.add(new PlainPrinter(System.out));
        screens.run(player::play, player::quit, "partop-replay");
        return ExitCodes.OK;
    }
}
