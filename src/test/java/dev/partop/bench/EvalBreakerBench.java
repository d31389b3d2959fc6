package dev.partop.bench;

import dev.partop.model.Lane;
import dev.partop.model.lock.NewGil;
import dev.partop.work.CpuKernel;
import dev.partop.work.EvalBreaker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the interpreter lock costs a thread that holds it alone: the CPU kernel with no
 * eval-breaker check, with the cancellation check only, and with the GIL's check (cancel +
 * drop request) on an uncontended lock. Run with scripts/bench/jmh-eval-breaker.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvalBreakerBench {

    private static final long OPS = 1 << 20;

    private volatile boolean cancelled;
    private EvalBreaker cancel;
    private EvalBreaker gil;
    private NewGil lock;
    private Lane lane;

    @Setup
    public void setUp() {
        cancel = () -> {
            if (cancelled) throw new IllegalStateException();
        };
        lock = new NewGil(0, 5_000_000, null);
        lane = new Lane(0, "T1");
        lock.take(lane);
        gil = lock.breaker(lane, cancel);
    }

    @TearDown
    public void tearDown() {
        lock.drop(lane, false);
    }

    @Benchmark
    public long noCheck() {
        return CpuKernel.run(OPS, 1, EvalBreaker.NONE);
    }

    @Benchmark
    public long cancelCheck() {
        return CpuKernel.run(OPS, 1, cancel);
    }

    @Benchmark
    public long uncontendedGil() {
        return CpuKernel.run(OPS, 1, gil);
    }
}
