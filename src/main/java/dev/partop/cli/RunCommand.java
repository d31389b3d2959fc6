package dev.partop.cli;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.headless.PlainPrinter;
import dev.partop.probe.CoreSource;
import dev.partop.probe.CoreSources;
import dev.partop.probe.SyntheticCoreSource;
import dev.partop.scenario.BuiltinScenarios;
import dev.partop.scenario.GilPolicy;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a scenario: live dashboard on a terminal, headless lines or JSON otherwise.
 *
 * <p>Its options are declared through picocli's programmatic API ({@link #spec()}), not with
 * annotations: reading annotations costs picocli reflection and a generated proxy class per
 * annotation type, which was half of partop's time to its first frame (200 ms against 100 ms,
 * measured side by side). The subcommands, off that path, keep their annotations.
 */
public class RunCommand implements Callable<Integer> {

    /** What the positional arguments are: a scenario, a command to run, or processes to watch. */
    public enum Mode { SCENARIO, RUN, WATCH }

    private final Mode mode;
    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    private final DisplayOptions display = new DisplayOptions();

    // the values read from the parsed options when the command runs (see read())
    String scenarioArg;
    boolean headless;
    boolean json;
    Duration interval;
    String phase;
    Path record;
    String castFormat;
    String size;
    Path save;
    Path report;
    boolean allowCommands;
    Integer syntheticCores;
    List<String> commandArgs;
    List<Long> pids;
    Duration watchFor;

    public RunCommand() {
        this(Mode.SCENARIO);
    }

    public RunCommand(Mode mode) {
        this.mode = mode;
    }

    /** The command's picocli model: partop's name, usage, version and options, bound to this object. */
    public CommandSpec spec() {
        if (!spec.options().isEmpty()) return spec;
        spec.versionProvider(new Version());
        switch (mode) {
            case SCENARIO -> {
                spec.name("partop");
                spec.usageMessage().sortOptions(false).description(
                        "Runs a scenario of workloads under different execution models and shows every core live.",
                        "SCENARIO is a YAML file or the name of a built-in scenario (see 'partop list'); "
                                + "none runs the built-in default.");
                spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("SCENARIO")
                        .type(String.class).description("Scenario file or built-in name.").build());
            }
            case RUN -> {
                spec.name("run");
                spec.usageMessage().sortOptions(false).description(
                        "Runs a program and shows its threads live: a one-phase 'command' scenario, no YAML file.",
                        "Put the program after '--': partop run -- python3 demo.py");
                spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1..*").paramLabel("CMD")
                        .type(List.class).auxiliaryTypes(String.class).description("The program and its arguments.").build());
            }
            case WATCH -> {
                spec.name("watch");
                spec.usageMessage().sortOptions(false).description(
                        "Watches running processes thread by thread (any program; for CPython also its GIL).",
                        "The processes are never stopped or signalled; q leaves them running.");
                spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1..*").paramLabel("PID")
                        .type(List.class).auxiliaryTypes(Long.class).description("Process ids to watch.").build());
                spec.addOption(OptionSpec.builder("--for").paramLabel("DURATION").type(Duration.class)
                        .converters(new DurationConverter()).description("Stop watching after this long.").build());
            }
        }
        flag("--headless", "No dashboard: one line per sample and a results table.");
        flag("--json", "Headless, as JSON Lines (header, sample, phase, summary).");
        spec.addOption(OptionSpec.builder("--interval").paramLabel("DURATION").type(Duration.class)
                .converters(new DurationConverter()).defaultValue("250ms")
                .description("Sample period (default ${DEFAULT-VALUE}).").build());
        option("--phase", "NAME", String.class, "Run only this phase (and the baseline).");
        display.addTo(spec);
        option("--record", "FILE", Path.class, "Record the dashboard as an asciicast (.cast) for asciinema, agg and slides.");
        spec.addOption(OptionSpec.builder("--cast-format").paramLabel("v2|v3").type(String.class).defaultValue("v2")
                .description("Asciicast version (default ${DEFAULT-VALUE}).").build());
        option("--size", "COLSxROWS", String.class,
                "Draw a screen of this size whatever the terminal (for recordings; default with no terminal: 120x36).");
        option("--save", "FILE", Path.class, "Record every sample to FILE (.partop, or .partop.gz) for replay and report.");
        option("--report", "FILE", Path.class, "Write the results table to FILE at the end (.md or .csv).");
        flag("--allow-commands", "Allow phases that run programs (model: command).");
        // tests and demos of big layouts: a made-up machine of N CPUs
        spec.addOption(OptionSpec.builder("--synthetic-cores").paramLabel("N").type(Integer.class).hidden(true).build());
        // what mixinStandardHelpOptions adds, without the reflection it costs
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    private void flag(String name, String description) {
        spec.addOption(OptionSpec.builder(name).type(boolean.class).description(description).build());
    }

    private void option(String name, String label, Class<?> type, String description) {
        spec.addOption(OptionSpec.builder(name).paramLabel(label).type(type).description(description).build());
    }

    /** The parsed values into fields (defaults applied by picocli). */
    private void read() {
        if (mode == Mode.SCENARIO) scenarioArg = spec.positionalParameters().get(0).getValue();
        if (mode == Mode.RUN) commandArgs = spec.positionalParameters().get(0).getValue();
        if (mode == Mode.WATCH) {
            pids = spec.positionalParameters().get(0).getValue();
            watchFor = value("--for");
        }
        headless = isSet("--headless");
        json = isSet("--json");
        interval = value("--interval");
        phase = value("--phase");
        record = value("--record");
        castFormat = value("--cast-format");
        size = value("--size");
        save = value("--save");
        report = value("--report");
        allowCommands = isSet("--allow-commands");
        syntheticCores = value("--synthetic-cores");
        display.read(spec);
    }

    private <T> T value(String option) {
        return spec.findOption(option).getValue();
    }

    private boolean isSet(String flag) {
        return Boolean.TRUE.equals(spec.findOption(flag).getValue());
    }

    @Override
    public Integer call() throws Exception {
        read();
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
            if (p.model() == ModelKind.COMMAND && !allowCommands && mode != Mode.RUN && (phase == null || phase.equals(p.name()))) {
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
            session.calibrateAfter(dashboard.firstFrame());
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
        if (mode == Mode.RUN) {
            // the user typed the program: it needs no --allow-commands
            String text = "# partop run -- " + String.join(" ", commandArgs) + "\n";
            Phase p = new Phase(commandArgs.get(0), ModelKind.COMMAND, 1, 0, 0, Duration.ofMillis(5), GilPolicy.NEW, 100,
                    null, "cold", List.of(), List.copyOf(commandArgs), 0);
            return new Scenario("run " + String.join(" ", commandArgs), "a program run by partop run", p.name(),
                    List.of(p), "command line", text);
        }
        if (mode == Mode.WATCH) return WatchTargets.scenario(pids, watchFor);
        return ScenarioLoader.resolve(scenarioArg == null ? BuiltinScenarios.defaultName() : scenarioArg);
    }
}
