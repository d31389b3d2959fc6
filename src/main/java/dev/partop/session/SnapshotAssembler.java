package dev.partop.session;

import dev.partop.model.ExecutionModel;
import dev.partop.model.Lane;
import dev.partop.probe.CoreSource;
import dev.partop.probe.proc.ObservedThread;
import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.HolderSpan;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.OsThread;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.SelfStats;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the producers' counters into one immutable {@link Snapshot}: per-core fractions from
 * the core source, per-lane deltas since the previous tick, the model's counters and holder
 * spans, and partop's own cost. Keeps the previous tick's readings to take differences;
 * used by one thread at a time (the sampler).
 */
final class SnapshotAssembler {

    private static final int STATES = LaneState.values().length;

    private final CoreSource cores;
    private final SelfMeter self;
    private final long originNanos;
    private final Map<Lane, long[]> previous = new IdentityHashMap<>();
    private ExecutionModel previousModel;
    private long lastNanos;
    private long seq;

    SnapshotAssembler(CoreSource cores, SelfMeter self, long originNanos) {
        this.cores = cores;
        this.self = self;
        this.originNanos = originNanos;
        this.lastNanos = originNanos;
    }

    /** Previews take sequence numbers too: a view drops a Snapshot whose number it has seen. */
    Snapshot assemble(RunState state, PhaseRun run, int phaseCount, List<PhaseResult> results, String problem) {
        long now = System.nanoTime();
        double tick = Math.max(1e-9, (now - lastNanos) / 1e9);
        lastNanos = now;
        List<CoreSample> coreSamples = cores.sample();
        SelfStats selfStats = self.sample();

        long seq = this.seq++;
        if (run == null) {
            return Snapshot.builder().seq(seq).t((now - originNanos) / 1e9).state(state).phaseCount(phaseCount)
                    .tick(tick).cores(coreSamples).self(selfStats).results(results).problem(problem).build();
        }
        ExecutionModel model = run.model();
        if (model != previousModel) {
            previous.clear();
            previousModel = model;
        }
        List<Lane> lanes = model.lanes();
        List<LaneSample> laneSamples = new ArrayList<>(lanes.size());
        long cpuTotal = 0;
        long tasksDone = 0;
        for (Lane lane : lanes) {
            long cpu = lane.cpuNanos();
            long[] byState = lane.nanosByState(now);
            long[] prev = previous.get(lane);
            if (prev == null) prev = new long[STATES + 1];
            long[] cur = new long[STATES + 1];
            System.arraycopy(byState, 0, cur, 0, STATES);
            cur[STATES] = cpu;
            previous.put(lane, cur);
            cpuTotal += cpu;
            tasksDone += lane.tasksDone();
            double tickNanos = tick * 1e9;
            laneSamples.add(lane.observed() == null ? new LaneSample(lane.id(), lane.name(), lane.state(),
                    Math.max(0, (cpu - prev[STATES]) / tickNanos),
                    frac(cur, prev, LaneState.RUNNING, tickNanos),
                    frac(cur, prev, LaneState.HOLDING, tickNanos),
                    frac(cur, prev, LaneState.WAITING, tickNanos),
                    frac(cur, prev, LaneState.IO, tickNanos),
                    clamp(frac(cur, prev, LaneState.IDLE, tickNanos) + frac(cur, prev, LaneState.STARTING, tickNanos)
                            + frac(cur, prev, LaneState.DONE, tickNanos)),
                    lane.tasksDone(), lane.lock())
                    : observedSample(lane, cur, prev, Math.max(0, (cpu - prev[STATES]) / tickNanos), tickNanos));
        }
        double elapsed = run.startNanos() == 0 ? 0 : (now - run.startNanos()) / 1e9;
        List<HolderSpan> holders = new ArrayList<>();
        model.drainHolders(originNanos, holders::add);
        ModelStats stats = run.startNanos() == 0 ? ModelStats.NONE : model.stats(elapsed);
        double cpuS = cpuTotal / 1e9;
        return Snapshot.builder().seq(seq).t((now - originNanos) / 1e9).state(state)
                .phaseIndex(run.index()).phaseCount(phaseCount).phase(run.info()).phaseElapsed(elapsed).tick(tick)
                .tasksDone(tasksDone).tasksTotal(run.tasksTotal())
                .cores(coreSamples).lanes(laneSamples).holders(holders).stats(stats == null ? ModelStats.NONE : stats)
                .phaseCpu(cpuS).parallelism(elapsed > 0 ? cpuS / elapsed : 0)
                .self(selfStats).results(results).problem(problem).build();
    }

    /** An OS thread's lane: the observer's split of the tick; idle is the part before it was found or after it ended. */
    private static LaneSample observedSample(Lane lane, long[] cur, long[] prev, double cpu, double tickNanos) {
        ObservedThread t = lane.observed();
        double running = frac(cur, prev, LaneState.RUNNING, tickNanos);
        double holding = frac(cur, prev, LaneState.HOLDING, tickNanos);
        double waiting = frac(cur, prev, LaneState.WAITING, tickNanos);
        double io = frac(cur, prev, LaneState.IO, tickNanos);
        double runnable = frac(cur, prev, LaneState.RUNNABLE, tickNanos);
        double locked = frac(cur, prev, LaneState.LOCKED, tickNanos);
        double sleeping = frac(cur, prev, LaneState.SLEEPING, tickNanos);
        double other = frac(cur, prev, LaneState.OTHER, tickNanos);
        double blocked = frac(cur, prev, LaneState.BLOCKED, tickNanos);
        double idle = clamp(1 - running - holding - waiting - io - runnable - locked - sleeping - other - blocked);
        return new LaneSample(lane.id(), lane.name(), lane.state(), cpu, running, holding, waiting, io, idle,
                lane.tasksDone(), lane.lock(), new OsThread(t.pid(), t.tid(), t.comm(), runnable, locked, sleeping,
                other, blocked, t.limits()));
    }

    private static double frac(long[] cur, long[] prev, LaneState s, double tickNanos) {
        return clamp((cur[s.ordinal()] - prev[s.ordinal()]) / tickNanos);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : Math.min(1, v);
    }
}
