package dev.partop.cli;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.headless.PlainPrinter;
import dev.partop.probe.CoreSource;
import dev.partop.probe.CoreSources;
import dev.partop.probe.SyntheticCoreSource;
import dev.partop.scenario.BuiltinScenarios;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Scenario;
import dev.partop.scenario.ScenarioException;
import dev.partop.scenario.ScenarioLoader;
import dev.partop.scenario.Suggestions;
import dev.partop.session.Session;
import dev.partop.session.SnapshotSink;
import com.googlecode.lanterna.TerminalSize;
import dev.partop.record.AsciicastWriter;
import dev.partop.record.ResultsTable;
import dev.partop.record.SnapshotLogWriter;
import dev.partop.snapshot.RunHeader;
import dev.partop.view.Dashboard;
import dev.partop.view.DashboardOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Runs a scenario: live dashboard on a terminal, headless lines or JSON otherwise. */
@Command(mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario of workloads under different execution models and shows every core live.",
                "SCENARIO is a YAML file or the name of a built-in scenario (see 'partop list'); "
                        + "none runs the built-in default."})
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file or built-in name.")
    String scenarioArg;

    @Option(names = "--headless", description = "No dashboard: one line per sample and a results table.")
    boolean headless;

    @Option(names = "--json", description = "Headless, as JSON Lines (header, sample, phase, summary).")
    boolean json;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "250ms",
            converter = DurationConverter.class, description = "Sample period (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--phase", paramLabel = "NAME", description = "Run only this phase (and the baseline).")
    String phase;

    @Mixin
    DisplayOptions display = new DisplayOptions();

    @Option(names = "--record", paramLabel = "FILE", description = "Record the dashboard as an asciicast (.cast) for asciinema, agg and slides.")
    Path record;

    @Option(names = "--cast-format", paramLabel = "v2|v3", defaultValue = "v2", description = "Asciicast version (default ${DEFAULT-VALUE}).")
    String castFormat;

    @Option(names = "--size", paramLabel = "COLSxROWS", description = "Draw a screen of this size whatever the terminal (for recordings; default with no terminal: 120x36).")
    String size;

    @Option(names = "--save", paramLabel = "FILE", description = "Record every sample to FILE (.partop, or .partop.gz) for replay and report.")
    Path save;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the results table to FILE at the end (.md or .csv).")
    Path report;

    @Option(names = "--allow-commands", description = "Allow phases that run programs (model: command).")
    boolean allowCommands;

    @Option(names = "--synthetic-cores", hidden = true, paramLabel = "N",
            description = "Draw a made-up machine of N CPUs (tests and demos of big layouts).")
    Integer syntheticCores;

    @Override
    public Integer call() throws Exception {
        if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new UserError("--interval must be between 10ms and 60s, not " + interval.toMillis() + "ms",
                    "Linux counts CPU time in 10 ms ticks; try --interval 250ms");
        }
        display.check();
        if (syntheticCores != null && (syntheticCores < 1 || syntheticCores > 4096)) {
            throw new UserError("--synthetic-cores must be between 1 and 4096", null);
        }
        Scenario scenario = loadScenario();
        if (phase != null && scenario.phase(phase) == null) {
            List<String> names = scenario.phases().stream().map(Phase::name).toList();
            String guess = Suggestions.closest(phase, names).map(n -> "did you mean '" + n + "'? ").orElse("");
            throw new UserError("no phase named '" + phase + "' in " + scenario.source(),
                    guess + "phases: " + String.join(", ", names));
        }
        for (Phase p : scenario.phases()) {
            if (p.model() == ModelKind.COMMAND && !allowCommands && (phase == null || phase.equals(p.name()))) {
                throw new UserError("phase '" + p.name() + "' runs a program (" + String.join(" ", p.command())
                        + "), which partop does only when asked", "add --allow-commands if you trust " + scenario.source());
            }
        }
        checkWritable(save, "--save");
        checkWritable(record, "--record");
        if (!castFormat.equals("v2") && !castFormat.equals("v3")) {
            throw new UserError("--cast-format must be v2 or v3, not '" + castFormat + "'", "v2 plays everywhere");
        }
        if (size != null) DisplayOptions.size(size, true);
        checkWritable(report, "--report");
        // the screen first: a dashboard that appears at once, while OSHI and the JIT warm up
        ControlsRelay controls = new ControlsRelay();
        List<SnapshotSink> sinks = new ArrayList<>();
        Dashboard dashboard = null;
        boolean interactive = wantsDashboard();
        Map<String, String> env = System.getenv();
        AsciicastWriter cast = record == null ? null
                : new AsciicastWriter(record, scenario.name(), env, castFormat.equals("v3"));
        if (interactive || cast != null) {
            TerminalSize fixed = DisplayOptions.size(size, !interactive);
            DashboardOptions options = display.dashboard(false, fixed);
            Dashboard.SizeListener sizes = cast == null ? null : cast::start;
            if (interactive) {
                dashboard = Dashboard.open(options, controls, out -> cast == null ? out : cast.tee(out), sizes);
            } else {
                // no terminal: draw the screen into the recording only
                dashboard = Dashboard.offscreen(options, controls, cast.tee(null), sizes);
            }
            dashboard.title(scenario.name());
            sinks.add(dashboard);
        }
        if (!interactive) {
            PrintStream out = System.out;
            sinks.add(json ? new JsonLinesPrinter(out) : new PlainPrinter(out));
        }
        if (save != null) sinks.add(new SnapshotLogWriter(save));
        CoreSource cores = syntheticCores != null ? new SyntheticCoreSource(syntheticCores) : CoreSources.takeOshi();
        Session session = new Session(scenario, cores, sinks,
                new Session.Options(interval, phase, Duration.ofMillis(300), Version.get()));
        controls.target(session);
        if (dashboard != null) {
            session.selfMeter().register(dashboard.renderThread());
            session.selfMeter().drawStats(dashboard);
        }
        Dashboard shown = dashboard;
        // SIGTERM, SIGHUP (SSH dropped), SIGINT: stop the work and give the terminal back
        Thread onSignal = new Thread(() -> {
            session.quit();
            if (shown != null) shown.close();
        }, "partop-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            if (!interactive) {
                session.run();
            } else {
                Thread runner = new Thread(session::run, "partop-session");
                runner.setDaemon(true);
                runner.start();
                // the results stay on screen until the user quits
                dashboard.awaitQuit();
                session.quit();
                runner.join(5000);
            }
        } finally {
            if (dashboard != null) dashboard.stopDrawing();
            if (cast != null) cast.close();
            for (SnapshotSink s : sinks) s.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
        if (report != null) writeReport(session);
        return ExitCodes.OK;
    }

    private void writeReport(Session session) throws java.io.IOException {
        RunHeader h = session.header();
        String text = report.toString().endsWith(".csv") ? ResultsTable.csv(h, session.results())
                : ResultsTable.markdown(h, session.results());
        Files.writeString(report, text);
    }

    /** The dashboard needs a real terminal; CI, pipes, --headless and --json get lines. */
    private boolean wantsDashboard() {
        if (headless || json) return false;
        if (Terminals.inCi() || !Terminals.interactive()) return false;
        if (Terminals.dumb()) {
            throw new UserError("TERM is '" + System.getenv("TERM") + "', which cannot draw a dashboard",
                    "set TERM (e.g. TERM=xterm-256color), or use --headless");
        }
        return true;
    }

    /** A file we will write must have a directory to go in: say so now, not after the run. */
    private static void checkWritable(Path file, String flag) {
        if (file == null) return;
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UserError(flag + " " + file + ": cannot write there", "check that the directory exists");
        }
        if (Files.isDirectory(file)) throw new UserError(flag + " " + file + ": is a directory", "give a file name");
    }

    private Scenario loadScenario() throws ScenarioException {
        return ScenarioLoader.resolve(scenarioArg == null ? BuiltinScenarios.defaultName() : scenarioArg);
    }
}
