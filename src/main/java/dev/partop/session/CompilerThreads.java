package dev.partop.session;

import com.sun.jna.LastErrorException;

import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.util.Libc;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers the JVM's JIT compiler threads after the warm-up, so that a workload thread woken while
 * a compiler thread holds a core takes the core at once instead of waiting for the compile.
 *
 * <p>Why: in the convoy demo (scenarios/convoy.yaml, a GIL, one CPU thread beside one doing
 * loopback round trips) {@code perf sched} showed the woken CPU thread queued for 1.2 ms behind
 * a C1 compile on the one free core of two while the I/O thread did 39 round trips on the other
 * without ever waiting for the lock: the mean round trip came out at 2.7 ms where CPython's is
 * about 10. The compiler keeps compiling through every phase (the printers' and the
 * dashboard's code, a phase's paths that the warm-up did not run often enough), and no
 * warm-up can finish all of it. CPython has no compiler thread to take a core from its threads;
 * partop's should not either. Lowering one's own threads needs no privilege; threads the JVM
 * adds later are created by a compiler thread and inherit it.
 *
 * <p>How far: {@code SCHED_IDLE} (a compile runs only on a core nothing else wants) when every
 * phase's workload runs in this JVM; nice 19 otherwise. Measured with the convoy (5 runs,
 * idle machine): SCHED_IDLE 5 of 5 at 7.8-10.5 ms, nice 19 only 2 of 5 (1.3-7.1 ms): a
 * nice-19 compile still delays the woken thread. But a killed JVM releases its files only when
 * its last thread has exited, and a SCHED_IDLE thread gets next to no core while other
 * processes keep every core busy: SIGKILL of partop during a CPython processes phase left the
 * compilers 3.5 s to die, the agent's stdin pipe open meanwhile, and the agent and its workers
 * alive past the 2 s partop promises. When the workload is threads of this JVM it dies with
 * the JVM, the cores come free and the compilers exit at once; when it is other processes
 * (worker JVMs, CPython, commands), nice 19 never starves them. A scenario with both kinds
 * of phase switches between the two before each phase where it may ({@link Yield}).
 */
final class CompilerThreads {

    /** linux/sched.h */
    static final int SCHED_IDLE = 5;
    private static final int SCHED_OTHER = 0;
    /** The weakest nice level, and setpriority(2)'s "which" for one thread id. */
    static final int NICE = 19;
    private static final int PRIO_PROCESS = 0;

    private CompilerThreads() {
    }

    /**
     * How the compiler threads yield over a run, decided once after the warm-up: SCHED_IDLE
     * throughout when every phase is {@link #idleIsSafe}, nice 19 throughout when none is; for a
     * scenario that mixes the two (a model beside CPython worker processes), SCHED_IDLE for the
     * safe phases and nice 19 for the others, phase by phase, where partop may raise its threads
     * back from SCHED_IDLE (root: without CAP_SYS_NICE that step is refused), else nice 19
     * throughout. Measured (convoy model phase, then a CPython phase, scripts/partop): nice 19
     * for the model phase 2 of 8 runs below 6 ms; SCHED_IDLE 10 of 10 at 7.6-10.6 ms.
     */
    static final class Yield {
        private final boolean perPhase;
        private final boolean allIdleSafe;
        /** The policy the threads were last given phase by phase: SCHED_IDLE or not; null before the first. */
        private Boolean lastIdle;

        private Yield(boolean perPhase, boolean allIdleSafe) {
            this.perPhase = perPhase;
            this.allIdleSafe = allIdleSafe;
        }

        static Yield plan(List<Phase> phases) {
            boolean all = phases.stream().allMatch(CompilerThreads::idleIsSafe);
            boolean any = phases.stream().anyMatch(CompilerThreads::idleIsSafe);
            return new Yield(!all && any && mayRaiseBack(), all);
        }

        /** Sets the threads for the run's start; what was done, for the run header. */
        String start() {
            if (!perPhase) return yieldToWorkload(allIdleSafe);
            return "JIT compiler threads at SCHED_IDLE in phases that leave a core free or die with partop, nice "
                    + NICE + " in others";
        }

        /** Before {@code phase} runs: the compiler threads as that phase needs them. */
        void before(Phase phase) {
            boolean idle = idleIsSafe(phase);
            if (!perPhase || Boolean.valueOf(idle).equals(lastIdle)) return;
            yieldToWorkload(idle);
            lastIdle = idle;
        }
    }

    /**
     * Whether SCHED_IDLE compiler threads cannot keep a killed partop alive while {@code phase}
     * runs: its workload is this JVM's threads (they die with it), or one CPython process under
     * one interpreter lock (sequential, GIL threads, an event loop), which leaves every other
     * core free for the dying threads. Worker processes, sub-interpreters, free threads and
     * commands may fill every core: nice 19 then. Measured: CPython's convoy inside partop
     * with the compiler threads at nice 19 once 1.85 ms in 6 runs, at SCHED_IDLE 5.9-6.8 ms in 5.
     */
    static boolean idleIsSafe(Phase phase) {
        if (phase.workloadInThisJvm()) return true;
        return phase.isCpython() && (phase.model() == ModelKind.SEQUENTIAL || phase.model() == ModelKind.GIL_THREADS
                || phase.model() == ModelKind.EVENT_LOOP);
    }

    /** Whether this process may take its threads from SCHED_IDLE back to the default policy (root). */
    private static boolean mayRaiseBack() {
        try {
            return Libc.get().geteuid() == 0;
        } catch (Throwable e) { // no JNA here
            return false;
        }
    }

    /**
     * Lowers the compiler threads: to SCHED_IDLE when {@code idle}, else to nice 19.
     * What was done, for the run header: "JIT compiler threads at SCHED_IDLE (1)" or why not.
     */
    static String yieldToWorkload(boolean idle) {
        List<Integer> tids = compilerThreadIds();
        if (tids.isEmpty()) return "no JIT compiler thread found";
        Libc.Calls libc;
        try {
            libc = Libc.get();
        } catch (Throwable e) { // UnsatisfiedLinkError, no JNA for this platform
            return "JIT compiler threads left as they were (" + e.getClass().getSimpleName() + ")";
        }
        String how = idle ? "SCHED_IDLE" : "nice " + NICE;
        int done = 0;
        String failed = null;
        for (int tid : tids) {
            try {
                if (idle) {
                    libc.sched_setscheduler(tid, SCHED_IDLE, new int[]{0});
                } else {
                    // from an earlier run's SCHED_IDLE back to normal first (root, or RLIMIT_NICE)
                    libc.sched_setscheduler(tid, SCHED_OTHER, new int[]{0});
                    libc.setpriority(PRIO_PROCESS, tid, NICE);
                }
                done++;
            } catch (LastErrorException e) {
                failed = "errno " + e.getErrorCode();
            }
        }
        return failed == null
                ? "JIT compiler threads at " + how + " (" + done + ")"
                : "JIT compiler threads at " + how + ": " + done + " of " + tids.size() + " (" + failed + ")";
    }

    /**
     * From now on the JIT compiles nothing more with C2, its optimizing compiler: a method that
     * gets hot later is compiled by C1 without profiling instead (HotSpot's fallback when C2
     * may not compile a method), a compile of a millisecond or less where C2 takes several.
     * Added as a compiler directive through the DiagnosticCommand MBean, which any JVM offers
     * its own code without flags.
     *
     * <p>Why: lowering the compiler threads was not enough. The convoy demo, 20 runs of
     * {@code java -jar}: with C2 left on (its threads at SCHED_IDLE) 3-4 runs in 20 had
     * no convoy (0.1-1.6 ms), the CPU thread not taking the lock for 0.4-4 ms after each
     * forced switch while a C2 compile ran on the free core; with C1 only
     * ({@code -XX:TieredStopAtLevel=1}, as {@code scripts/partop} runs) 20 of 20 at
     * 8.9-10.2 ms. A phase's code compiled by C2 during the warm-up keeps its C2 code.
     *
     * @return what was done, for the run header
     */
    static String stopOptimizingCompiler() {
        // without C2 (scripts/partop runs C1 only) there is nothing to stop, and the platform
        // MBean server the directive goes through cost the dashboard about 2.5 MB of RSS (measured)
        if (!optimizingCompilerOn()) return "C1 only";
        Path file = null;
        try {
            file = Files.createTempFile("partop-jit-", ".json");
            Files.writeString(file, "[{match: \"*.*\", c2: {Exclude: true}}]");
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object said = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[]{new String[]{file.toString()}},
                    new String[]{String[].class.getName()});
            return String.valueOf(said).contains("added") ? "no more C2 compiles" : "C2 left on (" + said + ")";
        } catch (Exception | LinkageError e) { // no such MBean (not HotSpot), no temp dir
            return "C2 left on (" + e.getClass().getSimpleName() + ")";
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    /** Whether this JVM compiles with C2: not under -XX:TieredStopAtLevel below 4, nor -Xint. */
    static boolean optimizingCompilerOn() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.equals("-Xint")) return false;
            if (arg.startsWith("-XX:TieredStopAtLevel=")) {
                try {
                    if (Integer.parseInt(arg.substring("-XX:TieredStopAtLevel=".length())) < 4) return false;
                } catch (NumberFormatException ignored) {
                    // the JVM would not have started with it
                }
            }
        }
        return true;
    }

    /**
     * Back to the default policy and nice 0, for tests that share one JVM with timing tests.
     * Needs privilege (RLIMIT_NICE) outside root: then the threads stay as they are.
     */
    static void restoreForTests() {
        try {
            Libc.Calls libc = Libc.get();
            for (int tid : compilerThreadIds()) {
                try {
                    libc.sched_setscheduler(tid, SCHED_OTHER, new int[]{0});
                    libc.setpriority(PRIO_PROCESS, tid, 0);
                } catch (LastErrorException notAllowed) {
                    // stays lowered
                }
            }
        } catch (Throwable e) {
            // no JNA: nothing was changed either
        }
    }

    /** The JVM's compiler threads, by their names in /proc ("C1 CompilerThre", "C2 CompilerThre", 15 characters). */
    static List<Integer> compilerThreadIds() {
        List<Integer> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm")).trim();
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                    tids.add(Integer.parseInt(task.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException noProc) {
            // not Linux: nothing to do
        }
        return tids;
    }
}
