package dev.partop.snapshot;

/**
 * A phase's model counters, cumulative since the phase started. Each part is null where the
 * model has nothing of that kind.
 */
public record ModelStats(LockStats lock, IoStats io, ProcessStats processes, LoopStats loop) {

    public static final ModelStats NONE = new ModelStats(null, null, null, null);
}
