package dev.partop.model;

import dev.partop.probe.proc.ObservedProcess;
import dev.partop.probe.proc.ObservedThread;
import dev.partop.probe.proc.ProcessTreeObserver;
import dev.partop.probe.proc.ThreadActivity;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.ObservedGil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real program's OS threads as lanes, and its CPython processes' GILs as counters: the model
 * side of a {@link ProcessTreeObserver}. Lanes are added as the observer finds threads, in the
 * order found (a process's threads together), numbered by that order.
 */
public final class ObservedTree implements AutoCloseable {

    /** How partop samples real programs' threads ({@code command} phases, {@code watch}); its labels say so. */
    public static final ProcessTreeObserver.Options SAMPLING = ProcessTreeObserver.Options.DEFAULT;

    private final ProcessTreeObserver observer;
    private volatile List<Lane> lanes = List.of();
    private final Map<Long, Integer> laneOfTid = new HashMap<>();
    /** Per process: {switch_number, nanoTime} at the previous stats call (the sampler's previous tick). */
    private final Map<Long, long[]> previous = new HashMap<>();
    /** Per process: switch_number when this tree first read it. */
    private final Map<Long, Long> first = new HashMap<>();

    public ObservedTree(ProcessTreeObserver observer) {
        this.observer = observer;
    }

    public ProcessTreeObserver observer() {
        return observer;
    }

    /** One lane per thread found so far. */
    public synchronized List<Lane> lanes() {
        List<ObservedThread> threads = observer.threads();
        if (threads.size() != lanes.size()) {
            List<Lane> next = new ArrayList<>(lanes);
            for (int i = lanes.size(); i < threads.size(); i++) {
                ObservedThread t = threads.get(i);
                laneOfTid.put(t.tid(), i);
                next.add(new Lane(i, t));
            }
            lanes = List.copyOf(next);
        }
        return lanes;
    }

    /** The GILs of the tree's CPython processes (processes known not to be CPython are left out). */
    public synchronized ModelStats stats() {
        lanes();
        List<ObservedGil> gils = new ArrayList<>();
        long now = System.nanoTime();
        for (ObservedProcess p : observer.processes()) {
            ObservedProcess.Gil g = p.gil();
            if (g.problem() != null && g.problem().startsWith("not CPython")) continue;
            double waitS = 0;
            for (ObservedThread t : observer.threads()) if (t.pid() == p.pid()) waitS += t.nanos(ThreadActivity.GIL) / 1e9;
            if (!g.readable()) {
                if (g.problem() == null || g.problem().equals("not read yet")) continue;
                gils.add(new ObservedGil(p.pid(), g.version(), "GIL not readable: " + g.problem(), false, -1, -1, 0, 0,
                        0, 0, waitS));
                continue;
            }
            long sw = g.latest().switchNumber();
            long base = first.computeIfAbsent(p.pid(), k -> sw);
            long[] prev = previous.put(p.pid(), new long[]{sw, g.atNanos()});
            double perS = prev == null || g.atNanos() <= prev[1] ? 0 : (sw - prev[0]) / ((g.atNanos() - prev[1]) / 1e9);
            if (prev != null && g.atNanos() <= prev[1]) {
                perS = 0;
                previous.put(p.pid(), prev);
            }
            long holder = g.latest().holderTid();
            gils.add(new ObservedGil(p.pid(), g.version(), null, g.latest().locked(), holder,
                    laneOfTid.getOrDefault(holder, -1), g.latest().intervalUs(), sw - base, perS,
                    g.samples() == 0 ? 0 : (double) g.heldSamples() / g.samples(), waitS));
        }
        return new ModelStats(null, null, null, null, List.copyOf(gils));
    }

    @Override
    public void close() {
        observer.close();
    }
}
