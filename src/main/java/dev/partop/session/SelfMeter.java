package dev.partop.session;

import dev.partop.sink.DrawStats;

import dev.partop.snapshot.SelfStats;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * What partop itself costs: its whole process's CPU (every thread: sampler, dashboard, JIT
 * compilers, GC, printers) less the CPU of the workload's threads, as top would show it if
 * the workload were not running; and, when a dashboard draws, its frames and terminal bytes.
 * Read once per tick by the sampler.
 *
 * <p>Counting only partop's own named threads read 0.5 % while top showed 1.5–2 %: the JIT
 * compilers and GC are most of a young JVM's cost, and they have no Java thread to ask.
 */
public final class SelfMeter {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
    /** Frames and bytes are rated over this much of the past (they drift against the ticks). */
    private static final long DRAW_WINDOW_NANOS = 2_000_000_000L;
    /**
     * CPU is rated over this much: the process's CPU time comes in Linux's 10 ms ticks, so one
     * tick over 10 s is 0.1 % of a core, inside the 0.2 % that top and partop must agree to.
     */
    private static final long CPU_WINDOW_NANOS = 10_000_000_000L;

    private volatile Thread sampler;
    private volatile Thread render;
    private volatile DrawStats draw;
    private volatile LongSupplier workloadCpu = () -> 0;
    /** Earlier readings: {nanos, process-minus-workload cpu, sampler cpu, render cpu, frames, bytes}, oldest first. */
    private final Deque<long[]> history = new ArrayDeque<>();

    /** Counts {@code t} as the dashboard's render thread (its CPU is part of the total either way). */
    public void register(Thread t) {
        render = t;
    }

    void registerSampler(Thread t) {
        sampler = t;
    }

    /** Where the workload's CPU comes from: nanoseconds used so far by threads of this process that ran it. */
    void workloadCpu(LongSupplier nanos) {
        workloadCpu = nanos;
    }

    public void drawStats(DrawStats stats) {
        draw = stats;
    }

    /** The whole process's CPU time so far in nanoseconds (every thread, living or gone), or -1. */
    static long processCpuNanos() {
        if (OS instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
        return -1;
    }

    private static long threadCpu(Thread t) {
        if (t == null) return 0;
        long c = MX.getThreadCpuTime(t.getId());
        return Math.max(0, c);
    }

    /**
     * Cost over about the last {@link #CPU_WINDOW_NANOS} (CPU) and {@link #DRAW_WINDOW_NANOS}
     * (frames, bytes). Called by the sampler thread only.
     */
    public synchronized SelfStats sample() {
        long now = System.nanoTime();
        long samplerCpu = threadCpu(sampler);
        long renderCpu = threadCpu(render);
        long process = processCpuNanos();
        // without the process's figure (not HotSpot), what we can see: our own threads
        long own = process >= 0 ? process - workloadCpu.getAsLong() : samplerCpu + renderCpu;
        DrawStats d = draw;
        long[] reading = {now, own, samplerCpu, renderCpu, d == null ? 0 : d.frames(), d == null ? 0 : d.bytes()};
        while (history.size() > 1 && now - secondOldest()[0] >= CPU_WINDOW_NANOS) history.removeFirst();
        SelfStats out = SelfStats.NONE;
        if (!history.isEmpty() && now > history.peekFirst()[0]) {
            long[] then = history.peekFirst();
            double dt = (now - then[0]) / 1e9;
            long[] recent = then;
            for (long[] r : history) {
                if (now - r[0] < DRAW_WINDOW_NANOS) break;
                recent = r;
            }
            double drawDt = (now - recent[0]) / 1e9;
            out = new SelfStats(rate(own - then[1], dt), (reading[4] - recent[4]) / drawDt,
                    (reading[5] - recent[5]) / drawDt, rate(samplerCpu - then[2], dt), rate(renderCpu - then[3], dt));
        }
        history.addLast(reading);
        return out;
    }

    private long[] secondOldest() {
        var it = history.iterator();
        it.next();
        return it.next();
    }

    private static double rate(long nanos, double seconds) {
        return Math.max(0, nanos / 1e9 / seconds);
    }
}
