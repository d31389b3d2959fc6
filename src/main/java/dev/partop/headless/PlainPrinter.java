package dev.partop.headless;

import dev.partop.sink.SnapshotSink;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.PhaseFigures;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseStatus;
import dev.partop.snapshot.CpuLimit;
import dev.partop.snapshot.PythonRuntime;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Headless plain output: one compact line per sample (phase, per-core busy %, parallelism so
 * far), a line per finished phase, and the results table at the end. Made to be read in a CI
 * log or piped through grep.
 */
public final class PlainPrinter implements SnapshotSink {

    /** Beyond this many cores a line shows the spread (min/mean/max) instead of every core. */
    private static final int MAX_CORES_LISTED = 32;

    private final PrintStream out;
    private int phasesPrinted;
    private boolean tablePrinted;
    private List<String> figures = List.of("speedup");

    public PlainPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void header(RunHeader h) {
        figures = h.figures();
        out.printf(Locale.ROOT, "partop %s  %s  (%d CPUs, %d cores; %s)%n", h.partopVersion(), h.scenarioName(),
                h.machine().logical(), h.machine().physical(), h.machine().cpuModel());
        CpuLimit limit = h.machine().limit();
        if (limit != null && !limit.describe().isEmpty()) {
            // a container's quota or cpuset: what "of N cores" below is out of
            out.printf(Locale.ROOT, "allowed: %s (%s)%n", CpuLimit.coresNoun(limit.allowedCores(), ""), limit.describe());
        }
        out.printf(Locale.ROOT, "calibration: %.0f M ops/s on one core (%.0f ms)%n", h.opsPerSecond() / 1e6,
                h.calibrationMs());
        for (PythonRuntime p : h.pythonsOrNone()) {
            out.printf(Locale.ROOT, "calibration: %s (%s): %.2f M loops/s on one thread (%.0f ms)%n", p.label(),
                    p.python(), p.loopsPerSecond() / 1e6, p.calibrationMs());
        }
        out.flush();
    }

    @Override
    public void snapshot(Snapshot s) {
        if (s.results().size() < phasesPrinted) phasesPrinted = 0;
        if (s.phase() != null && s.state() != RunState.FINISHED) out.println(line(s));
        for (; phasesPrinted < s.results().size(); phasesPrinted++) {
            PhaseResult r = s.results().get(phasesPrinted);
            out.printf(Locale.ROOT, "== %s [%s%s] %s: wall %.2fs, cpu %.2fs, parallelism %.2f%s%n", r.name(), r.model(),
                    PhaseResult.MODEL.equals(r.runtimeLabel()) ? "" : ", " + r.runtimeLabel(), r.status().json(), r.wallS(), r.cpuS(), r.parallelism(),
                    r.reason() == null ? "" : " (" + r.reason() + ")");
            if (r.disturbed()) {
                out.printf(Locale.ROOT, "   warning: other programs took %.1f cores while this phase ran: its figures are"
                        + " disturbed (run on an idle machine)%n", r.otherCpu());
            }
        }
        if (s.state() == RunState.FINISHED && !tablePrinted) {
            tablePrinted = true;
            out.println();
            out.print(table(s.results(), figures));
        }
        out.flush();
    }

    /** One sample as a line: time, phase, cores in use, parallelism, tasks, per-core %. */
    static String line(Snapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%7.2fs  %d/%d %-22s %-13s cores %5.2f/%d  par %4.2f  tasks %d/%d  |",
                s.t(), s.phaseIndex() + 1, s.phaseCount(), clip(s.phase().name(), 22), s.phase().model(),
                s.coresBusy(), s.cores().size(), s.parallelism(), s.tasksDone(), s.tasksTotal()));
        List<CoreSample> cores = s.cores();
        if (cores.size() <= MAX_CORES_LISTED) {
            for (CoreSample c : cores) b.append(String.format(Locale.ROOT, " %3.0f", c.busy() * 100));
        } else {
            double min = 1, max = 0, sum = 0;
            for (CoreSample c : cores) {
                min = Math.min(min, c.busy());
                max = Math.max(max, c.busy());
                sum += c.busy();
            }
            b.append(String.format(Locale.ROOT, " min %3.0f mean %3.0f max %3.0f %%", min * 100,
                    sum / cores.size() * 100, max * 100));
        }
        return b.toString();
    }

    /** The results table with the speed-up: one row per phase. */
    public static String table(List<PhaseResult> results) {
        return table(results, List.of("speedup"));
    }

    /** The results table: one row per phase, with the figures the scenario is about. */
    public static String table(List<PhaseResult> results, List<String> figures) {
        List<PhaseFigures.Column> columns = PhaseFigures.columns(figures, results);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-26s %-13s %-15s %8s %8s %11s", "phase", "model", "runtime", "wall s",
                "cpu s", "parallelism"));
        for (PhaseFigures.Column c : columns) b.append(' ').append(pad(c.header(), c.width()));
        b.append(String.format(Locale.ROOT, " %7s %7s  %s%n", "tasks", "others", "status"));
        for (int i = 0; i < results.size(); i++) {
            PhaseResult r = results.get(i);
            b.append(String.format(Locale.ROOT, "%-26s %-13s %-15s %8.2f %8.2f %11.2f", clip(r.name(), 26), r.model(),
                    clip(r.runtimeLabel(), 15), r.wallS(), r.cpuS(), r.parallelism()));
            for (PhaseFigures.Column c : columns) b.append(' ').append(pad(c.cell(i), c.width()));
            // others: cores other programs took meanwhile; "!" where that disturbed the phase
            String others = r.otherCpu() == null ? "-"
                    : String.format(Locale.ROOT, "%.1f%s", r.otherCpu(), r.disturbed() ? "!" : "");
            b.append(String.format(Locale.ROOT, " %7s %7s  %s%n", r.tasksDone() + "/" + r.tasksTotal(), others,
                    r.status().json() + (r.reason() == null || r.status() == PhaseStatus.OK ? "" : ": " + r.reason())));
        }
        if (results.stream().anyMatch(PhaseResult::disturbed)) {
            b.append("! disturbed: other programs took CPU these phases could have had; rerun on an idle machine\n");
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
