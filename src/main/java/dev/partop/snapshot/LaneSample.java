package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param thread    for a real program's OS thread: who it is and the rest of the tick's split;
 *                  null (and absent in JSON) for the models' lanes. For such a lane, {@code running}
 *                  is on a core, {@code holding} on a core holding the GIL, {@code waiting}
 *                  waiting for the GIL, {@code io} blocked on I/O, {@code idle} before it was found
 *                  or after it ended.
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
        int lock,
        @JsonInclude(JsonInclude.Include.NON_NULL) OsThread thread) {

    /** A model's lane (no OS thread behind it). */
    public LaneSample(int id, String name, LaneState state, double cpu, double running, double holding,
                      double waiting, double io, double idle, long tasksDone, int lock) {
        this(id, name, state, cpu, running, holding, waiting, io, idle, tasksDone, lock, null);
    }
}
