package dev.partop.model;


import dev.partop.TestProcesses;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.work.Calibration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real programs in real processes, measured from outside. */
class CommandModelTest {

    private static CommandModel model(String... command) {
        Phase p = Phase.builder().name("cmd").model(ModelKind.COMMAND).command(List.of(command)).build();
        return new CommandModel(new PhaseContext(p, List.of(), new Calibration(1e9, 0), System.nanoTime()));
    }

    @Test
    void everyProcessOfTheTreeGetsALaneWithItsCpu() throws Exception {
        // two busy children of a shell, for about 0.6 s
        CommandModel m = model("sh", "-c",
                "for i in 1 2; do (end=$(($(date +%s%N)+600000000)); while [ $(date +%s%N) -lt $end ]; do :; done) & done; wait");
        m.prepare();
        m.run();
        assertThat(m.lanes().size()).isGreaterThanOrEqualTo(3);
        assertThat(m.lanes()).allSatisfy(l -> assertThat(l.name()).matches("\\d+/\\d+ .+"));
        assertThat(m.lanes().stream().mapToLong(Lane::cpuNanos).sum()).isPositive();
        assertThat(m.lanes().get(0).tasksDone()).isEqualTo(1);
    }

    @Test
    void nonZeroExitFailsWithTheCode() {
        CommandModel m = model("sh", "-c", "exit 3");
        m.prepare();
        assertThatThrownBy(m::run).hasMessageContaining("exited with code 3");
    }

    @Test
    void cancelLeavesNoProcessBehind() throws Exception {
        CommandModel m = model("sh", "-c", "sleep 30 & sleep 30 & wait");
        m.prepare();
        Thread runner = new Thread(() -> {
            try {
                m.run();
            } catch (Exception ignored) {
                // cancelled
            }
        });
        runner.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (m.lanes().size() < 3 && System.nanoTime() < deadline) Thread.sleep(20);
        // the command's tree: a lane per OS thread, named "PID/TID comm"
        List<ProcessHandle> children = m.lanes().stream()
                .map(l -> ProcessHandle.of(Long.parseLong(l.name().substring(0, l.name().indexOf('/')))))
                .flatMap(java.util.Optional::stream).toList();
        assertThat(children).isNotEmpty();
        m.cancel();
        runner.join(5000);
        assertThat(runner.isAlive()).isFalse();
        long deadline2 = System.nanoTime() + 3_000_000_000L;
        for (ProcessHandle h : children) {
            while (TestProcesses.running(h.pid()) && System.nanoTime() < deadline2) Thread.sleep(20);
            assertThat(TestProcesses.running(h.pid())).as("pid %d still running", h.pid()).isFalse();
        }
    }
}
