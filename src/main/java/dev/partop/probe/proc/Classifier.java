package dev.partop.probe.proc;

/**
 * Turns one sample of a blocked thread (its state letter and, where readable, its syscall)
 * into a {@link ThreadActivity}. Whether the thread was on a core or waiting for one is not
 * decided here: that comes from schedstat's deltas (see {@link ProcessTreeObserver}).
 */
public final class Classifier {

    /** Whether a futex address is the GIL's: {@code GIL}, {@code LOCK}, or {@code BLOCKED} when unknown. */
    @FunctionalInterface
    public interface FutexJudge {
        ThreadActivity judge(long address);

        /** Not CPython (or no GIL): every futex is another lock. */
        FutexJudge NO_GIL = a -> ThreadActivity.LOCK;
    }

    private Classifier() {
    }

    /**
     * @param state   the {@code stat} state letter, or 0 when not read
     * @param syscall the parsed {@code syscall} file, null when unreadable
     * @param table   the architecture's syscall numbers, null when unknown
     * @return the activity; {@link ThreadActivity#RUNNING} for a thread in state R
     */
    public static ThreadActivity classify(char state, TaskText.Syscall syscall, SyscallTable table, FutexJudge futex) {
        if (state == 'D') return ThreadActivity.IO; // uninterruptible: disk (or NFS) I/O
        if (syscall != null && syscall.running()) return ThreadActivity.RUNNING;
        if (syscall == null || table == null) {
            if (state == 'R') return ThreadActivity.RUNNING;
            if (state == 'T' || state == 't') return ThreadActivity.OTHER;
            return ThreadActivity.BLOCKED;
        }
        if (syscall.nr() < 0) return ThreadActivity.OTHER;
        return switch (table.kind(syscall.nr())) {
            case FUTEX -> futex.judge(syscall.arg(0));
            case IO -> ThreadActivity.IO;
            case SLEEP -> ThreadActivity.SLEEP;
            // select/pselect6(nfds, readfds, writefds, exceptfds, ...): no fd sets is a sleep (time.sleep before 3.11)
            case SELECT -> syscall.arg(0) == 0 || (syscall.arg(1) == 0 && syscall.arg(2) == 0 && syscall.arg(3) == 0)
                    ? ThreadActivity.SLEEP : ThreadActivity.IO;
            case POLL -> syscall.arg(1) == 0 ? ThreadActivity.SLEEP : ThreadActivity.IO;
            case LOCK_FILE -> ThreadActivity.LOCK;
            case OTHER -> ThreadActivity.OTHER;
        };
    }
}
