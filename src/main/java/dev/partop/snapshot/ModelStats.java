package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A phase's model counters, cumulative since the phase started. Each part is null where the
 * model has nothing of that kind. {@code gils}: the real GILs of a real program's CPython
 * processes (a {@code command} phase, {@code watch}), one per process, null elsewhere.
 */
public record ModelStats(LockStats lock, IoStats io, ProcessStats processes, LoopStats loop,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<ObservedGil> gils) {

    public static final ModelStats NONE = new ModelStats(null, null, null, null, null);

    public ModelStats(LockStats lock, IoStats io, ProcessStats processes, LoopStats loop) {
        this(lock, io, processes, loop, null);
    }
}
