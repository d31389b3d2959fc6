package dev.partop.util;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The C library calls partop makes, through JNA (which OSHI brings), bound once per process:
 * each {@code Native.load} builds a proxy class and looks the library up again, and the JIT
 * compiler threads were lowered through a fresh one before every phase that changed their policy.
 */
public final class Libc {

    /** The calls (on Linux a thread id names one thread for the scheduling ones). */
    public interface Calls extends Library {
        int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;

        int setpriority(int which, int who, int prio) throws LastErrorException;

        int geteuid();

        int pipe(int[] fds) throws LastErrorException;

        int poll(Memory fds, int nfds, int timeout) throws LastErrorException;

        int write(int fd, byte[] buf, NativeLong count) throws LastErrorException;
    }

    private static volatile Calls calls;

    private Libc() {
    }

    /**
     * libc, loaded on first use.
     *
     * @throws LinkageError       no JNA, or no libc, for this platform (thrown again at each call)
     * @throws RuntimeException   JNA could not bind the library
     */
    public static Calls get() {
        Calls c = calls;
        if (c == null) {
            c = Native.load("c", Calls.class); // two threads at once: two proxies, one kept
            calls = c;
        }
        return c;
    }
}
