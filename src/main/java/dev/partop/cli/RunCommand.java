package dev.partop.cli;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.headless.PlainPrinter;
import dev.partop.model.cpython.Interpreter;
import dev.partop.model.cpython.Interpreters;
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
import dev.partop.record.RunTimeline;
import dev.partop.record.Theme;
import dev.partop.record.SnapshotLogWriter;
import dev.partop.view.Dashboard;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    /** What {@link #report} is to hold, from its extension; worked out once, by {@link #checkOptions}. */
    private ReportCommand.Format reportFormat;
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
        option("--report", "FILE", Path.class,
                "Write the results to FILE at the end: a table (.md, .csv, .json) or a picture (.svg, .html).");
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
        checkOptions();
        Scenario scenario = loadScenario();
        checkPhases(scenario);
        // the screen first: a dashboard that appears at once, while OSHI and the JIT warm up
        ControlsRelay controls = new ControlsRelay();
        boolean interactive = wantsDashboard();
        Screens screens = new Screens(new ArrayList<>(), interactive, record, castFormat.equals("v3"), scenario.name(), size, controls,
                fixed -> display.dashboard(false, fixed));
        Dashboard dashboard = screens.dashboard();
        if (dashboard != null) {
            dashboard.title(scenario.name());
            dashboard.description(scenario.description());
        }
        if (!interactive) {
            // a reader that goes away (partop | head -1) stops the run
            PrintStream out = PipeOutput.stdout(controls::quit);
            screens.add(json ? new JsonLinesPrinter(out) : new PlainPrinter(out));
        }
        if (save != null) {
            SnapshotLogWriter saving = new SnapshotLogWriter(save);
            saving.onFailure(screens.failures().of("--save", save, "the recording stops there; what was written before replays"));
            screens.add(saving);
        }
        RunTimeline timeline = new RunTimeline();
        if (report != null) screens.add(timeline);
        CoreSource cores = syntheticCores != null ? new SyntheticCoreSource(syntheticCores) : CoreSources.takeOshi();
        Session session = new Session(scenario, cores, screens.sinks(),
                new Session.Options(interval, phase, Duration.ofMillis(300), Version.get(),
                        // -Dpartop.warmup=false: for benchmarks that measure what the warm-up buys
                        !"false".equals(System.getProperty("partop.warmup"))));
        controls.target(session);
        screens.onSuspended(session::suspended);
        // a live final screen keeps sampling, and r on it runs the scenario again
        session.holdAtEnd(interactive);
        if (dashboard != null) {
            session.selfMeter().register(dashboard.renderThread());
            session.selfMeter().drawStats(dashboard);
            session.calibrateAfter(dashboard.firstFrame());
        }
        screens.run(session::run, session::quit, "partop-session");
        if (report != null && timeline.header() == null) {
            System.err.println("partop: no report written to " + report + ": the run stopped before it started");
        } else if (report != null) {
            try {
                Files.writeString(report, ReportCommand.render(timeline, reportFormat, Theme.light));
            } catch (java.io.IOException e) {
                screens.failures().of("--report", report, "the report is not whole").accept(e);
            }
        }
        return screens.failures().any() ? ExitCodes.OUTPUT_LOST : ExitCodes.OK;
    }

    /** Every option checked before anything runs: a mistake costs the user no waiting. */
    private void checkOptions() {
        if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new UserError("--interval must be between 10ms and 60s, not " + interval.toMillis() + "ms",
                    "Linux counts CPU time in 10 ms ticks; try --interval 250ms");
        }
        display.check();
        if (syntheticCores != null && (syntheticCores < 1 || syntheticCores > 4096)) {
            throw new UserError("--synthetic-cores must be between 1 and 4096", null);
        }
        checkWritable(save, "--save");
        checkWritable(record, "--record");
        if (!castFormat.equals("v2") && !castFormat.equals("v3")) {
            throw new UserError("--cast-format must be v2 or v3, not '" + castFormat + "'", "v2 plays everywhere");
        }
        if (size != null) DisplayOptions.size(size, true);
        checkWritable(report, "--report");
        reportFormat = report == null ? null : ReportCommand.Format.ofFile(report);
        if (report != null && reportFormat == null) {
            throw new UserError("--report " + report + ": unknown kind of file; name it .md, .csv, .json, .svg or .html", null);
        }
    }

    /** {@code --phase} names a phase, and no phase runs a program unless allowed. */
    private void checkPhases(Scenario scenario) {
        if (phase != null && scenario.phase(phase) == null) {
            List<String> names = scenario.phases().stream().map(Phase::name).toList();
            String guess = Suggestions.closest(phase, names).map(n -> "did you mean '" + n + "'? ").orElse("");
            throw new UserError("no phase named '" + phase + "' in " + scenario.source(),
                    guess + "phases: " + String.join(", ", names));
        }
        for (Phase p : scenario.phases()) {
            if (p.model() == ModelKind.COMMAND && !allowCommands && mode != Mode.RUN && (phase == null || phase.equals(p.name()))) {
                throw new UserError("phase '" + p.name() + "' runs a program (" + shortCommand(p.command())
                        + "), which partop does only when asked", "add --allow-commands if you trust " + scenario.source());
            }
        }
        checkInterpreters(scenario);
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

    /** A program as one short line: an embedded script's text would fill the screen. */
    static String shortCommand(List<String> command) {
        String line = String.join(" ", command).replaceAll("\\s+", " ").strip();
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /**
     * A file we will write must be writable: say so now, not after the run. Opening it tells
     * (a read-only file system, a missing directory); a file that was not there is removed again.
     */
    private static void checkWritable(Path file, String flag) {
        if (file == null) return;
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(flag + " " + file + ": no such directory", "create " + dir + " first, or name another file");
        }
        if (Files.isDirectory(file)) throw new UserError(flag + " " + file + ": is a directory", "give a file name");
        boolean existed = Files.exists(file);
        try {
            Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)
                    .close();
            if (!existed) Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : String.valueOf(e.getMessage());
            throw new UserError(flag + " " + file + ": cannot write there (" + why + ")", "name a file in a writable directory");
        }
    }

    /**
     * Every interpreter a CPython phase of this run names must start and have what the phase
     * needs, before anything runs: a run that found out after minutes of other phases would
     * lose the side-by-side it was for, and a missing interpreter is the user's to fix, like a
     * bad flag. One line and exit 2.
     */
    private void checkInterpreters(Scenario scenario) {
        for (Phase p : scenario.phases()) {
            if (!p.isCpython()) continue;
            if (phase != null && !phase.equals(p.name()) && !p.name().equals(scenario.baseline())) continue;
            Interpreter found;
            try {
                found = Interpreters.probe(p.python());
            } catch (IOException e) {
                throw new UserError("phase '" + p.name() + "' runs in CPython, but " + e.getMessage(),
                        "install it, or name another with `python:` (e.g. `python: python3.12`, a path)");
            }
            String lack = found.lacks().get(p.model().keyword());
            if (lack == null && p.startMethod() != null && !found.startMethods().contains(p.startMethod())) {
                lack = "start method " + p.startMethod() + " is not available (has: " + String.join(", ", found.startMethods()) + ")";
            }
            if (lack != null) {
                throw new UserError("phase '" + p.name() + "': " + p.python() + " (CPython " + found.version() + "): " + lack,
                        "name another interpreter with `python:`, or run this phase as `runtime: model`");
            }
        }
    }

    private Scenario loadScenario() throws ScenarioException {
        if (mode == Mode.RUN) {
            // the user typed the program: it needs no --allow-commands
            String text = "# partop run -- " + String.join(" ", commandArgs) + "\n";
            Phase p = Phase.builder().name(commandArgs.get(0)).model(ModelKind.COMMAND)
                    .command(List.copyOf(commandArgs)).build();
            return new Scenario("run " + String.join(" ", commandArgs), "a program run by partop run", p.name(),
                    List.of(p), "command line", text);
        }
        if (mode == Mode.WATCH) return WatchTargets.scenario(pids, watchFor);
        return ScenarioLoader.resolve(scenarioArg == null ? BuiltinScenarios.defaultName() : scenarioArg);
    }
}
