package dev.partop.work;

import dev.partop.snapshot.IoStats;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.LongAdder;

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
    /**
     * Values recorded so far, counted after each is in the recorder: while it has not moved,
     * {@link #stats()} returns what it returned last time. Swapping, clearing and adding up
     * the 26 KB histograms every tick was a fifth of the sampler's CPU in a phase with no I/O
     * at all (JFR, a gil-threads phase, 60 s at 4 Hz).
     */
    private final LongAdder recorded = new LongAdder();
    private long seen;
    private IoStats last = new IoStats(0, 0, 0, 0);

    public void record(long nanos) {
        recorder.recordValue(Math.min(HIGHEST, Math.max(1, nanos)));
        recorded.increment();
    }

    /** Everything recorded so far. Called from one thread (the sampler). */
    public synchronized IoStats stats() {
        long r = recorded.sum();
        if (r == seen) return last;
        seen = r;
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        long n = total.getTotalCount();
        last = n == 0 ? new IoStats(0, 0, 0, 0)
                : new IoStats(n, total.getMean() / 1e6, total.getValueAtPercentile(95) / 1e6, total.getMaxValue() / 1e6);
        return last;
    }
}
