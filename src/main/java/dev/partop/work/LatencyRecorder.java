package dev.partop.work;

import dev.partop.snapshot.IoStats;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of a phase's I/O operations: many threads record (wait-free, no allocation), the
 * sampler reads mean, p95 and max once per tick.
 */
public final class LatencyRecorder {

    /**
     * 1 µs to an hour at two significant digits (within 1 %): a fixed 26 KB of counts. The
     * recorder clears its spare histogram on every read, four times a second; at three digits
     * from 1 ns it grew to over 100 KB and that clearing was a third of the sampler's CPU.
     */
    private static final long LOWEST = 1_000;
    private static final long HIGHEST = 3_600_000_000_000L;
    private static final int DIGITS = 2;

    private final Recorder recorder = new Recorder(LOWEST, HIGHEST, DIGITS);
    private final Histogram total = new Histogram(LOWEST, HIGHEST, DIGITS);
    /** Handed back to the recorder each tick, so reading allocates nothing. */
    private Histogram interval;

    public void record(long nanos) {
        recorder.recordValue(Math.min(HIGHEST, Math.max(1, nanos)));
    }

    /** Everything recorded so far. Called from one thread (the sampler). */
    public synchronized IoStats stats() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        long n = total.getTotalCount();
        if (n == 0) return new IoStats(0, 0, 0, 0);
        return new IoStats(n, total.getMean() / 1e6, total.getValueAtPercentile(95) / 1e6, total.getMaxValue() / 1e6);
    }
}
