package dev.partop.sink;

import dev.partop.snapshot.Snapshot;

import java.util.List;

/** A sink that can redraw from an earlier position, when a replay steps back. */
public interface Rewindable {

    /** Forget what was shown; these Snapshots, in order, are the past up to now. */
    void rewind(List<Snapshot> upToNow);
}
