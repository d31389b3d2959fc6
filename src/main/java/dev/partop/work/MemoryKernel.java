package dev.partop.work;

/**
 * Memory-bound work: streams over an array larger than the caches, so the thread waits on
 * DRAM rather than the ALU. Each thread uses its own 64 MiB buffer, made once.
 */
public final class MemoryKernel {

    private static final int BUFFER_LONGS = 8 << 20; // 64 MiB

    private static final ThreadLocal<long[]> BUFFER = ThreadLocal.withInitial(() -> new long[BUFFER_LONGS]);

    private MemoryKernel() {
    }

    /** Reads and writes {@code bytes} bytes, checking {@code breaker} every 8 KiB. */
    public static long stream(long bytes, EvalBreaker breaker) {
        long[] a = BUFFER.get();
        long words = bytes / 8;
        long acc = 0;
        int pos = 0;
        for (long done = 0; done < words; ) {
            int chunk = (int) Math.min(1024, words - done);
            if (pos + chunk > a.length) pos = 0;
            for (int i = pos; i < pos + chunk; i++) {
                acc += a[i];
                a[i] = acc;
            }
            pos += chunk;
            done += chunk;
            breaker.check();
        }
        return acc;
    }
}
