package dev.partop.work;

import dev.partop.scenario.IoKind;
import dev.partop.scenario.IoSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Real loopback round trips: the server's wait is kept to the microsecond, not rounded to a millisecond. */
class IoWorkTest {

    private static long medianNanos(Duration wait) {
        IoSpec io = new IoSpec(IoKind.SOCKET, wait);
        long[] took = new long[31];
        for (int i = 0; i < took.length; i++) took[i] = IoWork.perform(io);
        Arrays.sort(took);
        return took[took.length / 2];
    }

    @Test
    void aShortServerWaitIsNotRoundedUpToAMillisecond() {
        medianNanos(Duration.ZERO); // connect and warm up
        long quarter = medianNanos(Duration.ofNanos(250_000));
        long whole = medianNanos(Duration.ofMillis(1));
        // Thread.sleep(0, 250_000) on Java 17 sleeps a whole millisecond: both would be equal
        assertThat(quarter).isGreaterThanOrEqualTo(250_000L).isLessThan(whole);
        IoWork.closeThreadConnection();
    }
}
