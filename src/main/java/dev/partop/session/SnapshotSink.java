package dev.partop.session;

import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

/**
 * A consumer of a run: the dashboard, a headless printer, a recorder. It is told the header
 * once, then every Snapshot in order (from the sampler thread: it must return quickly), then
 * {@link #close()} when the run is over.
 */
public interface SnapshotSink extends AutoCloseable {

    default void header(RunHeader header) {
    }

    void snapshot(Snapshot snapshot);

    @Override
    default void close() {
    }
}
