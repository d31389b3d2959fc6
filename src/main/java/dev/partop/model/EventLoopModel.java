package dev.partop.model;

import dev.partop.scenario.IoKind;
import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.LoopStats;
import dev.partop.snapshot.ModelStats;
import dev.partop.work.Cancelled;
import dev.partop.work.CpuKernel;
import dev.partop.work.EvalBreaker;
import dev.partop.work.LatencyRecorder;
import dev.partop.work.LoopbackServer;
import dev.partop.work.MemoryKernel;
import dev.partop.work.TaskPlan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * asyncio: one thread runs every task cooperatively. A task computes without interruption
 * until its next I/O wait, then yields; the loop overlaps the waits (a timer queue for
 * sleeps, a selector for loopback sockets) and resumes tasks as they become ready. Loop lag,
 * how long a ready task waited for the loop, shows a CPU-heavy task stalling everyone.
 *
 * <p>Lanes: the loop thread first (its CPU is the phase's), then one per task, up to
 * {@link #MAX_TASK_LANES}; a task lane is RUNNING while the loop runs it, IO while it waits,
 * IDLE while ready but not yet resumed.
 */
public final class EventLoopModel implements ExecutionModel {

    static final int MAX_TASK_LANES = 256;

    /** One task's progress through its rounds. */
    private static final class Coroutine {
        final TaskPlan task;
        final Lane lane;
        int round;
        long readySince;
        long deadline;
        long ioStart;
        SocketChannel channel;

        Coroutine(TaskPlan task, Lane lane) {
            this.task = task;
            this.lane = lane;
        }
    }

    private final PhaseContext ctx;
    private final Lane loopLane = new Lane(0, "loop");
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Coroutine> coroutines = new ArrayList<>();
    private final LatencyRecorder lag = new LatencyRecorder();
    private final LatencyRecorder io = new LatencyRecorder();
    private volatile long iterations;
    private volatile int readyNow;
    private volatile boolean cancelled;
    private volatile Selector selector;
    private final EvalBreaker cancelCheck = () -> {
        if (cancelled) throw new Cancelled();
    };

    public EventLoopModel(PhaseContext ctx) {
        this.ctx = ctx;
        lanes.add(loopLane);
        for (TaskPlan t : ctx.tasks()) {
            Lane lane = t.id() < MAX_TASK_LANES ? new Lane(lanes.size(), "task " + (t.id() + 1)) : null;
            if (lane != null) lanes.add(lane);
            coroutines.add(new Coroutine(t, lane));
        }
    }

    @Override
    public List<Lane> lanes() {
        return lanes;
    }

    @Override
    public void run() throws Exception {
        loopLane.bindCurrentThread();
        try (Selector sel = Selector.open()) {
            selector = sel;
            loop(sel);
        } catch (Cancelled e) {
            // skipped or timed out
        } finally {
            for (Coroutine c : coroutines) {
                if (c.channel != null) c.channel.close();
            }
            loopLane.finishCurrentThread();
        }
    }

    private void loop(Selector sel) throws IOException {
        ArrayDeque<Coroutine> ready = new ArrayDeque<>();
        PriorityQueue<Coroutine> timers = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));
        long now = System.nanoTime();
        for (Coroutine c : coroutines) {
            c.readySince = now;
            ready.add(c);
        }
        int pending = coroutines.size();
        while (pending > 0) {
            if (cancelled) throw new Cancelled();
            iterations++;
            // wait for I/O or the next timer, unless something is ready already
            long timeout = 0;
            if (ready.isEmpty()) {
                timeout = timers.isEmpty() ? 100 : Math.max(1, (timers.peek().deadline - System.nanoTime() + 999_999) / 1_000_000);
                loopLane.enter(LaneState.IDLE);
                sel.select(timeout);
            } else {
                sel.selectNow();
            }
            now = System.nanoTime();
            for (SelectionKey key : sel.selectedKeys()) {
                Coroutine c = (Coroutine) key.attachment();
                ByteBuffer one = ByteBuffer.allocate(1);
                int n = ((SocketChannel) key.channel()).read(one);
                if (n < 0) throw new IOException("loopback server closed the connection");
                if (n == 0) continue;
                key.interestOps(0);
                becomeReady(c, now, ready);
            }
            sel.selectedKeys().clear();
            while (!timers.isEmpty() && timers.peek().deadline <= now) {
                Coroutine c = timers.poll();
                becomeReady(c, c.deadline, ready);
            }
            readyNow = ready.size();
            // run what is ready now; tasks that become ready meanwhile wait for the next turn
            for (int i = ready.size(); i > 0; i--) {
                Coroutine c = ready.poll();
                long resumed = System.nanoTime();
                lag.record(resumed - c.readySince);
                if (c.ioStart != 0) {
                    io.record(resumed - c.ioStart);
                    c.ioStart = 0;
                    c.round++;
                }
                if (c.round >= c.task.rounds()) {
                    finish(c);
                    pending--;
                    continue;
                }
                step(c, sel, timers);
            }
        }
    }

    private void becomeReady(Coroutine c, long since, ArrayDeque<Coroutine> ready) {
        c.readySince = since;
        if (c.lane != null) c.lane.enter(LaneState.IDLE);
        ready.add(c);
    }

    /** Runs one round's computing, then starts its I/O (or finishes the round at once). */
    private void step(Coroutine c, Selector sel, PriorityQueue<Coroutine> timers) throws IOException {
        TaskPlan t = c.task;
        loopLane.enter(LaneState.RUNNING);
        if (c.lane != null) c.lane.enter(LaneState.RUNNING);
        if (t.opsPerRound() > 0) CpuKernel.consume(CpuKernel.run(t.opsPerRound(), t.id(), cancelCheck));
        if (t.memoryBytes() > 0) CpuKernel.consume(MemoryKernel.stream(t.memoryBytes(), cancelCheck));
        if (c.lane != null) c.lane.enter(LaneState.IO);
        c.ioStart = System.nanoTime();
        if (t.io() == null) {
            // no I/O: the round is over; the task yields and comes back next turn
            c.readySince = c.ioStart;
            c.deadline = c.ioStart;
            timers.add(c);
        } else if (t.io().kind() == IoKind.SLEEP) {
            c.deadline = c.ioStart + t.io().duration().toNanos();
            timers.add(c);
        } else {
            if (c.channel == null) {
                c.channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        LoopbackServer.get().port()));
                c.channel.socket().setTcpNoDelay(true);
                c.channel.configureBlocking(false);
                c.channel.register(sel, 0, c);
            }
            ByteBuffer request = ByteBuffer.allocate(8).putLong(0, t.io().duration().toNanos());
            while (request.hasRemaining()) c.channel.write(request);
            c.channel.keyFor(sel).interestOps(SelectionKey.OP_READ);
        }
    }

    private void finish(Coroutine c) {
        if (c.lane != null) {
            c.lane.taskDone();
            c.lane.enter(LaneState.DONE);
        } else {
            loopLane.taskDone();
        }
    }

    @Override
    public ModelStats stats(double elapsedS) {
        IoStats l = lag.stats();
        IoStats i = io.stats();
        return new ModelStats(null, i.ops() == 0 ? null : i, null,
                new LoopStats(iterations, l.latencyMsMean(), l.latencyMsMax(), readyNow));
    }

    @Override
    public void cancel() {
        cancelled = true;
        Selector s = selector;
        if (s != null) s.wakeup();
    }
}
