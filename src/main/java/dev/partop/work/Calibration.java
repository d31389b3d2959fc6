package dev.partop.work;

import java.time.Duration;

/**
 * How many {@link CpuKernel} operations one core does per second on this machine, measured
 * once per run so that {@code cpu: 1s} means about one second of one core in every model.
 *
 * @param opsPerSecond measured rate
 * @param tookMs       how long the measurement took
 */
public record Calibration(double opsPerSecond, double tookMs) {

    /** Operations that take {@code d} of one core's time. */
    public long ops(Duration d) {
        return Math.max(1, Math.round(opsPerSecond * d.toNanos() / 1e9));
    }

    /**
     * Measures the rate: a warm-up so the JIT compiles the kernel, then the best of several
     * short timed runs (the best, because a noisy neighbour only ever makes a run slower).
     * Uses thread CPU time where available, so a busy machine does not inflate the work.
     */
    public static Calibration measure(Duration budget) {
        long start = System.nanoTime();
        long chunk = 1 << 20;
        // warm-up: let C2 compile the loop
        long v = 0;
        for (int i = 0; i < 30; i++) v += CpuKernel.run(chunk, i, EvalBreaker.NONE);
        double best = 0;
        long deadline = start + budget.toNanos();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
        int runs = 0;
        while (runs < 3 || System.nanoTime() < deadline) {
            long c0 = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            v += CpuKernel.run(chunk * 4, runs, EvalBreaker.NONE);
            long t1 = System.nanoTime();
            long c1 = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
            // wall time, unless the thread was clearly descheduled (CPU < 90 % of wall)
            long elapsed = t1 - t0;
            if (cpuTime && c1 - c0 > 0 && c1 - c0 < elapsed * 0.9) elapsed = c1 - c0;
            best = Math.max(best, chunk * 4 * 1e9 / elapsed);
            runs++;
            if (runs > 200) break;
        }
        CpuKernel.consume(v);
        return new Calibration(best, (System.nanoTime() - start) / 1e6);
    }
}
