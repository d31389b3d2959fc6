package dev.partop.session;

import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseStatus;

import java.util.ArrayList;
import java.util.List;

/** Speed-up of every finished phase against the baseline phase: baseline wall / phase wall. */
public final class Speedups {

    private Speedups() {
    }

    /** Returns {@code results} with speed-ups set where the baseline has finished well. */
    public static List<PhaseResult> apply(List<PhaseResult> results, String baseline) {
        PhaseResult base = null;
        for (PhaseResult r : results) {
            if (r.name().equals(baseline) && r.status() == PhaseStatus.OK && r.wallS() > 0) base = r;
        }
        List<PhaseResult> out = new ArrayList<>(results.size());
        for (PhaseResult r : results) {
            Double s = null;
            if (base != null && r.status() == PhaseStatus.OK && r.wallS() > 0) s = base.wallS() / r.wallS();
            out.add(r.toBuilder().speedup(s).build());
        }
        return List.copyOf(out);
    }
}
