package dev.partop.probe;

import dev.partop.util.Daemons;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.Machine;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.LogicalProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.util.driver.linux.proc.CpuStat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Real per-core busy time from the OS tick counters (on Linux {@code /proc/stat}), read
 * through OSHI. Inside a container {@code /proc/stat} lists the host's CPUs: only the CPUs
 * this process may run on ({@link AllowedCpus}) are reported.
 * <p>
 * OSHI needs a quarter of a second (JNA, udev, /proc/cpuinfo) to learn the processor's
 * topology, model and frequencies, most of partop's start-up budget. On Linux this source is
 * ready at once: it reads the counters with OSHI's own /proc/stat reader (the one OSHI samples
 * with), numbers the CPUs by their row, and learns the rest on a daemon thread; samples carry
 * the real core and package ids as soon as they are known, and {@link #machine()} waits for
 * them. Elsewhere everything is learnt up front.
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
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");
    /** Rows for the first reading, before the CPUs are counted: more than any machine has. */
    private static final int FIRST_ROWS = 8192;
    /**
     * Frequencies cost a file read per CPU, or where there is no cpufreq (VMs) a parse of
     * all of /proc/cpuinfo: 0.7 ms here, more than the busy counters themselves. Read them
     * this often, whatever the sampling rate.
     */
    private static final long FREQ_EVERY_NANOS = 5_000_000_000L;

    /** What OSHI learnt about the processor, and which of its rows this process may use. */
    private record Layout(CentralProcessor cpu, Machine machine, int[] rows, boolean frequencyKnown) {
    }

    /** Linux: the number of CPU rows in /proc/stat; elsewhere 0. */
    private final int statRows;
    /** Until OSHI is done: every allowed row, numbered by its position. */
    private final Layout provisional;
    /** Started by the first sample or {@link #machine()}: not while the JVM is still starting partop. */
    private volatile CompletableFuture<Layout> layout;
    private final ProcStatTicks stat = new ProcStatTicks(java.nio.file.Path.of("/proc/stat"));
    private long[][] previous;
    private long sinceNanos;
    private long samples;
    private long[] lastFreq;
    private long lastFreqNanos;

    public OshiCoreSource() {
        // a cached reading would make fast sampling read 0 %
        System.setProperty("oshi.util.memoizer.expiration", "0");
        sinceNanos = System.nanoTime();
        if (LINUX) {
            previous = CpuStat.getProcessorCpuLoadTicks(FIRST_ROWS);
            statRows = countRows(previous);
            provisional = numberedByRow(statRows, AllowedCpus.read());
        } else {
            statRows = 0;
            provisional = null;
            layout = CompletableFuture.completedFuture(learn());
            previous = layout.join().cpu().getProcessorCpuLoadTicks();
        }
    }

    /** Rows that ever counted a tick: the ones past the last CPU are all zero. */
    private static int countRows(long[][] ticks) {
        int n = 0;
        for (int i = 0; i < ticks.length; i++) {
            for (long t : ticks[i]) {
                if (t != 0) {
                    n = i + 1;
                    break;
                }
            }
        }
        return n;
    }

    private static Layout numberedByRow(int n, Set<Integer> allowed) {
        List<Machine.Cpu> topology = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (allowed != null && !allowed.contains(i)) continue;
            rows.add(i);
            topology.add(new Machine.Cpu(i, i, 0));
        }
        Machine m = new Machine("", topology.size(), topology.size(), 1, 0, List.copyOf(topology), CpuLimitProbe.self());
        return new Layout(null, m, rows.stream().mapToInt(Integer::intValue).toArray(), false);
    }

    /** The slow part: OSHI's processor, its topology, model name and frequencies. */
    private static Layout learn() {
        CentralProcessor cpu = new SystemInfo().getHardware().getProcessor();
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
        Set<Integer> cores = new HashSet<>();
        Set<Integer> packages = new HashSet<>();
        for (Machine.Cpu c : topology) {
            cores.add(c.core());
            packages.add(c.pkg());
        }
        long maxFreq = cpu.getMaxFreq();
        long[] freq = cpu.getCurrentFreq();
        boolean frequencyKnown = freq.length == all.size() && freq.length > 0 && freq[0] > 0;
        Machine machine = new Machine(cpu.getProcessorIdentifier().getName().trim(), topology.size(), cores.size(),
                packages.size(), maxFreq > 0 ? maxFreq / 1_000_000 : 0, Collections.unmodifiableList(topology),
                CpuLimitProbe.self());
        return new Layout(cpu, machine, rowList.stream().mapToInt(Integer::intValue).toArray(), frequencyKnown);
    }

    private static void daemon(Runnable r) {
        Daemons.start("partop-probe-init", r);
    }

    /** A core id unique across packages, so SMT siblings share it and other cores don't. */
    private static int coreId(LogicalProcessor lp) {
        return lp.getPhysicalPackageNumber() * 65536 + lp.getPhysicalProcessorNumber();
    }

    private synchronized CompletableFuture<Layout> layout() {
        if (layout == null) layout = CompletableFuture.supplyAsync(OshiCoreSource::learn, OshiCoreSource::daemon);
        return layout;
    }

    /** The processor as OSHI describes it; waits for OSHI if it is still learning. */
    @Override
    public Machine machine() {
        try {
            return layout().join().machine();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public long sinceNanos() {
        return sinceNanos;
    }

    @Override
    public List<CoreSample> sample() {
        // OSHI starts learning after the first sample, so it does not slow the first frame
        CompletableFuture<Layout> f = samples++ > 0 || provisional == null ? layout() : null;
        Layout l = f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : provisional;
        long[][] now = l.cpu() == null || statRows > 0 ? linuxTicks() : l.cpu().getProcessorCpuLoadTicks();
        long t = System.nanoTime();
        long[] freq = null;
        if (l.frequencyKnown()) {
            if (lastFreq == null || t - lastFreqNanos >= FREQ_EVERY_NANOS) {
                lastFreq = l.cpu().getCurrentFreq();
                lastFreqNanos = t;
            }
            freq = lastFreq;
        }
        List<CoreSample> out = new ArrayList<>(l.rows().length);
        for (int k = 0; k < l.rows().length; k++) {
            int i = l.rows()[k];
            Machine.Cpu c = l.machine().topology().get(k);
            long mhz = freq != null && i < freq.length ? freq[i] / 1_000_000 : 0;
            if (i >= now.length || i >= previous.length) {
                out.add(new CoreSample(c.cpu(), c.core(), c.pkg(), 0, 0, 0, mhz));
                continue;
            }
            long[] a = previous[i];
            long[] b = now[i];
            long user = d(a, b, USER) + d(a, b, NICE);
            long system = d(a, b, SYSTEM) + d(a, b, IRQ) + d(a, b, SOFTIRQ);
            long iowait = d(a, b, IOWAIT);
            long total = user + system + iowait + d(a, b, IDLE) + d(a, b, STEAL);
            if (total <= 0) {
                out.add(new CoreSample(c.cpu(), c.core(), c.pkg(), 0, 0, 0, mhz));
            } else {
                out.add(new CoreSample(c.cpu(), c.core(), c.pkg(), (double) user / total, (double) system / total,
                        (double) iowait / total, mhz));
            }
        }
        previous = now;
        sinceNanos = t;
        return out;
    }

    /** /proc/stat's CPU rows: through a kept-open file, or OSHI's reader if that fails. */
    private long[][] linuxTicks() {
        long[][] t = stat.read(statRows);
        return t != null ? t : CpuStat.getProcessorCpuLoadTicks(statRows);
    }

    private static long d(long[] a, long[] b, int idx) {
        return Math.max(0, b[idx] - a[idx]);
    }
}
