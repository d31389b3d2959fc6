package dev.partop.model.worker;

import dev.partop.model.ChildProcesses;
import dev.partop.model.Lane;
import dev.partop.snapshot.LaneState;
import dev.partop.work.TaskPlan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One worker: a child JVM of this same jar running {@link WorkerMain}, its pipes, and its
 * lane. Used by one pool thread at a time.
 */
public final class WorkerProcess {

    private final int index;
    private final Lane lane;
    private final LongAdder messages;
    private final LongAdder bytes;
    private Process process;
    private DataOutputStream toChild;
    private DataInputStream fromChild;
    private long spawnNanos;
    private volatile long startupNanos = -1;
    private volatile long lastCpu;
    private volatile long cpuBaseline;

    public WorkerProcess(int index, Lane lane, LongAdder messages, LongAdder bytes) {
        this.index = index;
        this.lane = lane;
        this.messages = messages;
        this.bytes = bytes;
    }

    /** The command that starts a worker: the same java, the same class path, a modest heap. */
    static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xms16m", "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true"));
        // the launcher's class-data archive, when partop runs with one: it holds the classes a worker loads
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:SharedArchiveFile=")) cmd.add(arg);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        return cmd;
    }

    /** Spawns the child; {@link #awaitReady()} waits for it to say READY. */
    public void spawn() throws IOException {
        lane.enter(LaneState.STARTING);
        List<String> command = command(); // not timed: the first call starts the JVM's management beans
        spawnNanos = System.nanoTime();
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ChildProcesses.register(process);
        lane.cpuSource(this::cpuNanos);
        toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    public void awaitReady() throws IOException {
        Frame f = read();
        if (f.type() != Frame.READY) throw new IOException(describe() + " sent frame " + f.type() + " before READY");
        startupNanos = System.nanoTime() - spawnNanos;
        lane.enter(LaneState.IDLE);
    }

    /** Sends a task, follows its state, returns the payload that came back. */
    public byte[] run(TaskPlan task, byte[] payload) throws IOException {
        Frame out = TaskMessage.task(task, payload);
        lane.enter(LaneState.RUNNING);
        out.write(toChild);
        count(out);
        while (true) {
            Frame f = read();
            switch (f.type()) {
                case Frame.STATE -> lane.enter(f.body()[0] == 1 ? LaneState.IO : LaneState.RUNNING);
                case Frame.RESULT -> {
                    if (f.body().length < 4 || TaskMessage.resultTask(f) != task.id()) {
                        throw new IOException(describe() + " answered another task than " + task.id());
                    }
                    lane.enter(LaneState.IDLE);
                    byte[] back = new byte[f.body().length - 4];
                    System.arraycopy(f.body(), 4, back, 0, back.length);
                    return back;
                }
                case Frame.ERROR -> throw new IOException(describe() + " failed task " + task.id() + ": "
                        + new String(f.body(), StandardCharsets.UTF_8));
                default -> throw new IOException(describe() + " sent an unexpected frame " + f.type());
            }
        }
    }

    private Frame read() throws IOException {
        try {
            Frame f = Frame.read(fromChild);
            count(f);
            return f;
        } catch (EOFException e) {
            throw new IOException(describe() + " " + exitReason());
        }
    }

    private void count(Frame f) {
        messages.increment();
        bytes.add(f.wireSize());
    }

    private String exitReason() {
        try {
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                int code = process.exitValue();
                return "exited with code " + code + (code > 128 ? " (signal " + (code - 128) + ")" : "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "closed its pipe";
    }

    String describe() {
        return "worker " + (index + 1) + (process == null ? "" : " (pid " + process.pid() + ")");
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Spawn to READY, in nanoseconds; -1 until ready. */
    public long startupNanos() {
        return startupNanos;
    }

    private long cpuNanos() {
        Process p = process;
        if (p != null && p.isAlive()) {
            lastCpu = Math.max(lastCpu, p.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(lastCpu));
        }
        return lastCpu - cpuBaseline;
    }

    /** From now on the lane counts only CPU used after this (a warm pool's start-up is not the phase's). */
    public void resetCpu() {
        cpuNanos();
        cpuBaseline = lastCpu;
    }

    /** Asks the child to exit, then makes sure. */
    public void stop() {
        Process p = process;
        if (p == null) return;
        cpuNanos();
        try {
            new Frame(Frame.SHUTDOWN, new byte[0]).write(toChild);
            toChild.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!p.waitFor(500, TimeUnit.MILLISECONDS)) p.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        ChildProcesses.unregister(p);
        lane.enter(LaneState.DONE);
    }

    /** Kills the child now (cancel, failure elsewhere). */
    public void kill() {
        Process p = process;
        if (p != null) {
            cpuNanos();
            p.destroyForcibly();
        }
    }
}
