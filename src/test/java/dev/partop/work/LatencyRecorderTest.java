package dev.partop.work;

import dev.partop.snapshot.IoStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyRecorderTest {

    @Test
    void meanP95AndMaxAreWithinOnePercentAcrossReads() {
        LatencyRecorder r = new LatencyRecorder();
        assertThat(r.stats().ops()).isZero();
        for (int i = 1; i <= 100; i++) r.record(i * 100_000L); // 0.1 .. 10 ms
        IoStats first = r.stats();
        r.record(2_000_000_000L); // one 2 s outlier, read in a later tick
        r.record(10); // below the lowest bucket: counted, not lost
        IoStats s = r.stats();
        assertThat(first.ops()).isEqualTo(100);
        assertThat(first.latencyMsMean()).isCloseTo(5.05, within(0.05));
        assertThat(first.latencyMsP95()).isCloseTo(9.5, within(0.1));
        assertThat(first.latencyMsMax()).isCloseTo(10, within(0.1));
        assertThat(s.ops()).isEqualTo(102);
        assertThat(s.latencyMsMax()).isCloseTo(2000, within(20.0));
    }

    @Test
    void valuesBeyondAnHourAreClampedNotThrown() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(Long.MAX_VALUE);
        assertThat(r.stats().latencyMsMax()).isCloseTo(3_600_000, within(36_000.0));
    }
}
