package dev.partop.work;

import dev.partop.scenario.IoSpec;

/**
 * How the steps of a task run under a particular model: a GIL model runs {@code cpu} under
 * its lock and releases it around {@code io}; free threads run them directly.
 */
public interface TaskEnv {

    void cpu(TaskPlan task, long ops);

    void memory(TaskPlan task, long bytes);

    void io(TaskPlan task, IoSpec io);

    /** The lane's thread is ending (finished or cancelled): let go of anything it holds. */
    default void finish() {
    }

    /** Runs every round of {@code task} through {@code env}. */
    static void runTask(TaskPlan task, TaskEnv env) {
        for (int r = 0; r < task.rounds(); r++) {
            if (task.opsPerRound() > 0) env.cpu(task, task.opsPerRound());
            if (task.memoryBytes() > 0) env.memory(task, task.memoryBytes());
            if (task.io() != null) env.io(task, task.io());
        }
    }
}
