package dev.partop.work;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuKernelTest {

    @Test
    void checksTheBreakerOncePerChunk() {
        AtomicInteger checks = new AtomicInteger();
        CpuKernel.run(CpuKernel.CHECK_OPS * 10L + 1, 7, checks::incrementAndGet);
        assertThat(checks.get()).isEqualTo(11);
    }

    @Test
    void resultDependsOnEveryOperation() {
        assertThat(CpuKernel.run(1000, 1, EvalBreaker.NONE)).isNotEqualTo(CpuKernel.run(1001, 1, EvalBreaker.NONE));
    }

    @Test
    void breakerCanCancel() {
        assertThatThrownBy(() -> CpuKernel.run(1L << 40, 1, () -> {
            throw new Cancelled();
        })).isInstanceOf(Cancelled.class);
    }
}
