package dev.partop.snapshot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process's OS-thread lanes folded into one row, as partop shows a real program of many
 * threads (from {@link #FOLD_AT} on): how many, their mean and highest CPU this tick, and how
 * many are in each state at its end. Made from a snapshot's lanes by whoever shows them (the
 * dashboard's lanes, {@code --json}'s {@code groups}), so both fold alike.
 *
 * @param pid     the process
 * @param comm    its main thread's name (the first lane's when the main thread is not among them)
 * @param threads its thread lanes
 * @param cpu     their CPU this tick, summed, as a fraction of one core
 * @param meanCpu their mean CPU this tick
 * @param maxCpu  the highest of them
 * @param states  threads by their state at the end of the tick (states with none left out)
 */
public record ProcessFold(long pid, String comm, int threads, double cpu, double meanCpu, double maxCpu,
                          Map<LaneState, Integer> states) {

    /** From this many OS-thread lanes on, they are folded by process. */
    public static final int FOLD_AT = 200;

    /** Whether {@code lanes} are a real program's threads, and that many. */
    public static boolean folds(List<LaneSample> lanes) {
        return lanes.size() >= FOLD_AT && lanes.get(0).thread() != null;
    }

    /** The thread lanes by process, in the order their processes first appear; model lanes are left out. */
    public static List<ProcessFold> of(List<LaneSample> lanes) {
        Map<Long, List<LaneSample>> byPid = new LinkedHashMap<>();
        for (LaneSample l : lanes) {
            if (l.thread() != null) byPid.computeIfAbsent(l.thread().pid(), k -> new ArrayList<>()).add(l);
        }
        List<ProcessFold> out = new ArrayList<>(byPid.size());
        for (var e : byPid.entrySet()) {
            List<LaneSample> g = e.getValue();
            double sum = 0;
            double max = 0;
            String comm = g.get(0).thread().comm();
            EnumMap<LaneState, Integer> counts = new EnumMap<>(LaneState.class);
            for (LaneSample l : g) {
                sum += l.cpu();
                max = Math.max(max, l.cpu());
                counts.merge(l.state(), 1, Integer::sum);
                if (l.thread().tid() == e.getKey()) comm = l.thread().comm();
            }
            out.add(new ProcessFold(e.getKey(), comm, g.size(), sum, sum / g.size(), max, counts));
        }
        return out;
    }
}
