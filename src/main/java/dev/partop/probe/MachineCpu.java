package dev.partop.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The machine's busy CPU time so far, read from {@code /proc/stat} (Linux), over the CPUs
 * this process may run on: user, nice, system, irq, softirq and steal (a hypervisor's steal
 * is CPU some other program took too). Read at a phase's start and end to learn how much
 * of the machine other programs used meanwhile.
 */
public final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");
    /** USER_HZ: /proc/stat counts in hundredths of a second on every Linux partop runs on. */
    private static final double TICK_S = 0.01;

    private final Set<Integer> allowed = AllowedCpus.read();
    private final int cpus;

    public MachineCpu() {
        int n = 0;
        for (String line : lines()) if (isCpuRow(line) && counts(line)) n++;
        cpus = n;
    }

    /** CPUs counted; 0 where /proc/stat cannot be read. */
    public int cpus() {
        return cpus;
    }

    /** Busy CPU-seconds over the counted CPUs since boot; NaN where unknown. */
    public double busySeconds() {
        if (cpus == 0) return Double.NaN;
        long ticks = 0;
        for (String line : lines()) {
            if (!isCpuRow(line) || !counts(line)) continue;
            String[] f = line.trim().split("\\s+");
            // cpuN user nice system idle iowait irq softirq steal ...
            for (int i : new int[]{1, 2, 3, 6, 7, 8}) if (i < f.length) ticks += Long.parseLong(f[i]);
        }
        return ticks * TICK_S;
    }

    private static boolean isCpuRow(String line) {
        return line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3));
    }

    private boolean counts(String line) {
        if (allowed == null) return true;
        int end = line.indexOf(' ');
        return allowed.contains(Integer.parseInt(line.substring(3, end)));
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(STAT);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
