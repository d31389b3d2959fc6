package dev.partop.model;

import dev.partop.scenario.IoSpec;
import dev.partop.snapshot.LaneState;
import dev.partop.work.CpuKernel;
import dev.partop.work.EvalBreaker;
import dev.partop.work.IoWork;
import dev.partop.work.LatencyRecorder;
import dev.partop.work.MemoryKernel;
import dev.partop.work.TaskEnv;

/**
 * Runs a task's steps directly on the lane's thread with no lock: {@code sequential} and
 * {@code free-threads}. I/O latency goes to {@code latency} when given.
 */
public final class DirectEnv implements LaneEnvFactory {

    private final LatencyRecorder latency;

    public DirectEnv(LatencyRecorder latency) {
        this.latency = latency;
    }

    @Override
    public TaskEnv forLane(Lane lane, EvalBreaker cancel) {
        return new TaskEnv() {
            @Override
            public void cpu(dev.partop.work.TaskPlan task, long ops) {
                lane.enter(LaneState.RUNNING);
                CpuKernel.consume(CpuKernel.run(ops, task.id(), cancel));
            }

            @Override
            public void memory(dev.partop.work.TaskPlan task, long bytes) {
                lane.enter(LaneState.RUNNING);
                CpuKernel.consume(MemoryKernel.stream(bytes, cancel));
            }

            @Override
            public void io(dev.partop.work.TaskPlan task, IoSpec io) {
                lane.enter(LaneState.IO);
                long took = IoWork.perform(io);
                if (latency != null) latency.record(took);
                lane.enter(LaneState.RUNNING);
            }
        };
    }
}
