package dev.partop.snapshot;

import java.util.List;
import java.util.Locale;

/**
 * What this process may use of the machine's CPUs, as its cgroup (a container, a systemd
 * unit) and its affinity ({@code taskset}) say: the JVM's {@code availableProcessors} rounds
 * this to a whole number and hides the host; partop shows both.
 *
 * @param hostCpus   CPUs the machine has online
 * @param allowed    the CPU numbers this process may run on (cgroup cpuset and affinity), ascending
 * @param quotaCores the cgroup's CPU quota in cores (quota / period, the smallest on the way to
 *                   the root); null where there is none
 * @param cpuset     the cgroup's cpuset as the kernel lists it ({@code 0-1}) where it is
 *                   narrower than the host; null otherwise
 * @param unknown    what could not be read ({@code cpu.max: Is a directory}), so no limit is
 *                   guessed there; null where everything was read
 */
public record CpuLimit(int hostCpus, List<Integer> allowed, Double quotaCores, String cpuset, String unknown) {

    public CpuLimit {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** Cores' worth this process may use: its CPUs, or its quota where that is less. */
    public double allowedCores() {
        double n = allowed.isEmpty() ? hostCpus : allowed.size();
        return quotaCores == null ? n : Math.min(n, quotaCores);
    }

    /** Whether the process may use less than the whole machine. */
    public boolean limited() {
        return allowedCores() < hostCpus;
    }

    /** Whether the process may run on {@code cpu}. */
    public boolean allows(int cpu) {
        return allowed.isEmpty() || allowed.contains(cpu);
    }

    /** "2" or "0.5": cores as few digits as they need. */
    public static String cores(double cores) {
        String s = String.format(Locale.ROOT, "%.2f", cores);
        return s.replaceAll("\\.?0+$", "");
    }

    /** "1 core", "0.5 cores", "2 cores": the count and the noun that goes with it. */
    public static String coresNoun(double cores, String adjective) {
        String n = cores(cores);
        String word = adjective.isEmpty() ? "" : adjective + " ";
        return n + " " + word + (n.equals("1") ? "core" : "cores");
    }

    /**
     * What limits partop, in words: "quota 2 of 64 CPUs", "cpuset 0-1 of 64 CPUs", "CPUs 0 of 2
     * (affinity)", then what could not be read; "" where nothing limits it and all was read.
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (quotaCores != null && quotaCores < hostCpus) b.append("quota ").append(cores(quotaCores));
        if (cpuset != null) b.append(b.length() > 0 ? ", " : "").append("cpuset ").append(cpuset);
        else if (!allowed.isEmpty() && allowed.size() < hostCpus) {
            b.append(b.length() > 0 ? ", " : "").append("affinity ").append(list(allowed));
        }
        if (b.length() > 0) b.append(" of ").append(hostCpus).append(hostCpus == 1 ? " CPU" : " CPUs");
        if (unknown != null) b.append(b.length() > 0 ? "; " : "").append("limit unknown: ").append(unknown);
        return b.toString();
    }

    /** {@code 0-3,8}: a kernel CPU list. */
    public static String list(List<Integer> cpus) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cpus.size(); ) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) j++;
            if (b.length() > 0) b.append(',');
            b.append(cpus.get(i));
            if (j > i) b.append('-').append(cpus.get(j));
            i = j + 1;
        }
        return b.toString();
    }
}
