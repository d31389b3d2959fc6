package dev.partop.model;

import dev.partop.scenario.PoolStart;

import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Workload;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ProcessStats;
import dev.partop.work.Calibration;
import dev.partop.work.TaskPlans;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real worker processes (child JVMs on this test's class path). */
class ProcessesModelTest {

    private static final Calibration CAL = Calibration.measure(Duration.ofMillis(100));

    private static ProcessesModel model(int workers, PoolStart start, Workload w) {
        Phase p = Phase.builder().name("p").model(ModelKind.PROCESSES).workers(workers).start(start)
                .workloads(List.of(w)).build();
        return new ProcessesModel(new PhaseContext(p, TaskPlans.of(p, CAL), CAL, System.nanoTime()));
    }

    @Test
    void tasksAndPayloadsGoThereAndBack() throws Exception {
        ProcessesModel m = model(2, PoolStart.WARM, Workload.builder().tasks(4).cpu(Duration.ofMillis(20))
                .payload(100_000).build());
        try {
            m.prepare();
            m.run();
            ProcessStats s = m.stats(1).processes();
            assertThat(m.lanes().stream().mapToLong(Lane::tasksDone).sum()).isEqualTo(4);
            assertThat(s.workers()).isEqualTo(2);
            // every payload crossed twice, plus frame headers
            assertThat(s.ipcBytes()).isGreaterThanOrEqualTo(4L * 2 * 100_000);
            assertThat(s.ipcMessages()).isGreaterThanOrEqualTo(2 + 4 * 2);
            assertThat(s.startupMsMean()).isPositive();
            assertThat(m.lanes()).allSatisfy(l -> assertThat(l.cpuNanos()).isPositive());
        } finally {
            m.close();
        }
        assertThat(m.lanes()).allSatisfy(l -> assertThat(l.state()).isEqualTo(LaneState.DONE));
        for (long pid : m.pids()) assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aWorkerKilledFromOutsideFailsThePhaseWithAReason() throws Exception {
        ProcessesModel m = model(2, PoolStart.WARM, Workload.builder().tasks(2).cpu(Duration.ofSeconds(30)).build());
        try {
            m.prepare();
            long victim = m.pids().get(1);
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    return;
                }
                ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
            });
            killer.start();
            long t0 = System.nanoTime();
            assertThatThrownBy(m::run).hasMessageContaining("worker 2").hasMessageContaining("pid " + victim)
                    .hasMessageContaining("exited with code");
            // the other worker was stopped too: run() did not wait for its 30 s task
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
        } finally {
            m.close();
        }
        for (long pid : m.pids()) {
            ProcessHandle.of(pid).ifPresent(h -> {
                try {
                    h.onExit().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("worker " + pid + " still alive");
                }
            });
        }
    }
}
