package dev.partop.session;

import dev.partop.scenario.GilPolicy;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Workload;

import java.time.Duration;

/** A phase's model settings in a few words, for headers and tables: "8 threads, switch 5ms". */
final class PhaseSettings {

    private PhaseSettings() {
    }

    static String describe(Phase p) {
        StringBuilder s = new StringBuilder();
        switch (p.model()) {
            case SEQUENTIAL -> s.append("1 thread");
            case GIL_THREADS -> s.append(n(p.threads(), "thread")).append(", switch ").append(ms(p.switchInterval()))
                    .append(p.gilPolicy() == GilPolicy.LEGACY ? ", legacy GIL" : "");
            case FREE_THREADS -> {
                s.append(n(p.threads(), "thread"));
                double cs = p.workloads().stream().mapToDouble(Workload::criticalSection).max().orElse(0);
                if (cs > 0) s.append(", ").append(Math.round(cs * 100)).append("% critical");
            }
            case INTERPRETERS -> s.append(n(p.threads(), "thread")).append(", ").append(n(p.interpreters(), "interpreter"));
            case PROCESSES -> s.append(n(p.workers(), "worker")).append(", ").append(p.start().keyword());
            case EVENT_LOOP -> s.append("1 loop thread");
            case COMMAND -> s.append(String.join(" ", p.command())).append(", ")
                    .append(dev.partop.model.ObservedTree.SAMPLING.describe());
            case WATCH -> {
                s.append("pid ").append(String.join(", ", p.command())).append(", ")
                        .append(dev.partop.model.ObservedTree.SAMPLING.describe());
                return s.toString();
            }
            default -> s.append(p.model().keyword());
        }
        s.append(", ").append(p.totalTasks()).append(p.totalTasks() == 1 ? " task" : " tasks");
        return s.toString();
    }

    /** "1 thread", "8 threads". */
    private static String n(long count, String word) {
        return count + " " + (count == 1 ? word : word + "s");
    }

    private static String ms(Duration d) {
        long us = d.toNanos() / 1000;
        if (us % 1000 == 0) return (us / 1000) + "ms";
        return us + "us";
    }
}
