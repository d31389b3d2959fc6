package dev.partop.work;

import dev.partop.scenario.Phase;
import dev.partop.scenario.Workload;

import java.util.ArrayList;
import java.util.List;

/** Turns a phase's workloads into tasks in operations, using the run's calibration. */
public final class TaskPlans {

    private TaskPlans() {
    }

    public static List<TaskPlan> of(Phase phase, Calibration calibration) {
        List<TaskPlan> tasks = new ArrayList<>();
        int id = 0;
        for (Workload w : phase.workloads()) {
            long ops = w.cpu() != null ? calibration.ops(w.cpu()) : w.ops();
            for (int i = 0; i < w.tasks(); i++) {
                tasks.add(new TaskPlan(id++, ops, (long) w.memoryMiB() << 20, w.io(), Math.max(1, w.rounds()),
                        w.criticalSection(), w.payload()));
            }
        }
        return tasks;
    }
}
