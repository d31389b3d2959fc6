package dev.partop.work;

/**
 * Called by the CPU kernel every {@link CpuKernel#CHECK_OPS} operations, like CPython's eval
 * breaker: the cheap point where a thread notices a drop request or a cancellation.
 * Implementations must be cheap on the fast path (a volatile read).
 */
@FunctionalInterface
public interface EvalBreaker {

    /** Does nothing. */
    EvalBreaker NONE = () -> { };

    /** May block (hand the lock over) or throw {@link Cancelled}. */
    void check();
}
