package dev.partop.record;

import dev.partop.snapshot.Machine;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseFigures;
import dev.partop.snapshot.RunHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of a run as a table to paste into slides: Markdown or CSV, each phase's model,
 * wall, CPU, parallelism, speed-up and its key counters, and the machine it ran on. The
 * numbers are those of the JSON {@code summary}, rounded for reading.
 */
public final class ResultsTable {

    private ResultsTable() {
    }

    public static String markdown(RunHeader h, List<PhaseResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(h.scenarioName()).append("** on ").append(machine(h.machine())).append("\n\n");
        // the figures the scenario is about (speed-up unless it says), in place of the speed-up
        List<PhaseFigures.Column> columns = PhaseFigures.columns(h.figures(), results);
        b.append("| phase | model | runtime | settings | wall s | CPU s | parallelism |");
        for (PhaseFigures.Column c : columns) b.append(' ').append(c.header()).append(" |");
        b.append(" counters | status |\n");
        b.append("| --- | --- | --- | --- | ---: | ---: | ---: |").append(" ---: |".repeat(columns.size()))
                .append(" --- | --- |\n");
        for (int i = 0; i < results.size(); i++) {
            PhaseResult r = results.get(i);
            b.append("| ").append(md(r.name())).append(" | ").append(r.model()).append(" | ").append(md(r.runtimeLabel()))
                    .append(" | ").append(md(r.settings()))
                    .append(" | ").append(f("%.2f", r.wallS())).append(" | ").append(f("%.2f", r.cpuS()))
                    .append(" | ").append(f("%.2f", r.parallelism())).append(" |");
            for (PhaseFigures.Column c : columns) b.append(' ').append(c.cell(i)).append(" |");
            b.append(' ').append(md(counters(r.stats()))).append(" | ").append(status(r))
                    .append(r.disturbed() ? ", " + r.disturbedNote() : "").append(" |\n");
        }
        if (results.stream().anyMatch(PhaseResult::disturbed)) {
            b.append("\nOther programs were busy during the phases marked disturbed: their figures are not the"
                    + " machine's; rerun on an idle machine.\n");
        }
        return b.toString();
    }

    public static String csv(RunHeader h, List<PhaseResult> results) {
        // the columns so far stay where they were; the scenario's other figures follow
        List<PhaseFigures.Column> columns = PhaseFigures.columns(
                h.figures().stream().filter(x -> !x.equals("speedup")).toList(), results);
        StringBuilder b = new StringBuilder(
                "scenario,machine,phase,model,settings,wall_s,cpu_s,parallelism,speedup,tasks_done,tasks_total,status,counters,runtime,other_cpu,disturbed");
        for (PhaseFigures.Column c : columns) b.append(',').append(csvName(c.header()));
        b.append('\n');
        for (int i = 0; i < results.size(); i++) {
            PhaseResult r = results.get(i);
            b.append(String.join(",", csv(h.scenarioName()), csv(machine(h.machine())), csv(r.name()), csv(r.model()),
                    csv(r.settings()), f("%.4f", r.wallS()), f("%.4f", r.cpuS()), f("%.4f", r.parallelism()),
                    r.speedup() == null ? "" : f("%.4f", r.speedup()), String.valueOf(r.tasksDone()),
                    String.valueOf(r.tasksTotal()), r.status().json(), csv(counters(r.stats())), csv(r.runtimeLabel()),
                    r.otherCpu() == null ? "" : f("%.4f", r.otherCpu()), String.valueOf(r.disturbed())));
            for (PhaseFigures.Column c : columns) {
                Double v = c.values().get(i);
                b.append(',').append(v == null ? "" : f("%.4f", v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String machine(Machine m) {
        return f("%s, %d CPUs (%d cores, %d package%s)", m.cpuModel(), m.logical(), m.physical(), m.packages(),
                m.packages() == 1 ? "" : "s");
    }

    /** The counters that tell the phase's story, in words. */
    static String counters(ModelStats s) {
        if (s == null) return "";
        List<String> out = new ArrayList<>();
        if (s.lock() != null) {
            var l = s.lock();
            out.add(f("%.0f switches/s", l.switchesPerS()));
            if (l.acquisitions() > 0) out.add(f("%.0f%% contended", 100.0 * l.contended() / l.acquisitions()));
            if (l.futileWakeups() > 0) out.add(l.futileWakeups() + " futile wake-ups");
        }
        if (s.io() != null) out.add(f("I/O p95 %.2f ms", s.io().latencyMsP95()));
        if (s.processes() != null) {
            out.add(f("start-up %.0f ms", s.processes().startupMsMean()));
            out.add(f("IPC %.1f MiB", s.processes().ipcBytes() / 1048576.0));
        }
        if (s.loop() != null) out.add(f("loop lag max %.1f ms", s.loop().lagMsMax()));
        if (s.gils() != null) {
            for (var g : s.gils()) {
                out.add(g.readable() ? f("GIL %d: %d hand-overs, %.1fs waited", g.pid(), g.switches(), g.waitS())
                        : f("GIL %d not readable", g.pid()));
            }
        }
        return String.join(", ", out);
    }

    /** "rt p95" as a CSV column name: rt_p95_ms; "vs threads": cost_vs_threads. */
    private static String csvName(String header) {
        return switch (header) {
            case "rt mean" -> "rt_mean_ms";
            case "rt p95" -> "rt_p95_ms";
            case "vs threads" -> "cost_vs_threads";
            case "switch/s" -> "switches_per_s";
            case "futile" -> "futile_wakeups";
            default -> header.replace(' ', '_');
        };
    }

    /** The speed-up as every report prints it (the pictures label their bars with this). */
    static String speedup(PhaseResult r) {
        return r.speedup() == null ? "-" : f("%.2fx", r.speedup());
    }

    private static String status(PhaseResult r) {
        return r.reason() == null ? r.status().json() : r.status().json() + ": " + md(r.reason());
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }

    private static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String f(String p, Object... a) {
        return String.format(Locale.ROOT, p, a);
    }
}
