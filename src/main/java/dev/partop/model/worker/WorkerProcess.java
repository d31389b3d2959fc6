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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
    private final List<String> command;
    private volatile boolean timedOut;

    public WorkerProcess(int index, Lane lane, LongAdder messages, LongAdder bytes) {
        this(index, lane, messages, bytes, null);
    }

    /** @param command the program to start instead of partop's worker (tests of misbehaving workers); null for the real one */
    WorkerProcess(int index, Lane lane, LongAdder messages, LongAdder bytes, List<String> command) {
        this.index = index;
        this.lane = lane;
        this.messages = messages;
        this.bytes = bytes;
        this.command = command;
    }

    /** Kills workers that take too long to say READY; one daemon thread for every pool. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partop-worker-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** The command that starts a worker: the same java, the same class path, a modest heap. */
    static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // -Xlog:disable: stdout is the protocol's pipe, and the JVM's own warnings (a class-data
        // archive made for another jar) go to stdout by default
        // -XX:-UsePerfData: no hsperfdata file to create (and delete) for a short-lived child
        cmd.addAll(List.of("-Xms8m", "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto", "-Xlog:disable",
                "-XX:-UsePerfData", "-Djava.awt.headless=true"));
        String classPath = WorkerClassPath.get();
        boolean thin = WorkerClassPath.thin();
        // the launcher's compiler settings: calibration ran under them, so the kernels must run at
        // the same speed here; and its class-data archive when the worker runs from the same jar
        // (with the thin jar first the archive's class path no longer matches: the thin jar is the quicker of the two)
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((arg.startsWith("-XX:SharedArchiveFile=") && !thin) || arg.startsWith("-XX:TieredStopAtLevel=")
                    || arg.startsWith("-XX:CICompilerCount=") || arg.startsWith("-XX:ReservedCodeCacheSize=")
                    || arg.equals("-XX:-TieredCompilation")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-cp", classPath, WorkerMain.class.getName()));
        return cmd;
    }

    /** Spawns the child; {@link #awaitReady()} waits for it to say READY. */
    public void spawn() throws IOException {
        lane.enter(LaneState.STARTING);
        List<String> command = this.command != null ? this.command : command(); // not timed: the first call starts the JVM's management beans
        spawnNanos = System.nanoTime();
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ChildProcesses.register(process);
        lane.cpuSource(this::cpuNanos);
        toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /**
     * Waits until the child says READY, at most {@code limit} after it was spawned: a child that
     * says nothing is killed then. Anything else on its stdout first (a JVM warning) fails at
     * once, quoting what it wrote.
     */
    public void awaitReady(Duration limit) throws IOException {
        long left = limit.toNanos() - (System.nanoTime() - spawnNanos);
        Process p = process;
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut = true;
            killTree(p);
        }, Math.max(0, left), TimeUnit.NANOSECONDS);
        try {
            int type = fromChild.read();
            if (type < 0) throw notReady(limit);
            if (type != Frame.READY) {
                throw new IOException(describe() + " wrote " + quote(type) + " instead of the worker protocol's"
                        + " first frame (a JVM or agent message on its stdout?)");
            }
            int length = fromChild.readInt();
            if (length != 0) throw new IOException(describe() + " sent a READY frame of " + length + " bytes instead of 0");
            count(new Frame(Frame.READY, new byte[0]));
        } catch (EOFException e) {
            throw notReady(limit);
        } finally {
            watchdog.cancel(false);
        }
        startupNanos = System.nanoTime() - spawnNanos;
        lane.enter(LaneState.IDLE);
    }

    private IOException notReady(Duration limit) {
        if (timedOut) {
            return new IOException(describe() + " did not say it was ready within "
                    + String.format("%.1f s", limit.toMillis() / 1000.0) + "; it was killed");
        }
        return new IOException(describe() + " " + exitReason() + " before it was ready");
    }

    /**
     * What the child wrote, from {@code first} on, as one short quoted line: the bytes that
     * came within a moment, up to the first line's end.
     */
    private String quote(int first) {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        got.write(first);
        long deadline = System.nanoTime() + 300_000_000L;
        try {
            while (got.size() < 160 && System.nanoTime() < deadline) {
                if (fromChild.available() == 0) {
                    if (!process.isAlive() && fromChild.available() == 0) break;
                    Thread.sleep(10);
                    continue;
                }
                int b = fromChild.read();
                if (b < 0 || b == '\n') break;
                got.write(b);
            }
        } catch (IOException ignored) {
            // quote what came
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return quoted(got.toByteArray());
    }

    /** Bytes as {@code "text"}: the first line, control bytes as '?', at most 120 characters. */
    static String quoted(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl >= 0) text = text.substring(0, nl);
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().limit(120).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (text.codePointCount(0, text.length()) > 120) sb.append("...");
        return sb.append('"').toString();
    }

    /** Sends a task, follows its state, returns the payload that came back. */
    public byte[] run(TaskPlan task, byte[] payload) throws IOException {
        Frame out = TaskMessage.task(task, payload);
        lane.enter(LaneState.RUNNING);
        out.write(toChild);
        count(out);
        // nothing the child sends for this task is longer than the payload back, or an error message
        int maxBody = Math.max(payload.length + 4, 1 << 16);
        while (true) {
            Frame f = read(maxBody);
            switch (f.type()) {
                case Frame.STATE -> {
                    if (f.body().length != 1) throw new IOException(describe() + " sent a state frame of "
                            + f.body().length + " bytes instead of 1");
                    lane.enter(f.body()[0] == 1 ? LaneState.IO : LaneState.RUNNING);
                }
                case Frame.RESULT -> {
                    if (f.body().length != payload.length + 4 || TaskMessage.resultTask(f) != task.id()) {
                        throw new IOException(describe() + " sent a result that is not task " + task.id() + "'s ("
                                + f.body().length + " bytes for a payload of " + payload.length + ")");
                    }
                    lane.enter(LaneState.IDLE);
                    byte[] back = new byte[f.body().length - 4];
                    System.arraycopy(f.body(), 4, back, 0, back.length);
                    return back;
                }
                case Frame.ERROR -> throw new IOException(describe() + " failed task " + task.id() + ": "
                        + new String(f.body(), StandardCharsets.UTF_8));
                default -> throw new IOException(describe() + " sent a frame of type " + f.type() + " during a task");
            }
        }
    }

    private Frame read(int maxBody) throws IOException {
        try {
            Frame f = Frame.read(fromChild, maxBody);
            count(f);
            return f;
        } catch (EOFException e) {
            throw new IOException(describe() + " " + exitReason());
        } catch (Frame.ProtocolException e) {
            throw new IOException(describe() + " broke the worker protocol: " + e.getMessage() + ", in "
                    + quote(e.firstByte()), e);
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
            if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                killTree(p);
                p.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            killTree(p);
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
            killTree(p);
        }
    }

    /** The child and anything it started (a wrapper script's own children hold the pipe open too). */
    private static void killTree(Process p) {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
