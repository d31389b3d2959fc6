package dev.partop.snapshot;

/**
 * One lane over one tick. The fractions split the tick by state and add up to about 1.
 *
 * @param id        lane number within the phase (0-based)
 * @param name      e.g. {@code T3}, {@code worker 2}, {@code task 17}
 * @param state     state at the end of the tick
 * @param cpu       CPU time used during the tick, as a fraction of one core
 * @param running   fraction of the tick computing without a lock
 * @param holding   fraction holding a lock
 * @param waiting   fraction waiting for a lock
 * @param io        fraction in I/O
 * @param idle      fraction idle, starting or done
 * @param tasksDone tasks this lane finished since the phase started
 * @param lock      which lock the lane uses (interpreter index), -1 for none
 */
public record LaneSample(
        int id,
        String name,
        LaneState state,
        double cpu,
        double running,
        double holding,
        double waiting,
        double io,
        double idle,
        long tasksDone,
        int lock) {
}
