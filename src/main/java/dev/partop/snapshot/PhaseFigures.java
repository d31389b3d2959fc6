package dev.partop.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures a scenario's results are about ({@link RunHeader#figures()}), as columns any
 * consumer prints the same way: the dashboard, the headless table and the reports.
 * <ul>
 * <li>{@code speedup}: baseline wall / this wall</li>
 * <li>{@code latency}: round-trip (blocking I/O) latency, mean and p95, in ms</li>
 * <li>{@code cost}: this wall / the wall of the last free-threads phase up to this one: what
 *     processes cost beside threads doing the same work</li>
 * <li>{@code switches}: lock hand-overs per second</li>
 * <li>{@code futile}: waiter wake-ups that found the lock taken again</li>
 * </ul>
 * A phase without the figure (no I/O, no lock, no threads phase before it) shows "-".
 */
public final class PhaseFigures {

    private PhaseFigures() {
    }

    /**
     * One column.
     *
     * @param header  a short title ("rt p95")
     * @param width   characters the dashboard gives it
     * @param values  one value per phase, null where the phase has none
     * @param format  how a value is printed ({@code %.2fx})
     * @param lowerIsBetter for the bar's colour: a latency or a cost is better small
     */
    public record Column(String header, int width, List<Double> values, String format, boolean lowerIsBetter) {

        public String cell(int i) {
            Double v = values.get(i);
            return v == null ? "-" : String.format(Locale.ROOT, format, v);
        }
    }

    public static List<Column> columns(List<String> figures, List<PhaseResult> results) {
        List<Column> out = new ArrayList<>();
        for (String f : figures) {
            switch (f) {
                case "speedup" -> out.add(new Column("speed-up", 8, map(results, PhaseResult::speedup), "%.2fx", false));
                case "latency" -> {
                    out.add(new Column("rt mean", 9, map(results, r -> io(r) == null ? null : io(r).latencyMsMean()),
                            "%.2fms", true));
                    out.add(new Column("rt p95", 9, map(results, r -> io(r) == null ? null : io(r).latencyMsP95()),
                            "%.2fms", true));
                }
                case "cost" -> out.add(new Column("vs threads", 10, costs(results), "%.2fx", true));
                case "switches" -> out.add(new Column("switch/s", 8, map(results, r -> lock(r) == null ? null
                        : lock(r).switchesPerS()), "%.0f", false));
                case "futile" -> out.add(new Column("futile", 8, map(results, r -> lock(r) == null ? null
                        : (double) lock(r).futileWakeups()), "%.0f", true));
                default -> {
                    // a figure this partop does not know (a newer recording): left out
                }
            }
        }
        return out;
    }

    /** Wall against the last free-threads phase at or before each phase. */
    static List<Double> costs(List<PhaseResult> results) {
        List<Double> out = new ArrayList<>();
        Double threads = null;
        for (PhaseResult r : results) {
            if ("free-threads".equals(r.model()) && r.status() == PhaseStatus.OK) threads = r.wallS();
            out.add(threads == null || threads <= 0 || r.status() != PhaseStatus.OK ? null : r.wallS() / threads);
        }
        return out;
    }

    private static IoStats io(PhaseResult r) {
        return r.stats() == null ? null : r.stats().io();
    }

    private static LockStats lock(PhaseResult r) {
        return r.stats() == null ? null : r.stats().lock();
    }

    private static List<Double> map(List<PhaseResult> results, java.util.function.Function<PhaseResult, Double> f) {
        List<Double> out = new ArrayList<>(results.size());
        for (PhaseResult r : results) out.add(f.apply(r));
        return out;
    }
}
