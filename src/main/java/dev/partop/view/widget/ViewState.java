package dev.partop.view.widget;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.ObservedGil;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the screen shows, built from the Snapshots in order: the latest one, and the recent
 * history a graph or a lane timeline needs (one entry per tick, newest last). Only the render
 * thread touches it.
 */
public final class ViewState {

    /** Ticks kept: enough for the widest terminal. */
    public static final int HISTORY = 400;

    private RunHeader header;
    private Snapshot latest;
    private final Deque<double[]> coreHistory = new ArrayDeque<>();
    private final Map<Integer, Deque<LaneTick>> laneHistory = new HashMap<>();
    private int lanePhase = Integer.MIN_VALUE;
    private long lastSeq = -1;
    private int holder = -1;
    /** Columns ever pushed, per history: where a sweep graph's newest column goes. */
    private long coreTicks;
    private final Map<Integer, Long> laneTicks = new HashMap<>();

    public void header(RunHeader h) {
        header = h;
    }

    public RunHeader header() {
        return header;
    }

    private volatile String title = "";

    /** The scenario's name before the header arrives. */
    public void title(String t) {
        title = t;
    }

    public String title() {
        return header != null ? header.scenarioName() : title;
    }

    public Snapshot latest() {
        return latest;
    }

    /** Takes the next Snapshot: a new column in every history. */
    public void accept(Snapshot s, Symbols sym) {
        if (s.seq() <= lastSeq && lastSeq - s.seq() < 2) return;
        lastSeq = s.seq();
        latest = s;
        List<CoreSample> cores = s.cores();
        double[] col = new double[cores.size()];
        for (int i = 0; i < col.length; i++) col[i] = cores.get(i).busy();
        push(coreHistory, col);
        coreTicks++;
        if (s.phaseIndex() != lanePhase) {
            laneHistory.clear();
            laneTicks.clear();
            lanePhase = s.phaseIndex();
        }
        if (!s.holders().isEmpty()) holder = s.holders().get(s.holders().size() - 1).lane();
        else if (s.phase() != null && s.stats().gils() != null) holder = realHolder(s);
        else if (s.phase() == null || s.stats().lock() == null) holder = -1;
        for (LaneSample l : s.lanes()) {
            push(laneHistory.computeIfAbsent(l.id(), k -> new ArrayDeque<>()), LaneTick.of(l, sym));
            laneTicks.merge(l.id(), 1L, Long::sum);
        }
    }

    /** A real program's GIL holder (the first CPython process's), read from its memory; -1 when none. */
    private static int realHolder(Snapshot s) {
        for (ObservedGil g : s.stats().gils()) if (g.readable() && g.locked()) return g.holderLane();
        return -1;
    }

    private static <T> void push(Deque<T> q, T v) {
        q.addLast(v);
        while (q.size() > HISTORY) q.removeFirst();
    }

    /** The lane that held a lock last, -1 when none. */
    public int holder() {
        return holder;
    }

    /** How many columns the core history has had in all (not only those kept). */
    public long coreTicks() {
        return coreTicks;
    }

    public long laneTicks(int lane) {
        return laneTicks.getOrDefault(lane, 0L);
    }

    /**
     * Column of the {@code i}-th of {@code kept} newest entries (oldest first) in a sweep graph
     * of {@code width} columns that has had {@code total} entries: each entry keeps its column
     * and the newest overwrites the oldest, so a frame changes two cells per row, not all.
     */
    static int sweepColumn(long total, int kept, int i, int width) {
        long absolute = total - kept + i;
        return (int) Math.floorMod(absolute, (long) width);
    }

    public Deque<double[]> coreHistory() {
        return coreHistory;
    }

    public Deque<LaneTick> laneHistory(int lane) {
        return laneHistory.getOrDefault(lane, new ArrayDeque<>());
    }
}
