package dev.partop.probe;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.Machine;

import java.util.List;

/**
 * Per-core busy time. The real one reads the OS through OSHI; a synthetic one stands in for
 * machines of many cores in tests and demos.
 */
public interface CoreSource {

    /** The processors this source reports on, in the order {@link #sample()} returns them. */
    Machine machine();

    /**
     * Busy fractions of every logical CPU since the previous call (the first call covers the
     * time since the source was created). Called from one thread, the sampler.
     */
    List<CoreSample> sample();

    /** When the interval the next {@link #sample()} covers began ({@link System#nanoTime()}). */
    long sinceNanos();
}
