package dev.partop.model;

import dev.partop.model.lock.CriticalSection;
import dev.partop.scenario.IoSpec;
import dev.partop.work.CpuKernel;
import dev.partop.work.EvalBreaker;
import dev.partop.work.TaskEnv;
import dev.partop.work.TaskPlan;

/**
 * Free threads whose CPU work is partly serial: each round a task does its parallel part,
 * then its {@code critical-section} fraction under one shared lock, like computing a result
 * and then merging it into shared state. Threads that start together finish their parallel
 * parts together and then queue for the lock, which is Amdahl's law: with half the work
 * serial, two threads are at best 1.33 times as fast as one.
 */
final class CriticalSectionEnv implements LaneEnvFactory {

    private final CriticalSection section;
    private final DirectEnv direct;

    CriticalSectionEnv(CriticalSection section, DirectEnv direct) {
        this.section = section;
        this.direct = direct;
    }

    @Override
    public TaskEnv forLane(Lane lane, EvalBreaker cancel) {
        TaskEnv plain = direct.forLane(lane, cancel);
        return new TaskEnv() {
            @Override
            public void cpu(TaskPlan task, long ops) {
                long serial = Math.round(ops * task.criticalSection());
                if (ops - serial > 0) plain.cpu(task, ops - serial);
                if (serial > 0) {
                    section.enter(lane);
                    try {
                        CpuKernel.consume(CpuKernel.run(serial, task.id(), cancel));
                    } finally {
                        section.exit(lane);
                    }
                }
            }

            @Override
            public void memory(TaskPlan task, long bytes) {
                plain.memory(task, bytes);
            }

            @Override
            public void io(TaskPlan task, IoSpec io) {
                plain.io(task, io);
            }
        };
    }
}
