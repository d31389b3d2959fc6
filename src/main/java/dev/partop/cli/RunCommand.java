package dev.partop.cli;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.headless.PlainPrinter;
import dev.partop.probe.CoreSource;
import dev.partop.probe.OshiCoreSource;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        CoreSource cores = syntheticCores != null ? new SyntheticCoreSource(syntheticCores) : new OshiCoreSource();
        PrintStream out = System.out;
        List<SnapshotSink> sinks = new ArrayList<>();
        sinks.add(json ? new JsonLinesPrinter(out) : new PlainPrinter(out));
        Session session = new Session(scenario, cores, sinks,
                new Session.Options(interval, phase, Duration.ofMillis(300), Version.get()));
        Thread quitOnSignal = new Thread(session::quit, "partop-shutdown");
        Runtime.getRuntime().addShutdownHook(quitOnSignal);
        try {
            session.run();
        } finally {
            for (SnapshotSink s : sinks) s.close();
            try {
                Runtime.getRuntime().removeShutdownHook(quitOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
        return ExitCodes.OK;
    }

    private Scenario loadScenario() throws ScenarioException {
        return ScenarioLoader.resolve(scenarioArg == null ? BuiltinScenarios.defaultName() : scenarioArg);
    }
}
