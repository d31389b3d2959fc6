package dev.partop.model;


import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Workload;
import dev.partop.snapshot.LockStats;
import dev.partop.work.Calibration;
import dev.partop.work.TaskPlans;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreeThreadsModelTest {

    private static final Calibration CAL = Calibration.measure(Duration.ofMillis(100));

    @Test
    void criticalSectionsAreCountedAndSerialised() throws Exception {
        Workload w = Workload.builder().tasks(4).cpu(Duration.ofMillis(100)).rounds(2).criticalSection(0.5).build();
        Phase p = Phase.builder().name("p").model(ModelKind.FREE_THREADS).threads(4).workloads(List.of(w)).build();
        ExecutionModel m = FreeThreadsModel.create(new PhaseContext(p, TaskPlans.of(p, CAL), CAL, System.nanoTime()));
        long t0 = System.nanoTime();
        m.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        LockStats s = m.stats(wall).lock();
        // 4 tasks x 2 rounds, one critical section each
        assertThat(s.acquisitions()).isEqualTo(8);
        assertThat(s.contended()).isLessThanOrEqualTo(s.acquisitions());
        assertThat(m.lanes()).allSatisfy(l -> assertThat(l.tasksDone()).isEqualTo(1));
        // the serial half can never run faster than one core: held time <= wall
        assertThat(s.heldFraction()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void noCriticalSectionMeansNoLockStats() throws Exception {
        Workload w = Workload.builder().tasks(2).cpu(Duration.ofMillis(20)).build();
        Phase p = Phase.builder().name("p").model(ModelKind.FREE_THREADS).threads(2).workloads(List.of(w)).build();
        ExecutionModel m = FreeThreadsModel.create(new PhaseContext(p, TaskPlans.of(p, CAL), CAL, System.nanoTime()));
        m.run();
        assertThat(m.stats(1).lock()).isNull();
    }
}
