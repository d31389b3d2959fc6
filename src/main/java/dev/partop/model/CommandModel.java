package dev.partop.model;

import dev.partop.snapshot.LaneState;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real program ({@code command: python3 demo.py}), measured from outside: one lane per
 * process of its tree, found by polling every 100 ms; a lane's CPU is what the OS says that
 * process used. The phase's one task is the program; it fails when the program exits non-zero.
 * The program's output is discarded (it would scribble over the dashboard) and its stdin is
 * empty.
 */
public final class CommandModel implements ExecutionModel {

    private static final long POLL_MS = 100;

    private final List<String> command;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private final Map<Long, ProcessLane> byPid = new LinkedHashMap<>();
    private volatile Process process;
    private volatile boolean cancelled;

    /** One process of the tree and what the poller last saw of it. */
    private static final class ProcessLane {
        final ProcessHandle handle;
        final Lane lane;
        volatile long cpu;

        ProcessLane(ProcessHandle handle, Lane lane) {
            this.handle = handle;
            this.lane = lane;
        }
    }

    public CommandModel(PhaseContext ctx) {
        this.command = ctx.phase().command();
    }

    @Override
    public List<Lane> lanes() {
        return lanes;
    }

    @Override
    public void run() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
        process = p;
        ChildProcesses.register(p);
        try {
            if (cancelled) p.destroy();
            while (!p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) poll(p.toHandle());
            poll(p.toHandle());
            if (!cancelled && p.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' exited with code " + p.exitValue());
            }
            if (!lanes.isEmpty()) lanes.get(0).taskDone();
        } finally {
            for (ProcessLane pl : byPid.values()) pl.lane.enter(LaneState.DONE);
            ChildProcesses.unregister(p);
        }
    }

    /** Adds lanes for new processes of the tree and updates every lane's state and CPU. */
    private void poll(ProcessHandle root) {
        track(root);
        root.descendants().forEach(this::track);
        for (ProcessLane pl : byPid.values()) {
            if (!pl.handle.isAlive()) {
                if (pl.lane.state() != LaneState.DONE) pl.lane.enter(LaneState.DONE);
                continue;
            }
            long cpu = pl.handle.info().totalCpuDuration().map(Duration::toNanos).orElse(pl.cpu);
            LaneState now = cpu > pl.cpu ? LaneState.RUNNING : LaneState.IDLE;
            pl.cpu = Math.max(pl.cpu, cpu);
            if (pl.lane.state() != now) pl.lane.enter(now);
        }
    }

    private void track(ProcessHandle h) {
        if (byPid.containsKey(h.pid()) || lanes.size() >= 256) return;
        String name = h.info().command().map(c -> c.substring(c.lastIndexOf('/') + 1)).orElse("process");
        Lane lane = new Lane(lanes.size(), name + " " + h.pid());
        ProcessLane pl = new ProcessLane(h, lane);
        // the OS keeps no CPU time for a process that is gone: keep the last reading
        lane.cpuSource(() -> pl.handle.isAlive()
                ? Math.max(pl.cpu, pl.handle.info().totalCpuDuration().map(Duration::toNanos).orElse(pl.cpu))
                : pl.cpu);
        byPid.put(h.pid(), pl);
        lanes.add(lane);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Process p = process;
        if (p != null) ChildProcesses.destroyTree(p.toHandle());
    }

    @Override
    public void close() {
        Process p = process;
        if (p != null && p.isAlive()) ChildProcesses.destroyTree(p.toHandle());
    }
}
