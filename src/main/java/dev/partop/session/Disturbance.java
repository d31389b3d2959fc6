package dev.partop.session;

import dev.partop.model.ExecutionModel;
import dev.partop.model.Lane;
import dev.partop.probe.MachineCpu;

/**
 * How much of the machine other programs took while a phase ran: the machine's busy CPU
 * less partop's whole process (the phase's threads included) less the phase's child
 * processes (workers, a command's tree). Read at the phase's start and end.
 */
final class Disturbance {

    /**
     * Below this many cores of other programs' CPU, on average, a phase is not flagged: a
     * tenth of a core is 5 % of a 2-core machine, the size of the differences the demos show
     * (parallelism 0.97 against 1.00, 1.90x against 1.96x); below it, the three 10 ms-tick
     * counters this is made of cannot tell it from rounding over a one-second phase.
     */
    static final double THRESHOLD_CORES = 0.1;

    private final MachineCpu machine;
    private final double busy0;
    private final long process0;
    private final long children0;

    private Disturbance(MachineCpu machine, ExecutionModel model) {
        this.machine = machine;
        this.busy0 = machine.busySeconds();
        this.process0 = SelfMeter.processCpuNanos();
        this.children0 = childCpu(model);
    }

    /** Starts counting now; null where the machine's counters cannot be read. */
    static Disturbance start(MachineCpu machine, ExecutionModel model) {
        if (machine == null || machine.cpus() == 0 || SelfMeter.processCpuNanos() < 0) return null;
        return new Disturbance(machine, model);
    }

    /** What other programs took: cores on average, and whether that changes the result. */
    record Finding(double otherCores, boolean disturbed) {
    }

    /** Ends counting over {@code wallS}; call before the model closes (its workers still count). */
    Finding finish(ExecutionModel model, double wallS) {
        if (wallS <= 0) return new Finding(0, false);
        double busy = machine.busySeconds() - busy0;
        double process = (SelfMeter.processCpuNanos() - process0) / 1e9;
        double children = (childCpu(model) - children0) / 1e9;
        double others = Math.max(0, busy - process - children) / wallS;
        return new Finding(others, disturbed(others, busy / wallS, machine.cpus()));
    }

    /**
     * Whether other programs took enough to change the result: at least {@link #THRESHOLD_CORES}
     * and more than the machine had left idle (while some of the machine stood idle, what
     * the others took was not taken from the phase).
     */
    static boolean disturbed(double otherCores, double busyCores, int cpus) {
        double idle = Math.max(0, cpus - busyCores);
        return otherCores >= THRESHOLD_CORES && otherCores > idle;
    }

    private static long childCpu(ExecutionModel model) {
        long sum = 0;
        if (model != null) for (Lane lane : model.lanes()) sum += lane.childCpuNanos();
        return sum;
    }
}
