package dev.partop.probe.proc;

import java.util.HashMap;
import java.util.Map;

/**
 * Which kind of wait a syscall number is, for one architecture. Numbers are x86_64's
 * ({@code arch/x86/entry/syscalls/syscall_64.tbl}); other architectures number them
 * differently, so there partop says "kinds unknown" rather than guess.
 */
public final class SyscallTable {

    /** What a blocked thread's syscall says about its wait, before the futex and fd checks. */
    public enum Kind { FUTEX, IO, SLEEP, SELECT, POLL, LOCK_FILE, OTHER }

    public static final int FUTEX = 202;

    private final String arch;
    private final Map<Integer, Kind> kinds;

    private SyscallTable(String arch, Map<Integer, Kind> kinds) {
        this.arch = arch;
        this.kinds = kinds;
    }

    /** The table for {@code os.arch}, or null where partop does not know the numbers. */
    public static SyscallTable forArch(String osArch) {
        if (osArch == null) return null;
        return switch (osArch) {
            case "amd64", "x86_64" -> x86_64();
            default -> null;
        };
    }

    public static SyscallTable x86_64() {
        Map<Integer, Kind> k = new HashMap<>();
        k.put(202, Kind.FUTEX);
        k.put(449, Kind.FUTEX); // futex_waitv
        for (int n : new int[]{0, 1, 17, 18, 19, 20, 295, 296, // read write pread64 pwrite64 readv writev preadv pwritev
                42, 43, 288, 44, 45, 46, 47, 299, 307, // connect accept accept4 sendto recvfrom sendmsg recvmsg recvmmsg sendmmsg
                232, 281, 441, // epoll_wait epoll_pwait epoll_pwait2
                61, 247, // wait4 waitid
                74, 75, 162, 277, // fsync fdatasync sync sync_file_range
                206, 208, 426, // io_setup io_getevents io_uring_enter
                68, 69, 70, 71, // msgget msgsnd msgrcv msgctl
                40, 275, 276, 278, // sendfile splice tee vmsplice
        }) k.put(n, Kind.IO);
        k.put(35, Kind.SLEEP);  // nanosleep
        k.put(230, Kind.SLEEP); // clock_nanosleep
        k.put(34, Kind.SLEEP);  // pause
        k.put(130, Kind.SLEEP); // rt_sigsuspend
        k.put(128, Kind.SLEEP); // rt_sigtimedwait
        k.put(23, Kind.SELECT);  // select(nfds, r, w, x, timeout)
        k.put(270, Kind.SELECT); // pselect6(nfds, r, w, x, timeout, mask)
        k.put(7, Kind.POLL);     // poll(fds, nfds, timeout)
        k.put(271, Kind.POLL);   // ppoll(fds, nfds, ...)
        k.put(73, Kind.LOCK_FILE); // flock
        return new SyscallTable("x86_64", Map.copyOf(k));
    }

    public String arch() {
        return arch;
    }

    public Kind kind(long nr) {
        Kind k = kinds.get((int) nr);
        return k == null ? Kind.OTHER : k;
    }
}
