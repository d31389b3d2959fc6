package dev.partop.work;

/**
 * Real CPU work, counted in operations. One operation is one step of a 64-bit mixing
 * function (an LCG step followed by an xor-shift): a dependent chain the JIT can neither
 * vectorise nor remove, because the result is returned and the caller consumes it.
 */
public final class CpuKernel {

    /** Operations between two eval-breaker checks (CPython checks every few bytecodes). */
    public static final int CHECK_OPS = 1024;

    /** Results go here so the work cannot be optimised away. */
    private static volatile long sink;

    private CpuKernel() {
    }

    /**
     * Runs {@code ops} operations, calling {@code breaker} every {@link #CHECK_OPS}.
     *
     * @return the mixed value (consume it, or call {@link #consume})
     */
    public static long run(long ops, long seed, EvalBreaker breaker) {
        long x = seed | 1;
        long done = 0;
        while (done < ops) {
            long chunk = Math.min(CHECK_OPS, ops - done);
            x = mix(x, chunk);
            done += chunk;
            breaker.check();
        }
        return x;
    }

    /** The inner loop: {@code n} dependent mixing steps. */
    static long mix(long x, long n) {
        for (long i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    /** Publishes a result so the JIT must compute it. */
    public static void consume(long value) {
        sink += value;
    }
}
