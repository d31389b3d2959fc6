package dev.partop.cli;

import dev.partop.util.Daemons;

import dev.partop.view.widget.Symbols;

import dev.partop.probe.CoreSources;
import dev.partop.scenario.BuiltinScenarios;
import dev.partop.scenario.ScenarioException;

import dev.partop.view.PainterWarmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * Start-up work done on a side thread while picocli reads the arguments on the main one (on
 * two cores they overlap): the first reading of the core counters, so the first sample can
 * come as soon as the screen is up, and the classes a run loads next (the YAML reader,
 * Lanterna's terminal, the JVM's thread CPU clock, every widget), by using them once. Nothing here has an effect a run could see.
 */
final class RunWarmup {

    private RunWarmup() {
    }

    static void start(String... args) {
        Daemons.start("partop-warmup", () -> warm(args));
    }

    private static void warm(String... args) {
        try {
            CoreSources.startOshi();
            // the sampler's first tick reads thread CPU times: the management beans take 30 ms to start
            ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            BuiltinScenarios.load(BuiltinScenarios.defaultName());
            if (!drawsScreen(args)) return; // headless: no terminal, no widgets
            ClassLoader loader = RunWarmup.class.getClassLoader();
            for (String c : LANTERNA) Class.forName(c, true, loader);
            PainterWarmup.paintOnce(Symbols.UNICODE);
        } catch (ScenarioException | ClassNotFoundException | IOException | RuntimeException | LinkageError ignored) {
            // only a head start: the run does all of this itself
        }
    }

    /** Whether the run will draw a dashboard, as far as can be told before picocli reads the arguments. */
    private static boolean drawsScreen(String... args) {
        for (String a : args) {
            if (a.equals("--headless") || a.equals("--json")) return false;
            if (a.startsWith("--record")) return true; // a recording draws a screen even without a terminal
        }
        return DisplayOptions.terminalUsable();
    }

    private static final String[] LANTERNA = {
            "com.googlecode.lanterna.terminal.DefaultTerminalFactory",
            "com.googlecode.lanterna.terminal.ansi.UnixTerminal",
            "dev.partop.view.QuickUnixTerminal",
            "com.googlecode.lanterna.input.InputDecoder",
            "com.googlecode.lanterna.TextColor$Indexed",
            "com.googlecode.lanterna.TextColor$RGB",
    };
}
