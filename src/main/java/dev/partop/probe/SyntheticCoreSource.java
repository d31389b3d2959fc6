package dev.partop.probe;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.Machine;

import java.util.ArrayList;
import java.util.List;

/**
 * A machine of any size that does not exist: {@code cores} logical CPUs, two per physical
 * core, 64 physical cores per package, with a deterministic busy pattern (a wave that moves
 * across the cores). Lets tests and demos draw 256 cores on a 2-core machine.
 */
public final class SyntheticCoreSource implements CoreSource {

    private final Machine machine;
    private long tick;
    private long sinceNanos = System.nanoTime();

    public SyntheticCoreSource(int cores) {
        if (cores < 1) throw new IllegalArgumentException("cores must be at least 1");
        List<Machine.Cpu> topology = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            int core = i / 2;
            topology.add(new Machine.Cpu(i, core, core / 64));
        }
        int physical = (cores + 1) / 2;
        machine = new Machine("synthetic " + cores + "-CPU machine", cores, physical, (physical + 63) / 64, 3000,
                List.copyOf(topology));
    }

    @Override
    public Machine machine() {
        return machine;
    }

    @Override
    public long sinceNanos() {
        return sinceNanos;
    }

    @Override
    public List<CoreSample> sample() {
        tick++;
        sinceNanos = System.nanoTime();
        List<CoreSample> out = new ArrayList<>();
        int n = machine.logical();
        for (Machine.Cpu c : machine.topology()) {
            double phase = 2 * Math.PI * (c.cpu() + tick) / Math.max(4, n);
            double busy = 0.5 + 0.45 * Math.sin(phase);
            out.add(new CoreSample(c.cpu(), c.core(), c.pkg(), busy * 0.85, busy * 0.15, 0.0, 2400 + (c.cpu() % 8) * 100));
        }
        return out;
    }
}
