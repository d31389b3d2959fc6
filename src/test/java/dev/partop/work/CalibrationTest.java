package dev.partop.work;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationTest {

    @Test
    void convertsTimeToOperations() {
        Calibration c = new Calibration(5e8, 1);
        assertThat(c.ops(Duration.ofSeconds(1))).isEqualTo(500_000_000L);
        assertThat(c.ops(Duration.ofMillis(2))).isEqualTo(1_000_000L);
        assertThat(c.ops(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void measuresAPlausibleRateWithinItsBudget() {
        Calibration c = Calibration.measure(Duration.ofMillis(100));
        // a 64-bit multiply-xor chain: between 10 M and 10 G steps per second on any CPU
        assertThat(c.opsPerSecond()).isBetween(1e7, 1e10);
        assertThat(c.tookMs()).isPositive();
    }

    @Test
    void calibratedWorkTakesAboutTheAskedCpuTime() {
        Calibration c = Calibration.measure(Duration.ofMillis(100));
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        CpuKernel.consume(CpuKernel.run(c.ops(Duration.ofMillis(200)), 1, EvalBreaker.NONE));
        double took = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        // CPU time, not wall time: a busy neighbour cannot stretch it; generous for JIT noise
        assertThat(took).isBetween(0.05, 0.8);
    }
}
