package dev.partop.session;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the JVM's JIT compiler threads under Linux's {@code SCHED_IDLE} policy, so that they run
 * only on a core no other thread wants: a workload thread woken while a compiler thread holds
 * a core takes the core at once instead of waiting for the compile to end.
 *
 * <p>Why: in the convoy demo (scenarios/convoy.yaml, a GIL, one CPU thread beside one doing
 * loopback round trips) {@code perf sched} showed the woken CPU thread queued for 1.2 ms behind
 * a C1 compile on the one free core of two while the I/O thread did 39 round trips on the other
 * without ever waiting for the lock: the mean round trip came out at 2.7 ms where CPython's is
 * about 10. The compiler keeps compiling through every phase (the printers' and the
 * dashboard's code, a phase's paths that the warm-up did not run often enough), and no
 * warm-up can finish all of it. CPython has no compiler thread to take a core from its threads;
 * partop's should not either. Lowering one's own threads to {@code SCHED_IDLE} needs no
 * privilege (sched(7)); threads the JVM adds later are created by a compiler thread and
 * inherit its policy.
 */
final class CompilerThreads {

    /** linux/sched.h */
    static final int SCHED_IDLE = 5;

    private CompilerThreads() {
    }

    /** What was done, for the run header: "JIT compiler threads at SCHED_IDLE (1)" or why not. */
    static String yieldToWorkload() {
        List<Integer> tids = compilerThreadIds();
        if (tids.isEmpty()) return "no JIT compiler thread found";
        CLib libc;
        try {
            libc = Native.load("c", CLib.class);
        } catch (Throwable e) { // UnsatisfiedLinkError, no JNA for this platform
            return "JIT compiler threads left as they were (" + e.getClass().getSimpleName() + ")";
        }
        int done = 0;
        String failed = null;
        for (int tid : tids) {
            try {
                libc.sched_setscheduler(tid, SCHED_IDLE, new int[]{0});
                done++;
            } catch (LastErrorException e) {
                failed = "errno " + e.getErrorCode();
            }
        }
        return failed == null
                ? "JIT compiler threads at SCHED_IDLE (" + done + ")"
                : "JIT compiler threads at SCHED_IDLE: " + done + " of " + tids.size() + " (" + failed + ")";
    }

    /**
     * Back to the default policy, for tests that share one JVM with timing tests. Needs
     * privilege (RLIMIT_NICE) outside root: then the threads stay as they are.
     */
    static void restoreForTests() {
        try {
            CLib libc = Native.load("c", CLib.class);
            for (int tid : compilerThreadIds()) {
                try {
                    libc.sched_setscheduler(tid, 0, new int[]{0}); // SCHED_OTHER
                } catch (LastErrorException notAllowed) {
                    // stays idle
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

    /** The one libc call needed (sched_setscheduler(2): a tid names one thread). */
    interface CLib extends Library {
        int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;
    }
}
