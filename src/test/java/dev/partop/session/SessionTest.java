package dev.partop.session;

import dev.partop.sink.SnapshotSink;

import dev.partop.probe.OshiCoreSource;
import dev.partop.scenario.ModelKind;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseStatus;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.partop.session.TestScenarios.cpu;
import static dev.partop.session.TestScenarios.phase;
import static dev.partop.session.TestScenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/** The real session on real threads and the real OSHI core source. */
class SessionTest {

    static class Collecting implements SnapshotSink {
        final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
        volatile RunHeader header;

        @Override
        public void header(RunHeader h) {
            header = h;
        }

        @Override
        public void snapshot(Snapshot s) {
            snapshots.add(s);
        }
    }

    /** A live view: it is shown previews, and records when each thing arrived. */
    static final class Live extends Collecting {
        final List<Snapshot> previews = new CopyOnWriteArrayList<>();
        volatile int snapshotsBeforeHeader = -1;

        @Override
        public void preview(Snapshot s) {
            previews.add(s);
        }

        @Override
        public void header(RunHeader h) {
            snapshotsBeforeHeader = snapshots.size();
            super.header(h);
        }
    }

    /**
     * partop's own figure is the process less the workload: what the session counts as the
     * workload must be every phase's thread lanes, the running one and the finished ones
     * (were it not, the footer would carry the work's cores).
     */
    @Test
    void theWorkloadLeftOutOfTheSelfFigureIsEveryPhasesLanes() {
        var scenario = scenario(phase("two", ModelKind.FREE_THREADS, 2, cpu(2, Duration.ofMillis(400))),
                phase("again", ModelKind.FREE_THREADS, 2, cpu(2, Duration.ofMillis(400))));
        List<double[]> seen = new CopyOnWriteArrayList<>();
        Session[] session = new Session[1];
        SnapshotSink probe = new SnapshotSink() {
            @Override
            public void snapshot(Snapshot s) {
                if (s.phase() == null) return;
                double finished = s.results().stream().mapToDouble(PhaseResult::cpuS).sum();
                // once the phase's result is in, the Snapshot shows it twice: as the phase and as a result
                double running = s.results().size() > s.phaseIndex() ? 0 : s.phaseCpu();
                seen.add(new double[]{running + finished, session[0].workloadCpuNanos() / 1e9});
            }
        };
        session[0] = new Session(scenario, new OshiCoreSource(), List.of(probe),
                new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(100), "test"));
        session[0].run();
        assertThat(seen).isNotEmpty().anySatisfy(p -> assertThat(p[0]).isGreaterThan(0.5));
        // read just after the Snapshot: at least what it showed, at most a little more
        assertThat(seen).allSatisfy(p -> assertThat(p[1]).isBetween(p[0] - 0.001, p[0] + 0.2));
    }

    /** Before the first phase the phases' code runs and the JIT settles; the header says so, a live view sees it. */
    @Test
    void theWarmUpRunsBeforeTheFirstPhaseAndTheHeaderSaysWhatItDid() {
        var scenario = scenario(phase("gil", ModelKind.GIL_THREADS, 2, cpu(2, Duration.ofMillis(100))));
        Live live = new Live();
        new Session(scenario, new OshiCoreSource(), List.of(live),
                new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(100), "test", true)).run();
        assertThat(live.previews).anySatisfy(p -> assertThat(p.state()).isEqualTo(RunState.WARMING_UP));
        assertThat(live.header.warmup()).startsWith("ran 1 phase(s)' code");
        assertThat(live.header.warmupMs()).isPositive();
        assertThat(live.snapshots).noneMatch(s -> s.state() == RunState.WARMING_UP);
    }

    /**
     * After the warm-up the JIT compiler threads yield their core: a compile must not hold a core
     * a phase's woken thread needs (the convoy demo lost its convoy to it). SCHED_IDLE when the
     * workload is this JVM's threads; nice 19 when it is other processes, which a killed JVM
     * must not keep alive while its SCHED_IDLE compilers wait for a core to exit on.
     */
    /** The warm-up lowers this JVM's compilers; the timing tests after these run in the same JVM. */
    @org.junit.jupiter.api.AfterAll
    static void compilersBackToNormal() {
        CompilerThreads.restoreForTests();
    }

    @Test
    void afterTheWarmUpTheCompilerThreadsYieldToTheWorkload() throws Exception {
        var scenario = scenario(phase("gil", ModelKind.GIL_THREADS, 2, cpu(2, Duration.ofMillis(50))));
        Live live = runWithWarmup(scenario);
        List<Integer> compilers = CompilerThreads.compilerThreadIds();
        assertThat(compilers).isNotEmpty();
        for (int tid : compilers) {
            assertThat(statField(tid, 41)).as("policy of compiler thread %d", tid).isEqualTo(CompilerThreads.SCHED_IDLE);
        }
        assertThat(live.header.warmup()).contains("JIT compiler threads at SCHED_IDLE (" + compilers.size() + ")");
    }

    /**
     * A model phase beside worker processes: as root SCHED_IDLE while the model runs and nice 19
     * while the workers do (a killed JVM must not keep them alive), phase by phase; without the
     * right to leave SCHED_IDLE again, nice 19 throughout.
     */
    @Test
    void besideWorkerProcessesTheCompilerThreadsAreIdleOnlyForTheModelPhase() throws Exception {
        var scenario = scenario(phase("gil", ModelKind.GIL_THREADS, 2, cpu(2, Duration.ofMillis(300))),
                phase("workers", ModelKind.PROCESSES, 2, cpu(2, Duration.ofMillis(300))));
        java.util.Map<String, java.util.Set<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        SnapshotSink probe = new SnapshotSink() {
            @Override
            public void snapshot(Snapshot s) {
                if (s.phase() == null || s.results().size() > s.phaseIndex()) return;
                for (int tid : CompilerThreads.compilerThreadIds()) {
                    try {
                        seen.computeIfAbsent(s.phase().name(), k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                                .add("policy " + statField(tid, 41) + " nice " + statField(tid, 19));
                    } catch (java.io.IOException gone) {
                        // the thread ended
                    }
                }
            }
        };
        Live live = new Live();
        new Session(scenario, new OshiCoreSource(), List.of(live, probe),
                new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(100), "test", true)).run();
        String nice = "policy 0 nice " + CompilerThreads.NICE;
        assertThat(seen.get("workers")).containsOnly(nice);
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            assertThat(seen.get("gil")).isNotEmpty().allMatch(p -> p.startsWith("policy " + CompilerThreads.SCHED_IDLE + " "));
            assertThat(live.header.warmup()).contains("SCHED_IDLE in phases that leave a core free or die with partop, nice 19 in others");
        } else {
            assertThat(seen.get("gil")).containsOnly(nice);
        }
    }

    private static Live runWithWarmup(dev.partop.scenario.Scenario scenario) {
        Live live = new Live();
        new Session(scenario, new OshiCoreSource(), List.of(live),
                new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(100), "test", true)).run();
        return live;
    }

    /** Field {@code n} of /proc/self/task/TID/stat, counted after the command name, which may hold spaces. */
    private static int statField(int tid, int n) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/task/" + tid + "/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(after[n - 3]);
    }

    @Test
    void aFailingConsumerIsReportedInTheSnapshotsNotOnStderr() {
        var scenario = scenario(phase("one", ModelKind.SEQUENTIAL, 1, cpu(1, Duration.ofMillis(300))));
        Collecting screen = new Collecting();
        SnapshotSink broken = new SnapshotSink() {
            @Override
            public void snapshot(Snapshot s) {
                throw new IllegalStateException("disk full");
            }
        };
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            new Session(scenario, new OshiCoreSource(), List.of(broken, screen),
                    new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(100), "test")).run();
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString()).doesNotContain("disk full");
        assertThat(screen.snapshots.get(screen.snapshots.size() - 1).problem()).contains("disk full");
    }

    @Test
    void aLiveViewSeesTheCoresWhileCalibratingARecordingOnlyAfterTheHeader() {
        var scenario = scenario(phase("one", ModelKind.SEQUENTIAL, 1, cpu(1, Duration.ofMillis(100))));
        Live live = new Live();
        Collecting recording = new Collecting();
        // calibration takes 300 ms: with 50 ms samples the live view gets several previews first
        Session session = new Session(scenario, new OshiCoreSource(), List.of(live, recording),
                new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(300), "test"));
        session.run();

        assertThat(live.previews).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(p -> {
                    assertThat(p.state()).isEqualTo(RunState.CALIBRATING);
                    assertThat(p.phase()).isNull();
                    assertThat(p.cores()).isNotEmpty();
                });
        assertThat(live.snapshotsBeforeHeader).isZero();
        assertThat(recording.snapshots).isNotEmpty()
                .noneMatch(s -> s.state() == RunState.CALIBRATING);
        // one numbering across previews and Snapshots: a view never sees a number twice
        assertThat(live.snapshots.get(0).seq()).isGreaterThan(live.previews.get(live.previews.size() - 1).seq());
    }

    @Test
    void calibrationWaitsForTheFirstFrameAndNoLongerThanItsLimit() throws Exception {
        var scenario = scenario(phase("one", ModelKind.SEQUENTIAL, 1, cpu(1, Duration.ofMillis(20))));
        // a 10 ms calibration: without the wait the header would come within a few tens of ms
        var options = new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(10), "test");
        Live live = new Live();
        Session session = new Session(scenario, new OshiCoreSource(), List.of(live), options);
        var firstFrame = new java.util.concurrent.CompletableFuture<Void>();
        session.calibrateAfter(firstFrame);
        Thread run = new Thread(session::run);
        run.start();
        Thread.sleep(Session.CALIBRATION_WAIT_MS / 2);
        assertThat(live.header).as("calibrated before the first frame").isNull();
        assertThat(live.previews).as("the live view is shown the cores meanwhile").isNotEmpty();
        firstFrame.complete(null);
        run.join(30_000);
        assertThat(live.header).isNotNull();

        // a frame that never comes holds calibration back for the limit only
        Live noFrame = new Live();
        Session stuck = new Session(scenario, new OshiCoreSource(), List.of(noFrame), options);
        stuck.calibrateAfter(new java.util.concurrent.CompletableFuture<>());
        Thread run2 = new Thread(stuck::run);
        run2.start();
        run2.join(30_000);
        assertThat(run2.isAlive()).isFalse();
        assertThat(noFrame.header).isNotNull();
    }

    private static Session.Options options() {
        return new Session.Options(Duration.ofMillis(50), null, Duration.ofMillis(100), "test");
    }

    @Test
    void runsEveryPhaseAndReportsResults() {
        var scenario = scenario(phase("one", ModelKind.SEQUENTIAL, 1, cpu(2, Duration.ofMillis(150))),
                phase("two", ModelKind.FREE_THREADS, 2, cpu(2, Duration.ofMillis(150))));
        Collecting sink = new Collecting();
        Session session = new Session(scenario, new OshiCoreSource(), List.of(sink), options());
        List<PhaseResult> results = session.run();

        assertThat(results).extracting(PhaseResult::name).containsExactly("one", "two");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(PhaseStatus.OK);
            assertThat(r.tasksDone()).isEqualTo(2);
            assertThat(r.cpuS()).isPositive();
            // CPU time of the phase's own threads cannot exceed wall time x threads (+ rounding)
            assertThat(r.parallelism()).isLessThanOrEqualTo(2.1);
        });
        // sequential: one thread, so at most one core's worth
        assertThat(results.get(0).parallelism()).isLessThanOrEqualTo(1.05);
        assertThat(results.get(0).speedup()).isEqualTo(1.0);
        assertThat(results.get(1).speedup()).isNotNull();

        assertThat(sink.header).isNotNull();
        assertThat(sink.header.opsPerSecond()).isPositive();
        Snapshot last = sink.snapshots.get(sink.snapshots.size() - 1);
        assertThat(last.state()).isEqualTo(RunState.FINISHED);
        assertThat(last.results()).hasSize(2);
        // sequence numbers and times only grow
        for (int i = 1; i < sink.snapshots.size(); i++) {
            assertThat(sink.snapshots.get(i).seq()).isGreaterThan(sink.snapshots.get(i - 1).seq());
            assertThat(sink.snapshots.get(i).t()).isGreaterThanOrEqualTo(sink.snapshots.get(i - 1).t());
        }
        // some tick saw the free-thread phase with its two lanes
        assertThat(sink.snapshots).anySatisfy(s -> {
            assertThat(s.phase()).isNotNull();
            assertThat(s.phase().name()).isEqualTo("two");
            assertThat(s.lanes()).hasSize(2);
        });
    }

    @Test
    void laneFractionsSplitTheTick() {
        var scenario = scenario(phase("one", ModelKind.SEQUENTIAL, 1, cpu(1, Duration.ofMillis(400))));
        Collecting sink = new Collecting();
        new Session(scenario, new OshiCoreSource(), List.of(sink), options()).run();
        assertThat(sink.snapshots).filteredOn(s -> s.state() == RunState.RUNNING && !s.lanes().isEmpty())
                .isNotEmpty()
                .allSatisfy(s -> s.lanes().forEach(l -> {
                    double sum = l.running() + l.holding() + l.waiting() + l.io() + l.idle();
                    assertThat(sum).isBetween(0.0, 1.05);
                }));
        assertThat(sink.snapshots).anySatisfy(s -> assertThat(s.lanes())
                .anySatisfy(l -> assertThat(l.state()).isEqualTo(LaneState.RUNNING)));
    }

    @Test
    void skipCancelsTheRunningPhase() throws Exception {
        var scenario = scenario(phase("long", ModelKind.FREE_THREADS, 2, cpu(2, Duration.ofSeconds(30))),
                phase("short", ModelKind.SEQUENTIAL, 1, cpu(1, Duration.ofMillis(50))));
        Collecting sink = new Collecting();
        Session session = new Session(scenario, new OshiCoreSource(), List.of(sink), options());
        Thread skipper = new Thread(() -> {
            while (sink.snapshots.stream().noneMatch(s -> s.state() == RunState.RUNNING && s.phaseElapsed() > 0.1)) {
                Thread.onSpinWait();
            }
            session.skipPhase();
        });
        skipper.start();
        List<PhaseResult> results = session.run();
        skipper.join();
        assertThat(results.get(0).status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(results.get(0).wallS()).isLessThan(30);
        assertThat(results.get(1).status()).isEqualTo(PhaseStatus.OK);
    }
}
