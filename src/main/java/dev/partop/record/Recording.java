package dev.partop.record;

import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

import java.util.List;

/**
 * A data recording read back: what ran, on what machine, and every Snapshot in order.
 *
 * @param truncated true when the last line was cut off (the run was killed mid-write)
 */
public record Recording(RunHeader header, List<Snapshot> snapshots, boolean truncated) {

    /** The results as the last Snapshot had them (final speed-ups when the run finished). */
    public List<PhaseResult> results() {
        return snapshots.isEmpty() ? List.of() : snapshots.get(snapshots.size() - 1).results();
    }
}
