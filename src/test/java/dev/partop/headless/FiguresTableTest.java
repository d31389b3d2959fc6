package dev.partop.headless;

import dev.partop.probe.SyntheticCoreSource;
import dev.partop.record.ResultsTable;
import dev.partop.scenario.BuiltinScenarios;
import dev.partop.scenario.Scenario;
import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.LockStats;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunHeader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The results tables show the figure each scenario is about, not always the speed-up. */
class FiguresTableTest {

    private static PhaseResult convoyPhase(String name, double wall, double mean, double p95) {
        LockStats lock = new LockStats(1, 300, 290, 150, 290, 60, 1.4, 5.2, 0.9, 0, 0);
        return PhaseResult.builder().name(name).model("gil-threads").settings("2 threads, switch 5ms, 2 tasks")
                .wallS(wall).cpuS(wall).parallelism(1.0).speedup(0.5).tasksDone(2).tasksTotal(2)
                .stats(new ModelStats(lock, new IoStats(300, mean, p95, p95 * 1.5), null, null)).build();
    }

    private static RunHeader header(Scenario s) {
        return RunHeader.builder().partopVersion("test").javaVersion("17").os("Linux")
                .machine(new SyntheticCoreSource(2).machine()).scenarioName(s.name()).scenarioSource(s.source())
                .scenarioText(s.text()).opsPerSecond(5e8).calibrationMs(300).intervalS(0.25)
                .phases(s.phases().stream().map(p -> p.name()).toList()).description(s.description())
                .figures(s.figures()).build();
    }

    @Test
    void convoysTableShowsTheRoundTripLatencyOfEachPhase() throws Exception {
        Scenario convoy = BuiltinScenarios.load("convoy");
        List<PhaseResult> results = List.of(convoyPhase("alone", 0.02, 0.05, 0.07),
                convoyPhase("beside one CPU thread", 2.1, 10.12, 10.61));
        String plain = PlainPrinter.table(results, convoy.figures());
        assertThat(plain.lines().findFirst().orElseThrow()).contains("rt mean").contains("rt p95");
        assertThat(plain).contains("0.05ms").contains("0.07ms").contains("10.12ms").contains("10.61ms");
        String md = ResultsTable.markdown(header(convoy), results);
        assertThat(md).contains("| rt mean | rt p95 |").contains("| 10.12ms | 10.61ms |");
        assertThat(ResultsTable.csv(header(convoy), results).lines().findFirst().orElseThrow())
                .endsWith(",rt_mean_ms,rt_p95_ms");
    }

    @Test
    void processesShowTheirCostBesideThreads() throws Exception {
        Scenario processes = BuiltinScenarios.load("processes");
        List<PhaseResult> results = List.of(
                PhaseResult.builder().name("threads, 10 MiB payloads").model("free-threads").settings("")
                        .wallS(0.5).cpuS(1).parallelism(2).speedup(2.13).tasksDone(40).tasksTotal(40).build(),
                PhaseResult.builder().name("processes, 10 MiB payloads").model("processes").settings("")
                        .wallS(4.0).cpuS(1).parallelism(2).speedup(18.85).tasksDone(40).tasksTotal(40).build());
        String plain = PlainPrinter.table(results, processes.figures());
        assertThat(plain).contains("vs threads").contains("1.00x").contains("8.00x");
    }
}
