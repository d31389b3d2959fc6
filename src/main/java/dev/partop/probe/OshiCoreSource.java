package dev.partop.probe;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.Machine;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.LogicalProcessor;
import oshi.hardware.CentralProcessor.TickType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Real per-core busy time from the OS tick counters (on Linux {@code /proc/stat}), read
 * through OSHI. Inside a container {@code /proc/stat} lists the host's CPUs: only the CPUs
 * this process may run on ({@link AllowedCpus}) are reported.
 */
public final class OshiCoreSource implements CoreSource {

    private static final int USER = TickType.USER.getIndex();
    private static final int NICE = TickType.NICE.getIndex();
    private static final int SYSTEM = TickType.SYSTEM.getIndex();
    private static final int IDLE = TickType.IDLE.getIndex();
    private static final int IOWAIT = TickType.IOWAIT.getIndex();
    private static final int IRQ = TickType.IRQ.getIndex();
    private static final int SOFTIRQ = TickType.SOFTIRQ.getIndex();
    private static final int STEAL = TickType.STEAL.getIndex();

    private final CentralProcessor cpu;
    private final Machine machine;
    /** Index into OSHI's per-processor arrays for each reported CPU. */
    private final int[] rows;
    private long[][] previous;
    private final boolean frequencyKnown;
    /**
     * Frequencies cost a file read per CPU, or where there is no cpufreq (VMs) a parse of
     * all of /proc/cpuinfo: 0.7 ms here, more than the busy counters themselves. Read them
     * this often, whatever the sampling rate.
     */
    private static final long FREQ_EVERY_NANOS = 5_000_000_000L;
    private long[] lastFreq;
    private long lastFreqNanos;

    public OshiCoreSource() {
        // a cached reading would make fast sampling read 0 %
        System.setProperty("oshi.util.memoizer.expiration", "0");
        cpu = new SystemInfo().getHardware().getProcessor();
        List<LogicalProcessor> all = cpu.getLogicalProcessors();
        Set<Integer> allowed = AllowedCpus.read();
        List<Machine.Cpu> topology = new ArrayList<>();
        List<Integer> rowList = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            LogicalProcessor lp = all.get(i);
            if (allowed != null && !allowed.contains(lp.getProcessorNumber())) continue;
            rowList.add(i);
            topology.add(new Machine.Cpu(lp.getProcessorNumber(), coreId(lp), lp.getPhysicalPackageNumber()));
        }
        rows = rowList.stream().mapToInt(Integer::intValue).toArray();
        Set<Integer> cores = new HashSet<>();
        Set<Integer> packages = new HashSet<>();
        for (Machine.Cpu c : topology) {
            cores.add(c.core());
            packages.add(c.pkg());
        }
        long maxFreq = cpu.getMaxFreq();
        long[] freq = cpu.getCurrentFreq();
        frequencyKnown = freq.length == all.size() && freq[0] > 0;
        lastFreq = freq;
        lastFreqNanos = System.nanoTime();
        machine = new Machine(cpu.getProcessorIdentifier().getName().trim(), topology.size(), cores.size(),
                packages.size(), maxFreq > 0 ? maxFreq / 1_000_000 : 0, Collections.unmodifiableList(topology));
        previous = cpu.getProcessorCpuLoadTicks();
    }

    /** A core id unique across packages, so SMT siblings share it and other cores don't. */
    private static int coreId(LogicalProcessor lp) {
        return lp.getPhysicalPackageNumber() * 65536 + lp.getPhysicalProcessorNumber();
    }

    @Override
    public Machine machine() {
        return machine;
    }

    @Override
    public List<CoreSample> sample() {
        long[][] now = cpu.getProcessorCpuLoadTicks();
        long t = System.nanoTime();
        if (frequencyKnown && (lastFreq == null || t - lastFreqNanos >= FREQ_EVERY_NANOS)) {
            lastFreq = cpu.getCurrentFreq();
            lastFreqNanos = t;
        }
        long[] freq = frequencyKnown ? lastFreq : null;
        List<CoreSample> out = new ArrayList<>(rows.length);
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            Machine.Cpu c = machine.topology().get(k);
            long[] a = previous[i];
            long[] b = now[i];
            long user = d(a, b, USER) + d(a, b, NICE);
            long system = d(a, b, SYSTEM) + d(a, b, IRQ) + d(a, b, SOFTIRQ);
            long iowait = d(a, b, IOWAIT);
            long total = user + system + iowait + d(a, b, IDLE) + d(a, b, STEAL);
            long mhz = freq != null && i < freq.length ? freq[i] / 1_000_000 : 0;
            if (total <= 0) {
                out.add(new CoreSample(c.cpu(), c.core(), c.pkg(), 0, 0, 0, mhz));
            } else {
                out.add(new CoreSample(c.cpu(), c.core(), c.pkg(), (double) user / total, (double) system / total,
                        (double) iowait / total, mhz));
            }
        }
        previous = now;
        return out;
    }

    private static long d(long[] a, long[] b, int idx) {
        return Math.max(0, b[idx] - a[idx]);
    }
}
