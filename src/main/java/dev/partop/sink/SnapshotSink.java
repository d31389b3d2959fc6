package dev.partop.sink;

import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

/**
 * A consumer of a run: the dashboard, a headless printer, a recorder. It may be shown
 * previews, then is told the header once, then every Snapshot in order (from the sampler
 * thread: it must return quickly), then {@link #close()} when the run is over.
 */
public interface SnapshotSink extends AutoCloseable {

    default void header(RunHeader header) {
    }

    void snapshot(Snapshot snapshot);

    /**
     * A Snapshot taken before the header, while the work is calibrated: live views show the
     * cores at once; recordings and printers, which begin with the header, ignore it.
     */
    default void preview(Snapshot snapshot) {
    }

    /**
     * Before the measured phases (the run's warm-up, on the session's thread): run what this
     * sink does for each Snapshot often enough that the JIT compiles it now, not during a
     * phase; return within about {@code budgetNanos}. Most sinks do too little to matter.
     */
    default void warmUp(long budgetNanos) {
    }

    @Override
    default void close() {
    }
}
