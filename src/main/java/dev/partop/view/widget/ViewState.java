package dev.partop.view.widget;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.ObservedGil;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
    private String lanePhaseName = "";
    private final List<Integer> laneOrder = new ArrayList<>();
    private final Map<Integer, String> laneNames = new HashMap<>();
    private final RunTimeline timeline = new RunTimeline();
    private final List<PhaseLanes> excerpts = new ArrayList<>();
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

    /** What the results show: the scenario's figures, speed-up until the header says. */
    public List<String> figures() {
        return header == null ? List.of("speedup") : header.figures();
    }

    private volatile String title = "";

    private volatile String description = "";

    /** The scenario's description before the header arrives (it is shown while calibrating). */
    public void description(String d) {
        description = d == null ? "" : d;
    }

    public String description() {
        return header != null && !header.description().isEmpty() ? header.description() : description;
    }

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
        if (restarted(latest, s)) {
            timeline.clear();
            excerpts.clear();
            laneHistory.clear(); // an aborted phase is not frozen into the new run
        }
        latest = s;
        timeline.accept(s);
        List<CoreSample> cores = s.cores();
        double[] col = new double[cores.size()];
        for (int i = 0; i < col.length; i++) col[i] = cores.get(i).busy();
        push(coreHistory, col);
        coreTicks++;
        if (s.phaseIndex() != lanePhase) {
            freeze();
            laneHistory.clear();
            laneTicks.clear();
            laneNames.clear();
            laneOrder.clear();
            lanePhase = s.phaseIndex();
        }
        if (!s.holders().isEmpty()) holder = s.holders().get(s.holders().size() - 1).lane();
        else if (s.phase() != null && s.stats().gils() != null) holder = realHolder(s);
        else if (s.phase() == null || s.stats().lock() == null) holder = -1;
        if (s.phase() != null) lanePhaseName = s.phase().name();
        if (laneOrder.size() != s.lanes().size()) laneOrder.clear();
        for (LaneSample l : s.lanes()) {
            if (laneOrder.size() < s.lanes().size()) laneOrder.add(l.id());
            laneNames.put(l.id(), l.name());
            push(laneHistory.computeIfAbsent(l.id(), k -> new ArrayDeque<>()), LaneTick.of(l, sym));
            laneTicks.merge(l.id(), 1L, Long::sum);
        }
    }

    /** A new run began: a phase earlier than the one before, or a phase after the finish (the r key). */
    private static boolean restarted(Snapshot before, Snapshot now) {
        if (before == null || now.phaseIndex() < 0) return false;
        if (before.state() == RunState.FINISHED) return true;
        return now.phaseIndex() < before.phaseIndex();
    }

    /** Keeps the lanes of the phase that just ended, in order, for the final screen. */
    private void freeze() {
        if (lanePhase < 0 || laneHistory.isEmpty()) return;
        PhaseLanes done = new PhaseLanes(lanePhase, lanePhaseName, new ArrayList<>());
        for (int id : laneOrder) {
            Deque<LaneTick> h = laneHistory.get(id);
            if (h == null) continue;
            done.lanes().add(new FrozenLane(laneNames.getOrDefault(id, "?"), List.copyOf(h)));
        }
        excerpts.removeIf(e -> e.phase() == lanePhase);
        excerpts.add(done);
    }

    /** One lane of a finished phase: its name and what it did each tick, oldest first. */
    record FrozenLane(String name, List<LaneTick> ticks) {
    }

    /** The lanes of a finished phase, as they were at its end. */
    record PhaseLanes(int phase, String name, List<FrozenLane> lanes) {
    }

    /** The whole run: busy cores per tick and the phases. */
    public RunTimeline timeline() {
        return timeline;
    }

    /** The lanes of every phase that ended, oldest first. */
    List<PhaseLanes> excerpts() {
        return excerpts;
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
