package dev.partop.model;

import dev.partop.scenario.IoSpec;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Workload;
import dev.partop.snapshot.LaneState;
import dev.partop.work.Calibration;
import dev.partop.work.EvalBreaker;
import dev.partop.work.TaskEnv;
import dev.partop.work.TaskPlan;
import dev.partop.work.TaskPlans;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool starts its threads as a Python program does: the next one only once the last has
 * begun (for a GIL, holds the lock or waits for it). The convoy demo depends on it: its CPU
 * thread must be under the lock before the I/O thread's first blocking call.
 */
class ThreadPoolStartOrderTest {

    private static final Calibration CAL = new Calibration(1_000_000, 0);

    @Test
    void aThreadStartsOnlyOnceThePreviousOneHasBegun() throws Exception {
        Phase p = Phase.builder().name("p").model(ModelKind.FREE_THREADS).threads(3)
                .workloads(List.of(Workload.builder().tasks(3).cpu(Duration.ofMillis(1)).build())).build();
        var created = new ConcurrentHashMap<Integer, Long>();
        var begun = new ConcurrentHashMap<Integer, Long>();
        LaneEnvFactory slowToBegin = new LaneEnvFactory() {
            @Override
            public TaskEnv forLane(Lane lane, EvalBreaker cancel) {
                created.put(lane.id(), System.nanoTime());
                return new TaskEnv() {
                    @Override
                    public void cpu(TaskPlan task, long ops) {
                        LockSupport.parkNanos(30_000_000); // a thread that takes a while to begin
                        begun.putIfAbsent(lane.id(), System.nanoTime());
                        lane.enter(LaneState.HOLDING);
                    }

                    @Override
                    public void memory(TaskPlan task, long bytes) {
                    }

                    @Override
                    public void io(TaskPlan task, IoSpec io) {
                    }
                };
            }

            @Override
            public boolean begun(Lane lane) {
                return lane.state() == LaneState.HOLDING || lane.state() == LaneState.DONE;
            }
        };
        new ThreadPoolModel(new PhaseContext(p, TaskPlans.of(p, CAL), CAL, System.nanoTime()), 3, slowToBegin).run();

        assertThat(created).containsOnlyKeys(0, 1, 2);
        assertThat(created.get(1)).isGreaterThanOrEqualTo(begun.get(0));
        assertThat(created.get(2)).isGreaterThanOrEqualTo(begun.get(1));
    }
}
