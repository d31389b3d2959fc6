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

    /** Total busy fraction summed over all cores, in cores (2 cores fully busy = 2.0). */
    public double coresBusy() {
        double sum = 0;
        for (CoreSample c : cores) sum += c.busy();
        return sum;
    }
}
