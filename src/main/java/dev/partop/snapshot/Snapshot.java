package dev.partop.snapshot;

import java.util.List;

/**
 * One sampler tick: everything any consumer (dashboard, headless printer, recorder, report)
 * may show. Immutable; the one vocabulary between producers and views. A replay feeds
 * these back from a file, so nothing a view draws may come from anywhere else.
 *
 * @param format      {@link #FORMAT}; recordings with another value are rejected
 * @param seq         tick number since the run started (restarts keep counting)
 * @param t           seconds since the run started
 * @param state       what the run is doing
 * @param phaseIndex  index of the current phase in the scenario (0-based), -1 before the first
 * @param phaseCount  phases the run will execute
 * @param phase       the current phase's description, null before the first
 * @param phaseElapsed seconds of wall time of the current phase so far
 * @param tick        seconds this sample covers (per-tick fractions are over this)
 * @param tasksDone   tasks of the current phase finished so far
 * @param tasksTotal  tasks of the current phase
 * @param cores       one entry per logical CPU, busy fractions over this tick
 * @param lanes       one entry per thread / worker / task of the current phase
 * @param holders     lock-holder spans that ended or were open during this tick
 * @param stats       the current phase's model counters, cumulative since it started
 * @param phaseCpu    CPU seconds the current phase's lanes used so far
 * @param parallelism phaseCpu / phaseElapsed
 * @param self        partop's own cost
 * @param results     every phase finished so far in this run, in order
 * @param problem     what went wrong in partop itself while producing the run (a consumer that
 *                    failed), shown on screen and in {@code --json}; null when nothing did
 */
public record Snapshot(
        int format,
        long seq,
        double t,
        RunState state,
        int phaseIndex,
        int phaseCount,
        PhaseInfo phase,
        double phaseElapsed,
        double tick,
        long tasksDone,
        long tasksTotal,
        List<CoreSample> cores,
        List<LaneSample> lanes,
        List<HolderSpan> holders,
        ModelStats stats,
        double phaseCpu,
        double parallelism,
        SelfStats self,
        List<PhaseResult> results,
        String problem) {

    /** Version of this record's shape in recordings; bump on incompatible change. */
    public static final int FORMAT = 1;

    /**
     * A Snapshot to fill in by name: {@link #FORMAT}, no phase ({@code phaseIndex} -1), empty lists,
     * {@link ModelStats#NONE}, {@link SelfStats#NONE}, no problem; everything else zero, {@code state} null.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this Snapshot's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().format(format).seq(seq).t(t).state(state).phaseIndex(phaseIndex).phaseCount(phaseCount)
                .phase(phase).phaseElapsed(phaseElapsed).tick(tick).tasksDone(tasksDone).tasksTotal(tasksTotal)
                .cores(cores).lanes(lanes).holders(holders).stats(stats).phaseCpu(phaseCpu).parallelism(parallelism)
                .self(self).results(results).problem(problem);
    }

    /** Names each component of a {@link Snapshot}; see the record for what each means. */
    public static final class Builder {
        private int format = FORMAT;
        private long seq;
        private double t;
        private RunState state;
        private int phaseIndex = -1;
        private int phaseCount;
        private PhaseInfo phase;
        private double phaseElapsed;
        private double tick;
        private long tasksDone;
        private long tasksTotal;
        private List<CoreSample> cores = List.of();
        private List<LaneSample> lanes = List.of();
        private List<HolderSpan> holders = List.of();
        private ModelStats stats = ModelStats.NONE;
        private double phaseCpu;
        private double parallelism;
        private SelfStats self = SelfStats.NONE;
        private List<PhaseResult> results = List.of();
        private String problem;

        private Builder() {
        }

        public Builder format(int format) { this.format = format; return this; }
        public Builder seq(long seq) { this.seq = seq; return this; }
        public Builder t(double t) { this.t = t; return this; }
        public Builder state(RunState state) { this.state = state; return this; }
        public Builder phaseIndex(int phaseIndex) { this.phaseIndex = phaseIndex; return this; }
        public Builder phaseCount(int phaseCount) { this.phaseCount = phaseCount; return this; }
        public Builder phase(PhaseInfo phase) { this.phase = phase; return this; }
        public Builder phaseElapsed(double phaseElapsed) { this.phaseElapsed = phaseElapsed; return this; }
        public Builder tick(double tick) { this.tick = tick; return this; }
        public Builder tasksDone(long tasksDone) { this.tasksDone = tasksDone; return this; }
        public Builder tasksTotal(long tasksTotal) { this.tasksTotal = tasksTotal; return this; }
        public Builder cores(List<CoreSample> cores) { this.cores = cores; return this; }
        public Builder lanes(List<LaneSample> lanes) { this.lanes = lanes; return this; }
        public Builder holders(List<HolderSpan> holders) { this.holders = holders; return this; }
        public Builder stats(ModelStats stats) { this.stats = stats; return this; }
        public Builder phaseCpu(double phaseCpu) { this.phaseCpu = phaseCpu; return this; }
        public Builder parallelism(double parallelism) { this.parallelism = parallelism; return this; }
        public Builder self(SelfStats self) { this.self = self; return this; }
        public Builder results(List<PhaseResult> results) { this.results = results; return this; }
        public Builder problem(String problem) { this.problem = problem; return this; }

        public Snapshot build() {
            return new Snapshot(format, seq, t, state, phaseIndex, phaseCount, phase, phaseElapsed, tick, tasksDone,
                    tasksTotal, cores, lanes, holders, stats, phaseCpu, parallelism, self, results, problem);
        }
    }

    /** Total busy fraction summed over all cores, in cores (2 cores fully busy = 2.0). */
    public double coresBusy() {
        double sum = 0;
        for (CoreSample c : cores) sum += c.busy();
        return sum;
    }
}
