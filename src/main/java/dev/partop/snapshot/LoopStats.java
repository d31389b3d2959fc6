package dev.partop.snapshot;

/**
 * Event-loop counters.
 *
 * @param iterations loop iterations
 * @param lagMsMean  mean time a ready task waited for the loop
 * @param lagMsMax   longest such wait
 * @param ready      ready-queue length at the time of the sample
 */
public record LoopStats(long iterations, double lagMsMean, double lagMsMax, int ready) {
}
