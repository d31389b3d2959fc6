package dev.partop.session;

import dev.partop.sink.DrawStats;

import dev.partop.snapshot.SelfStats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What partop itself costs: the CPU of its own threads (sampler, dashboard) and, when a
 * dashboard draws, its frames and terminal bytes. Read once per tick by the sampler.
 */
public final class SelfMeter {

    /** Counters a drawing consumer exposes: frames drawn and terminal bytes written so far. */
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile DrawStats draw;
    /** Rates are taken over this much of the past. */
    private static final long WINDOW_NANOS = 2_000_000_000L;
    /** Earlier readings: {nanos, cpu nanos, frames, bytes}, oldest first. */
    private final List<long[]> history = new ArrayList<>();

    /** Counts {@code t}'s CPU as partop's own. */
    public void register(Thread t) {
        threads.add(t);
    }

    public void drawStats(DrawStats stats) {
        draw = stats;
    }

    /**
     * Cost over about the last {@link #WINDOW_NANOS}. Frames and samples both come four times
     * a second and drift against each other: per tick the rate read 0 or 8 frames/s at random.
     * Called by the sampler thread only.
     */
    public synchronized SelfStats sample() {
        long now = System.nanoTime();
        long cpu = 0;
        for (Thread t : threads) {
            long c = MX.getThreadCpuTime(t.getId());
            if (c > 0) cpu += c;
        }
        DrawStats d = draw;
        long[] reading = {now, cpu, d == null ? 0 : d.frames(), d == null ? 0 : d.bytes()};
        while (history.size() > 1 && now - history.get(1)[0] >= WINDOW_NANOS) history.remove(0);
        SelfStats out = SelfStats.NONE;
        if (!history.isEmpty() && now > history.get(0)[0]) {
            long[] then = history.get(0);
            double dt = (now - then[0]) / 1e9;
            out = new SelfStats(Math.max(0, (cpu - then[1]) / 1e9 / dt), (reading[2] - then[2]) / dt,
                    (reading[3] - then[3]) / dt);
        }
        history.add(reading);
        return out;
    }
}
