package dev.partop.model;


import dev.partop.scenario.IoKind;
import dev.partop.scenario.IoSpec;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Workload;
import dev.partop.snapshot.LoopStats;
import dev.partop.work.Calibration;
import dev.partop.work.TaskPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The event loop on a real thread with real sleeps and real loopback sockets. */
class EventLoopModelTest {

    private static final Calibration CAL = Calibration.measure(Duration.ofMillis(100));

    private static EventLoopModel model(Workload... w) {
        Phase p = Phase.builder().name("p").model(ModelKind.EVENT_LOOP).workloads(List.of(w)).build();
        return new EventLoopModel(new PhaseContext(p, TaskPlans.of(p, CAL), CAL, System.nanoTime()));
    }

    @ParameterizedTest
    @EnumSource(IoKind.class)
    void waitsOverlapOnOneThread(IoKind kind) throws Exception {
        EventLoopModel m = model(Workload.builder().tasks(20).io(new IoSpec(kind, Duration.ofMillis(10))).rounds(5)
                .build());
        long t0 = System.nanoTime();
        m.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        double sequential = 20 * 5 * 0.010;
        assertThat(wall).isLessThan(sequential * 0.5);
        // one thread: never more than one core
        double cpu = m.lanes().stream().mapToLong(Lane::cpuNanos).sum() / 1e9;
        assertThat(cpu).isLessThanOrEqualTo(wall * 1.05 + 0.01);
        assertThat(m.lanes().stream().mapToLong(Lane::tasksDone).sum()).isEqualTo(20);
        assertThat(m.stats(wall).io().ops()).isEqualTo(100);
    }

    @Test
    void aCpuTaskStallsTheLoop() throws Exception {
        EventLoopModel m = model(Workload.builder().tasks(10).io(new IoSpec(IoKind.SLEEP, Duration.ofMillis(5)))
                .rounds(4).build(),
                Workload.builder().cpu(Duration.ofMillis(300)).build());
        m.run();
        LoopStats loop = m.stats(1).loop();
        double cpuTaskMs = m.lanes().get(0).cpuNanos() / 1e6;
        // some ready task waited for most of the CPU task's run
        assertThat(loop.lagMsMax()).isGreaterThan(cpuTaskMs * 0.5);
        assertThat(loop.iterations()).isPositive();
    }
}
