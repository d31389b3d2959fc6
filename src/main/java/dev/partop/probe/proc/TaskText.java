package dev.partop.probe.proc;

/**
 * Parsers for the text of a thread's {@code /proc} files, working on the bytes as read (no
 * String per read: the sampler reads thousands a second).
 */
public final class TaskText {

    private TaskText() {
    }

    /** {@code stat}: the state letter and the name, and what the sampler uses of the rest. */
    public record Stat(char state, String comm, long ppid, long utimeTicks, long stimeTicks, int processor) {
    }

    /** {@code schedstat}: nanoseconds on a CPU, nanoseconds waiting on a run queue, time slices. */
    public record Sched(long cpuNs, long waitNs, long slices) {
    }

    /**
     * {@code syscall}: {@code running}; or blocked in syscall {@code nr} with its arguments;
     * or blocked outside a syscall ({@code nr == -1}, e.g. a page fault).
     */
    public record Syscall(boolean running, long nr, long[] args) {
        public static final Syscall RUNNING = new Syscall(true, -1, new long[0]);

        public long arg(int i) {
            return i < args.length ? args[i] : 0;
        }
    }

    public static Stat stat(byte[] b, int len) {
        int open = indexOf(b, len, (byte) '(');
        int close = lastIndexOf(b, len, (byte) ')');
        if (open < 0 || close < open || close + 2 >= len) return null;
        String comm = new String(b, open + 1, close - open - 1, java.nio.charset.StandardCharsets.UTF_8);
        char state = (char) b[close + 2];
        // fields after the state, 1-based as in proc(5): 4 ppid, 14 utime, 15 stime, 39 processor
        long[] f = new long[40];
        int field = 3;
        int i = close + 3;
        while (i < len && field < 39) {
            while (i < len && b[i] == ' ') i++;
            field++;
            long v = 0;
            boolean neg = false;
            if (i < len && b[i] == '-') {
                neg = true;
                i++;
            }
            while (i < len && b[i] >= '0' && b[i] <= '9') v = v * 10 + (b[i++] - '0');
            while (i < len && b[i] != ' ' && b[i] != '\n') i++;
            f[field] = neg ? -v : v;
        }
        return new Stat(state, comm, f[4], f[14], f[15], field >= 39 ? (int) f[39] : -1);
    }

    public static Sched sched(byte[] b, int len) {
        long[] v = new long[3];
        return sched(b, len, v) ? new Sched(v[0], v[1], v[2]) : null;
    }

    /**
     * {@code schedstat} into {@code into[0..2]} (CPU ns, run-queue wait ns, slices) without allocating:
     * the sampler reads it for every thread at every sample. False when the text is not schedstat.
     */
    public static boolean sched(byte[] b, int len, long[] into) {
        int n = 0;
        int i = 0;
        into[2] = 0;
        while (i < len && n < 3) {
            while (i < len && (b[i] == ' ' || b[i] == '\n')) i++;
            if (i >= len) break;
            long x = 0;
            boolean any = false;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                x = x * 10 + (b[i++] - '0');
                any = true;
            }
            if (!any) return false;
            into[n++] = x;
        }
        return n >= 2;
    }

    public static Syscall syscall(byte[] b, int len) {
        if (len >= 7 && b[0] == 'r' && b[1] == 'u' && b[2] == 'n') return Syscall.RUNNING;
        int i = 0;
        boolean neg = false;
        if (i < len && b[i] == '-') {
            neg = true;
            i++;
        }
        long nr = 0;
        boolean any = false;
        while (i < len && b[i] >= '0' && b[i] <= '9') {
            nr = nr * 10 + (b[i++] - '0');
            any = true;
        }
        if (!any) return null;
        if (neg) return new Syscall(false, -1, new long[0]);
        long[] args = new long[6];
        for (int a = 0; a < 6; a++) {
            while (i < len && b[i] == ' ') i++;
            if (i + 1 < len && b[i] == '0' && b[i + 1] == 'x') i += 2;
            long v = 0;
            while (i < len) {
                int d = Character.digit(b[i], 16);
                if (d < 0) break;
                v = (v << 4) | d;
                i++;
            }
            args[a] = v;
        }
        return new Syscall(false, nr, args);
    }

    private static int indexOf(byte[] b, int len, byte c) {
        for (int i = 0; i < len; i++) if (b[i] == c) return i;
        return -1;
    }

    private static int lastIndexOf(byte[] b, int len, byte c) {
        for (int i = len - 1; i >= 0; i--) if (b[i] == c) return i;
        return -1;
    }
}
