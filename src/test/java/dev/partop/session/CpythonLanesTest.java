package dev.partop.session;

import dev.partop.probe.OshiCoreSource;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.RuntimeKind;
import dev.partop.scenario.Scenario;
import dev.partop.sink.SnapshotSink;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.ObservedGil;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.partop.session.TestScenarios.cpu;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CPython GIL phase beside the model's, as the screen gets them: the real interpreter's lanes
 * are its threads seen from outside, waiting for its real GIL, and the lock panel is that GIL
 * read from its memory (python3 here is 3.11, whose GIL partop reads).
 */
class CpythonLanesTest {

    private static Phase gil(String name, RuntimeKind runtime) {
        return Phase.builder().name(name).model(ModelKind.GIL_THREADS).threads(2).switchInterval(Duration.ofMillis(5))
                .workloads(List.of(cpu(2, Duration.ofMillis(700)))).runtime(runtime).python("python3").build();
    }

    @Test
    void aCpythonGilPhasesLanesWaitForTheRealGilAndItsPanelCountsHandOvers() {
        Scenario scenario = new Scenario("test", "model and CPython", "model",
                List.of(gil("model", RuntimeKind.MODEL), gil("cpython", RuntimeKind.CPYTHON)), "test.yaml", "");
        List<Snapshot> seen = new CopyOnWriteArrayList<>();
        SnapshotSink sink = new SnapshotSink() {
            @Override
            public void snapshot(Snapshot s) {
                seen.add(s);
            }
        };
        List<PhaseResult> results = new Session(scenario, new OshiCoreSource(), List.of(sink),
                new Session.Options(Duration.ofMillis(100), null, Duration.ofMillis(100), "test")).run();
        assertThat(results).extracting(PhaseResult::status).allMatch(s -> s.name().equals("OK"));

        List<Snapshot> model = seen.stream().filter(s -> s.phaseIndex() == 0 && s.phase() != null).toList();
        List<Snapshot> py = seen.stream().filter(s -> s.phaseIndex() == 1 && s.phase() != null
                && s.phaseElapsed() > 0).toList();
        // the same lanes, by name, in both (the agent's threads report in the order they start, T2 may come first);
        // the agent's reporter and stdin threads are not lanes
        List<String> modelNames = model.get(model.size() - 1).lanes().stream().map(LaneSample::name).toList();
        assertThat(modelNames).containsExactly("T1", "T2");
        assertThat(py).anySatisfy(s -> assertThat(s.lanes()).extracting(LaneSample::name).containsExactlyInAnyOrder("T1", "T2"));

        // each thread, seen from outside, spent time waiting for the GIL
        for (int lane = 0; lane < 2; lane++) {
            int l = lane;
            double waited = 0;
            boolean observed = false;
            for (Snapshot s : py) {
                if (s.lanes().size() <= l) continue;
                LaneSample ls = s.lanes().get(l);
                if (ls.thread() == null) continue;
                observed = true;
                assertThat(ls.thread().comm()).as("the agent names its threads").isEqualTo(ls.name());
                waited += ls.waiting() * s.tick();
            }
            assertThat(observed).as("lane %d is an observed OS thread", l).isTrue();
            assertThat(waited).as("seconds lane %d waited for the GIL", l).isGreaterThan(0.05);
        }

        // the lock panel: the agent's real GIL, handed over between the two lanes
        List<ObservedGil> gils = py.stream().filter(s -> s.stats().gils() != null)
                .flatMap(s -> s.stats().gils().stream()).toList();
        assertThat(gils).isNotEmpty().allSatisfy(g -> assertThat(g.readable()).as(g.problem()).isTrue());
        assertThat(gils).anySatisfy(g -> {
            assertThat(g.switchesPerS()).isPositive();
            assertThat(g.holderLane()).isBetween(0, 1);
        });
        ObservedGil last = gils.get(gils.size() - 1);
        assertThat(last.version()).startsWith("CPython 3.");
        assertThat(last.intervalUs()).isEqualTo(5000);
        assertThat(last.switches()).as("hand-overs from switch_number").isGreaterThan(10);
        assertThat(last.waitS()).isPositive();
        // and the result keeps it, for the results table and --json
        assertThat(results.get(1).stats().gils()).isNotEmpty();
    }
}
