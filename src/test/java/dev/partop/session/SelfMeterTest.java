package dev.partop.session;

import dev.partop.sink.DrawStats;

import dev.partop.snapshot.SelfStats;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SelfMeterTest {

    @Test
    void ratesAreTakenOverAWindowSoTheyDoNotFlickerBetweenTicks() throws Exception {
        SelfMeter meter = new SelfMeter();
        AtomicLong frames = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        meter.drawStats(new DrawStats() {
            public long frames() {
                return frames.get();
            }

            public long bytes() {
                return bytes.get();
            }
        });
        meter.register(Thread.currentThread());
        assertThat(meter.sample()).isEqualTo(SelfStats.NONE);
        for (int i = 1; i <= 8; i++) {
            Thread.sleep(50);
            // a frame every other tick: a per-tick rate would read 0 on every other one
            if (i % 2 == 0) {
                frames.incrementAndGet();
                bytes.addAndGet(1000);
            }
            SelfStats s = meter.sample();
            if (i >= 2) {
                assertThat(s.fps()).as("tick %d", i).isGreaterThan(0);
                assertThat(s.bytesPerSecond()).isGreaterThan(0);
            }
            assertThat(s.cpu()).isBetween(0.0, 1.5);
        }
    }
}
