package dev.partop.model;

import dev.partop.probe.proc.ProcReader;
import dev.partop.probe.proc.ProcessTreeObserver;
import dev.partop.snapshot.ModelStats;

import java.util.List;

/**
 * A phase whose lanes are real processes' OS threads, observed from outside ({@code command}
 * phases, {@code partop watch}): the observation of the tree, its lanes and counters, and its end.
 * Subclasses say which processes and run or wait for them. The observer's sampler thread is
 * partop's own: the self figure (the whole process less the workload's threads) counts it.
 */
abstract class ObservedModel implements ExecutionModel {

    /** The observed tree; null until {@link #prepare()}. */
    protected volatile ObservedTree tree;

    /** The processes to observe from the start (more can be added as they start). */
    protected abstract List<Long> roots();

    @Override
    public void prepare() {
        // sampling starts before the work does, so its first threads are found at once
        tree = new ObservedTree(ProcessTreeObserver.start(ProcReader.system(), roots(),
                ObservedTree.SAMPLING));
    }

    @Override
    public List<Lane> lanes() {
        ObservedTree t = tree;
        return t == null ? List.of() : t.lanes();
    }

    @Override
    public ModelStats stats(double elapsedS) {
        ObservedTree t = tree;
        return t == null ? ModelStats.NONE : t.stats();
    }

    /** One more discovery marks every thread done; then the files are closed. */
    protected void closeObservation() {
        ObservedTree t = tree;
        if (t != null) t.close();
    }
}
