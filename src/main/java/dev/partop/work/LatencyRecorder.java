package dev.partop.work;

import dev.partop.snapshot.IoStats;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of a phase's I/O operations: many threads record (wait-free, no allocation), the
 * sampler reads mean, p95 and max once per tick.
 */
public final class LatencyRecorder {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);

    public void record(long nanos) {
        recorder.recordValue(Math.max(1, nanos));
    }

    /** Everything recorded so far. Called from one thread (the sampler). */
    public synchronized IoStats stats() {
        total.add(recorder.getIntervalHistogram());
        long n = total.getTotalCount();
        if (n == 0) return new IoStats(0, 0, 0, 0);
        return new IoStats(n, total.getMean() / 1e6, total.getValueAtPercentile(95) / 1e6, total.getMaxValue() / 1e6);
    }
}
