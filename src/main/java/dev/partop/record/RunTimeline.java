package dev.partop.record;

import dev.partop.sink.SnapshotSink;
import dev.partop.snapshot.HolderSpan;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LockStats;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run reduced to what its pictures draw, from Snapshots only: the machine's busy cores per
 * sample, the phases as bands in time, lock hand-overs per second, who held the lock when (for
 * the first {@link #LANES} lanes of each phase) and the final results. It is a sink, so a
 * picture written at the end of a live run and one made later from its recording are built by
 * the same code from the same Snapshots. A restarted run keeps only its last pass.
 */
public final class RunTimeline implements SnapshotSink {

    /** Lanes whose lock holds are kept: enough to see the lock pass, few enough to read. */
    public static final int LANES = 4;
    /** Holds kept at most (a legacy-policy lock can change hands thousands of times a second). */
    static final int MAX_HOLDS = 200_000;

    /**
     * One sample.
     *
     * @param t          end of the sample, seconds since the run started
     * @param busy       the machine's busy cores (all processes), observed per CPU
     * @param phaseCores the phase's lanes' CPU time over the sample, in cores
     * @param phase      phase index, -1 outside a phase
     * @param handovers  lock hand-overs per second over the sample; NaN where the phase has no lock
     */
    public record Point(double t, double busy, double phaseCores, int phase, double handovers) {
    }

    /** A phase's stretch of the time axis. */
    public record Band(int index, String name, String model, double start, double end) {
    }

    /** Lane {@code lane} (0-based) held a lock from {@code start} to {@code end}, seconds since the run started. */
    public record Hold(int phase, int lane, double start, double end) {
    }

    private RunHeader header;
    private final List<Point> points = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final Map<Integer, Map<Double, Hold>> holds = new HashMap<>(); // per lane, by start: spans repeat while open
    private final Map<Integer, String> laneNames = new TreeMap<>();
    private int holdCount;
    private long holdsDropped;
    private List<PhaseResult> results = List.of();
    private LockStats lastLock;
    private int lastPhase = -1;
    private double lastElapsed;
    private double start = Double.NaN;

    /** The timeline of a recording. */
    public static RunTimeline of(Recording r) {
        RunTimeline t = new RunTimeline();
        t.header(r.header());
        for (Snapshot s : r.snapshots()) t.snapshot(s);
        return t;
    }

    @Override
    public synchronized void header(RunHeader h) {
        this.header = h;
    }

    @Override
    public synchronized void snapshot(Snapshot s) {
        // a phase earlier than the last, or the same phase's clock back at the start: 'r' was pressed
        if (s.phaseIndex() >= 0 && (s.phaseIndex() < lastPhase
                || s.phaseIndex() == lastPhase && s.phaseElapsed() + s.tick() < lastElapsed)) {
            restarted();
        }
        if (Double.isNaN(start)) start = s.t() - s.tick();
        results = s.results();
        int phase = s.state() == RunState.RUNNING || s.state() == RunState.PREPARING ? s.phaseIndex() : -1;
        if (phase >= 0) {
            Band last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
            if (last == null || last.index() != phase) {
                bands.add(new Band(phase, s.phase().name(), s.phase().model(), s.t() - s.tick(), s.t()));
                lastLock = null;
            } else {
                bands.set(bands.size() - 1, new Band(phase, last.name(), last.model(), last.start(), s.t()));
            }
            lastPhase = phase;
            lastElapsed = s.phaseElapsed();
        }
        double phaseCores = 0;
        for (LaneSample l : s.lanes()) {
            phaseCores += l.cpu();
            if (l.id() < LANES) laneNames.putIfAbsent(l.id(), l.name());
        }
        LockStats lock = s.stats() == null ? null : s.stats().lock();
        double handovers = Double.NaN;
        if (phase >= 0 && lock != null && s.tick() > 0) {
            long before = lastLock == null || lastLock.switches() > lock.switches() ? 0 : lastLock.switches();
            handovers = (lock.switches() - before) / s.tick();
            lastLock = lock;
        }
        points.add(new Point(s.t(), s.coresBusy(), phaseCores, phase, handovers));
        for (HolderSpan h : s.holders()) {
            if (h.lane() >= LANES || phase < 0) continue;
            Map<Double, Hold> lane = holds.computeIfAbsent(h.lane(), k -> new HashMap<>());
            Hold old = lane.get(h.start());
            if (old == null && holdCount >= MAX_HOLDS) {
                holdsDropped++;
                continue;
            }
            if (old == null) holdCount++;
            if (old == null || old.end() < h.end()) lane.put(h.start(), new Hold(phase, h.lane(), h.start(), h.end()));
        }
    }

    /** {@code r} on the dashboard ran the scenario again: the picture shows the last pass. */
    private void restarted() {
        points.clear();
        bands.clear();
        holds.clear();
        holdCount = 0;
        holdsDropped = 0;
        lastLock = null;
        start = Double.NaN;
    }

    public synchronized RunHeader header() {
        return header;
    }

    public synchronized List<Point> points() {
        return List.copyOf(points);
    }

    public synchronized List<Band> bands() {
        return List.copyOf(bands);
    }

    /** The final results, as the last Snapshot had them: the same the results table prints. */
    public synchronized List<PhaseResult> results() {
        return results;
    }

    /** Every kept hold, by start time. */
    public synchronized List<Hold> holds() {
        List<Hold> all = new ArrayList<>(holdCount);
        for (Map<Double, Hold> lane : holds.values()) all.addAll(lane.values());
        all.sort(Comparator.comparingDouble(Hold::start));
        return all;
    }

    /** Names of the lanes whose holds are kept, by lane number ({@code T1}...). */
    public synchronized Map<Integer, String> laneNames() {
        return Map.copyOf(laneNames);
    }

    /** Holds not kept because there were more than {@link #MAX_HOLDS}: the picture says so. */
    public synchronized long holdsDropped() {
        return holdsDropped;
    }

    /** When the first sample began, seconds since the run started. */
    public synchronized double start() {
        return Double.isNaN(start) ? 0 : start;
    }

    public synchronized double end() {
        return points.isEmpty() ? start() : points.get(points.size() - 1).t();
    }

    /**
     * A short stretch of a phase that used a lock, for the holder strip: {@code seconds} long,
     * in the middle of the first such phase (the lock passing as it did most of the time, not
     * the start-up); null when no phase used a lock.
     */
    public synchronized double[] holderWindow(double seconds) {
        if (holdCount == 0) return null;
        double first = holds().get(0).start();
        for (Band b : bands) {
            if (b.end() < first) continue;
            double mid = (Math.max(b.start(), first) + b.end()) / 2;
            double from = Math.max(b.start(), mid - seconds / 2);
            return new double[] {from, Math.min(b.end(), from + seconds)};
        }
        return null;
    }
}
