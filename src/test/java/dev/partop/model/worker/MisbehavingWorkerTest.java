package dev.partop.model.worker;

import dev.partop.TestProcesses;
import dev.partop.model.Lane;
import dev.partop.work.TaskPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workers that do not keep to the protocol, played by small shell programs: each one fails
 * with one clear line, soon, and is gone after {@link WorkerProcess#stop()}.
 */
class MisbehavingWorkerTest {

    /** The READY frame: type 1, a body of 0 bytes. */
    private static final String READY = "printf '\\001\\000\\000\\000\\000'; ";
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final List<WorkerProcess> started = new ArrayList<>();

    private WorkerProcess worker(String script) throws IOException {
        WorkerProcess w = new WorkerProcess(0, new Lane(0, "worker 1"), new LongAdder(), new LongAdder(),
                List.of("sh", "-c", script));
        started.add(w);
        w.spawn();
        return w;
    }

    private static TaskPlan task() {
        return new TaskPlan(7, 1000, 0, null, 1, 0, 16);
    }

    @AfterEach
    void nothingLeftRunning() throws Exception {
        for (WorkerProcess w : started) {
            long pid = w.pid();
            w.stop();
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (TestProcesses.running(pid) && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(TestProcesses.running(pid)).as("worker %d still running after stop()", pid).isFalse();
        }
    }

    @Test
    void aJvmWarningWhereTheFirstFrameShouldBeFailsAtOnceQuotingIt() throws Exception {
        // what a class-data archive made for another copy of the jar made the JVM print on stdout
        WorkerProcess w = worker("echo '[0.095s][warning][cds,dynamic] Unable to use shared archive.'; sleep 30");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> w.awaitReady(LIMIT))
                .hasMessageStartingWith("worker 1 (pid " + w.pid() + ") wrote \"[0.095s][warning][cds,dynamic] Unable")
                .hasMessageContaining("instead of the worker protocol")
                .hasMessageNotContaining("\n");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to fail").isLessThan(5);
    }

    @Test
    void aWorkerThatNeverSaysReadyIsKilledAtTheLimit() throws Exception {
        WorkerProcess w = worker("sleep 60");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> w.awaitReady(Duration.ofSeconds(1)))
                .hasMessage("worker 1 (pid " + w.pid() + ") did not say it was ready within 1.0 s; it was killed");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to fail").isLessThan(10);
    }

    @Test
    void aWorkerThatExitsBeforeReadySaysHow() throws Exception {
        WorkerProcess w = worker("exit 3");
        assertThatThrownBy(() -> w.awaitReady(LIMIT)).hasMessageContaining("exited with code 3 before it was ready");
    }

    @Test
    void garbageInsteadOfAFrameFailsTheTask() throws Exception {
        WorkerProcess w = worker(READY + "head -c 1 >/dev/null; printf 'garbage here'; sleep 30");
        w.awaitReady(LIMIT);
        assertThatThrownBy(() -> w.run(task(), new byte[16]))
                .hasMessageContaining("broke the worker protocol")
                .hasMessageContaining("garbage here");
    }

    @Test
    void aGarbledLengthFailsAtOnceInsteadOfWaitingForAGigabyte() throws Exception {
        // a RESULT frame claiming 0x20202020 bytes (539 MB), from a worker that stays alive
        WorkerProcess w = worker(READY + "head -c 1 >/dev/null; printf '\\004    '; sleep 30");
        w.awaitReady(LIMIT);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> w.run(task(), new byte[16])).hasMessageContaining("a frame length of 538976288 bytes");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to fail").isLessThan(5);
    }

    @Test
    void aWorkerThatDiesMidTaskSaysHow() throws Exception {
        WorkerProcess w = worker(READY + "head -c 8 >/dev/null; kill -9 $$");
        w.awaitReady(LIMIT);
        assertThatThrownBy(() -> w.run(task(), new byte[16])).hasMessageContaining("exited with code 137 (signal 9)");
    }

    @Test
    void aWorkerThatClosesItsPipeFailsTheTaskAndIsStillStopped() throws Exception {
        WorkerProcess w = worker(READY + "exec >&-; sleep 30");
        w.awaitReady(LIMIT);
        assertThatThrownBy(() -> w.run(task(), new byte[16])).hasMessageContaining("closed its pipe");
    }

    @Test
    void aResultOfTheWrongSizeIsNotTakenForThePayload() throws Exception {
        // RESULT, 4 bytes: a task id and no payload, where 16 bytes went out
        WorkerProcess w = worker(READY + "head -c 1 >/dev/null; printf '\\004\\000\\000\\000\\004\\000\\000\\000\\007'; sleep 30");
        w.awaitReady(LIMIT);
        assertThatThrownBy(() -> w.run(task(), new byte[16])).hasMessageContaining("sent a result that is not task 7's");
    }

    @Test
    void quotesAreOneShortLine() {
        assertThat(WorkerProcess.quoted("a\u0001b\nsecond".getBytes())).isEqualTo("\"a?b\"");
        assertThat(WorkerProcess.quoted("x".repeat(200).getBytes())).hasSize(125).endsWith("...\"");
    }
}
