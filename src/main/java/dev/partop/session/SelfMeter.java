package dev.partop.session;

import dev.partop.snapshot.SelfStats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What partop itself costs: the CPU of its own threads (sampler, dashboard) and, when a
 * dashboard draws, its frames and terminal bytes. Read once per tick by the sampler.
 */
public final class SelfMeter {

    /** Counters a drawing consumer exposes: frames drawn and terminal bytes written so far. */
    public interface DrawStats {
        long frames();

        long bytes();
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile DrawStats draw;
    private long lastCpu = -1;
    private long lastFrames;
    private long lastBytes;
    private long lastNanos;

    /** Counts {@code t}'s CPU as partop's own. */
    public void register(Thread t) {
        threads.add(t);
    }

    public void drawStats(DrawStats stats) {
        draw = stats;
    }

    /** Cost since the previous call. Called by the sampler thread only. */
    public synchronized SelfStats sample() {
        long now = System.nanoTime();
        long cpu = 0;
        for (Thread t : threads) {
            long c = MX.getThreadCpuTime(t.getId());
            if (c > 0) cpu += c;
        }
        DrawStats d = draw;
        long frames = d == null ? 0 : d.frames();
        long bytes = d == null ? 0 : d.bytes();
        SelfStats out = SelfStats.NONE;
        if (lastCpu >= 0 && now > lastNanos) {
            double dt = (now - lastNanos) / 1e9;
            out = new SelfStats(Math.max(0, (cpu - lastCpu) / 1e9 / dt), (frames - lastFrames) / dt,
                    (bytes - lastBytes) / dt);
        }
        lastCpu = cpu;
        lastFrames = frames;
        lastBytes = bytes;
        lastNanos = now;
        return out;
    }
}
