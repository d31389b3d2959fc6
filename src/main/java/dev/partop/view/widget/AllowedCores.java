package dev.partop.view.widget;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.CpuLimit;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.partop.view.widget.Format.f;

/**
 * The cores as the views show them under a cgroup or a taskset: the CPUs partop may use with
 * their samples, and the host's other CPUs as dimmed places (partop does not sample them), so
 * "2 of 64" reads at a glance; and the "of N cores" figure, which is what is allowed.
 */
final class AllowedCores {

    private AllowedCores() {
    }

    static CpuLimit limit(ViewState v) {
        RunHeader h = v == null ? null : v.header();
        return h == null || h.machine() == null ? null : h.machine().limit();
    }

    /**
     * The snapshot's cores plus an empty sample for every host CPU outside the allowed set, in
     * CPU order; just the snapshot's cores (in topology order) when none is outside.
     */
    static List<CoreSample> shown(Snapshot s, CpuLimit limit) {
        List<CoreSample> cores = new ArrayList<>(s.cores());
        Set<Integer> sampled = new HashSet<>();
        for (CoreSample c : cores) sampled.add(c.cpu());
        boolean outside = false;
        if (limit != null && limit.allowed().size() < limit.hostCpus() && limit.hostCpus() <= 4096) {
            for (int cpu = 0; cpu < limit.hostCpus(); cpu++) {
                if (limit.allows(cpu) || sampled.contains(cpu)) continue;
                cores.add(new CoreSample(cpu, -1, -1, 0, 0, 0, 0));
                outside = true;
            }
        }
        cores.sort(outside ? Comparator.comparingInt(CoreSample::cpu)
                : Comparator.comparingInt(CoreSample::pkg).thenComparingInt(CoreSample::core)
                .thenComparingInt(CoreSample::cpu));
        return cores;
    }

    /** A place for a CPU partop may not use (see {@link #shown}). */
    static boolean outside(CoreSample c) {
        return c.core() == -1 && c.pkg() == -1;
    }

    /** "of 2 cores", or under a limit "of 0.5 allowed cores". */
    static String of(Snapshot s, CpuLimit limit) {
        if (limit != null && limit.limited()) return "of " + CpuLimit.coresNoun(limit.allowedCores(), "allowed");
        return f("of %d cores", s.cores().size());
    }
}
