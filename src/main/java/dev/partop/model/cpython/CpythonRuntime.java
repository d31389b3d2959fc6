package dev.partop.model.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partop.model.ChildProcesses;
import dev.partop.model.ExecutionModel;
import dev.partop.model.Lane;
import dev.partop.model.ObservedTree;
import dev.partop.model.PhaseContext;
import dev.partop.probe.proc.ObservedProcess;
import dev.partop.probe.proc.ObservedThread;
import dev.partop.probe.proc.ProcReader;
import dev.partop.probe.proc.ProcessTreeObserver;
import dev.partop.scenario.IoKind;
import dev.partop.scenario.Phase;
import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.Json;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.ObservedGil;
import dev.partop.snapshot.ProcessStats;
import dev.partop.work.LatencyRecorder;
import dev.partop.work.LoopbackServer;
import dev.partop.work.TaskPlan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@code runtime: cpython}: the phase's workload run by the real interpreter. partop's agent
 * (a Python file of this project) gets the phase as one JSON line on its stdin, starts what
 * comes before the clock (a warm pool), says it is ready, is told "go", and reports every
 * lane, task start and end, and I/O wait as JSON lines on its stdout; its stderr is kept (the
 * last lines) for the reason of a crash. Nothing it prints reaches the screen.
 *
 * <p>Lanes are the threads and worker processes the agent reports (one per thread, worker
 * process, or asyncio task), named as the models name theirs ({@code T1}, {@code worker 1},
 * {@code loop}), so a CPython phase and a model phase line up lane by lane; the agent's own
 * threads (its reporter, its stdin watch, a pool's helpers) are not lanes. Task starts, ends and
 * I/O waits come from the agent's reports; what a thread does between them comes from watching
 * the agent's process tree from outside ({@link ProcessTreeObserver}, the probe of
 * {@code partop watch}): each tick split into running, holding the GIL, waiting for a core,
 * waiting for the GIL, another lock, I/O, sleeping. A lane is bound to its OS thread as soon as
 * the observer has found it; until then (a thread of a few milliseconds may never be found) it
 * shows what the reports say. The lock panel is the real GIL, read from the interpreter's memory
 * (see {@link ObservedTree}), or why it cannot be read and what is inferred instead. CPU stays
 * with {@link LaneCpu} (a warm pool's start-up and a thread's past are left out of it).
 * The agent dies with partop: it is registered with {@link ChildProcesses}, exits
 * when its stdin closes (partop gone, even by SIGKILL), and kills its multiprocessing children,
 * which also have the kernel kill them when the agent dies.
 */
public final class CpythonRuntime implements ExecutionModel {

    /** Task lanes of an asyncio phase beyond this are not drawn (as the model's event loop). */
    static final int MAX_TASK_LANES = 256;
    private static final int STDERR_LINES = 40;
    private static final long READY_TIMEOUT_S = 300;

    private final PhaseContext ctx;
    private final Phase phase;
    private final LaneCpu cpu;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    /** Reader thread only. */
    private final Map<String, Lane> byKey = new HashMap<>();
    /** CPU a lane had used before it counts for the phase (a warm pool's start-up, a thread's past). */
    private final Map<Lane, Long> cpuBase = new ConcurrentHashMap<>();
    private final Map<Lane, LongSupplier> rawSources = new ConcurrentHashMap<>();
    /** CPU a thread reported for itself as it ended. */
    private final Map<Lane, AtomicLong> reported = new ConcurrentHashMap<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final LatencyRecorder io = new LatencyRecorder();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong ipcBytes = new AtomicLong();
    private final List<Double> startupsMs = new CopyOnWriteArrayList<>();
    /** Lanes with an OS thread the observer has not found yet, by thread id. */
    private final Map<Long, Lane> unbound = new ConcurrentHashMap<>();
    /** Every lane's thread id and process id, as the agent reported them. */
    private final Map<Long, Lane> laneOfTid = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> lanePids = new ConcurrentHashMap<>();
    /** The agent's process tree seen from outside; null until the agent is ready. */
    private volatile ObservedTree tree;
    /** Per process: the GIL's switch_number when the phase's clock started (hand-overs count from there). */
    private final Map<Long, Long> switchBase = new ConcurrentHashMap<>();
    /** Per process: its GIL as last shown (the observer forgets a process that exits: it is no longer CPython). */
    private final Map<Long, ObservedGil> lastGil = new ConcurrentHashMap<>();
    private volatile Process process;
    private volatile boolean cancelled;
    private volatile boolean going;
    private volatile String error;
    private Thread stderrReader;
    private int workersSeen;
    private String version;

    public CpythonRuntime(PhaseContext ctx) {
        this(ctx, LaneCpu.PROC);
    }

    public CpythonRuntime(PhaseContext ctx, LaneCpu cpu) {
        this.ctx = ctx;
        this.phase = ctx.phase();
        this.cpu = cpu;
    }

    @Override
    public List<Lane> lanes() {
        if (!unbound.isEmpty()) bindFound();
        return lanes;
    }

    /** Binds each lane whose OS thread the observer has found since to that thread. */
    private synchronized void bindFound() {
        ObservedTree t = tree;
        if (t == null || unbound.isEmpty()) return;
        for (ObservedThread th : t.observer().threads()) {
            Lane lane = unbound.remove(th.tid());
            if (lane != null && !th.done()) lane.observe(th);
        }
    }

    /** The interpreter's version as the agent reported it; null before it did. */
    public String version() {
        return version;
    }

    /** Starts the agent and waits until it says ready (a warm pool is up by then). */
    @Override
    public void prepare() throws Exception {
        Interpreter interpreter = Interpreters.calibrated(phase.python());
        String lack = interpreter.lacks().get(phase.model().keyword());
        if (lack != null) throw new IllegalStateException(lack);
        ProcessBuilder pb = new ProcessBuilder(phase.python(), AgentScript.path().toString())
                .redirectError(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        process = p;
        ChildProcesses.register(p);
        if (cancelled) p.destroyForcibly();
        stderrReader = daemon("partop-agent-stderr", () -> keepStderr(p));
        daemon("partop-agent-reports", () -> readReports(p));
        send(spec(interpreter).toString());
        await(ready, READY_TIMEOUT_S);
        // watched from here: the interpreter is up (its GIL exists), a warm pool too, the work not yet
        if (!cancelled && p.isAlive()) {
            tree = new ObservedTree(ProcessTreeObserver.start(ProcReader.system(), List.of(p.pid()),
                    ProcessTreeObserver.Options.DEFAULT));
            bindFound();
        }
    }

    /** Tells the agent to go and waits for its last task. */
    @Override
    public void run() throws Exception {
        if (cancelled) return;
        // a warm pool's start-up is not the phase's: its workers count CPU from here
        for (Lane lane : lanes) cpuBase.put(lane, rawCpu(lane));
        ObservedTree t = tree;
        if (t != null) {
            for (ObservedProcess p : t.observer().processes()) {
                ObservedProcess.Gil g = p.gil();
                if (g.readable()) switchBase.put(p.pid(), g.latest().switchNumber());
            }
        }
        going = true;
        send("go");
        await(done, Long.MAX_VALUE);
    }

    private void await(CompletableFuture<Void> f, long timeoutS) throws Exception {
        try {
            if (timeoutS == Long.MAX_VALUE) f.get();
            else f.get(timeoutS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (cancelled) return;
            throw (Exception) e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("partop's agent in '" + phase.python() + "' did not get ready in " + timeoutS + " s");
        }
    }

    /** The phase for the agent: its model and settings, and every task in kernel loops of that interpreter. */
    ObjectNode spec(Interpreter interpreter) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("model", phase.model().keyword());
        o.put("threads", phase.threads());
        o.put("workers", phase.workers());
        o.put("interpreters", phase.interpreters());
        o.put("start", phase.start().keyword());
        if (phase.startMethod() != null) o.put("start_method", phase.startMethod());
        o.put("switch_interval_s", phase.switchInterval().toNanos() / 1e9);
        o.put("check_interval", phase.checkInterval());
        boolean sockets = ctx.tasks().stream().anyMatch(t -> t.io() != null && t.io().kind() == IoKind.SOCKET);
        if (sockets) o.put("port", LoopbackServer.get().port());
        double loopsPerOp = interpreter.loopsPerSecond() / ctx.calibration().opsPerSecond();
        // the rate the loops were converted with: the agent rescales them to its own process's
        o.put("loops_per_s", interpreter.loopsPerSecond());
        ArrayNode tasks = o.putArray("tasks");
        for (TaskPlan t : ctx.tasks()) {
            ObjectNode task = tasks.addObject();
            task.put("id", t.id());
            task.put("loops", Math.round(t.opsPerRound() * loopsPerOp));
            task.put("rounds", t.rounds());
            if (t.memoryBytes() > 0) task.put("mem", t.memoryBytes());
            if (t.criticalSection() > 0) task.put("cs", t.criticalSection());
            if (t.payloadBytes() > 0) task.put("payload", t.payloadBytes());
            if (t.io() != null) {
                ObjectNode io = task.putObject("io");
                io.put("kind", t.io().kind().name().toLowerCase(java.util.Locale.ROOT));
                io.put("wait_s", t.io().duration().toNanos() / 1e9);
            }
        }
        return o;
    }

    private void send(String line) throws IOException {
        Process p = process;
        if (p == null) return;
        OutputStream out = p.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void readReports(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                handle(Json.mapper().readTree(line));
            }
        } catch (IOException | RuntimeException e) {
            // the pipe broke (killed) or a line was not JSON: the exit says what happened
        }
        ended(p);
    }

    /** The agent's stdout closed: it is done, failed, or was killed. */
    private void ended(Process p) {
        if (done.isDone()) return;
        try {
            p.waitFor(2, TimeUnit.SECONDS);
            if (stderrReader != null) stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = error != null ? error : lastStderrLine();
        if (why == null) {
            why = p.isAlive() ? "partop's agent closed its output" : "'" + phase.python() + "' exited with code "
                    + p.exitValue() + (p.exitValue() > 128 ? " (signal " + (p.exitValue() - 128) + ")" : "");
        }
        IllegalStateException failure = new IllegalStateException(why);
        ready.completeExceptionally(failure);
        done.completeExceptionally(failure);
        for (Lane lane : lanes) if (lane.state() != LaneState.DONE) lane.enter(LaneState.DONE);
    }

    void handle(JsonNode e) {
        if (!unbound.isEmpty()) bindFound();
        String key = e.path("lane").asText(null);
        switch (e.path("ev").asText()) {
            case "hello" -> version = e.path("version").asText();
            case "ready" -> ready.complete(null);
            case "lane" -> newLane(key, e);
            case "start" -> lane(key).enter(LaneState.RUNNING);
            case "io" -> {
                Lane lane = lane(key);
                if (e.path("on").asInt() == 1) {
                    lane.enter(LaneState.IO);
                } else {
                    lane.enter(LaneState.RUNNING);
                    io.record((long) (e.path("ms").asDouble() * 1e6));
                }
            }
            case "end" -> {
                Lane lane = lane(key);
                lane.taskDone();
                lane.enter(LaneState.IDLE);
            }
            case "lane_done" -> {
                Lane lane = lane(key);
                // the thread read its own CPU as it ended: by now it may be gone from /proc
                if (e.hasNonNull("cpu_ns")) reported.computeIfAbsent(lane, l -> new AtomicLong())
                        .accumulateAndGet(e.path("cpu_ns").asLong(), Math::max);
                lane.cpuNanos();
                lane.enter(LaneState.DONE);
            }
            case "ipc" -> {
                messages.addAndGet(e.path("messages").asLong());
                ipcBytes.addAndGet(e.path("bytes").asLong());
            }
            case "done" -> {
                // the last readings, while the workers still exist
                for (Lane lane : lanes) lane.cpuNanos();
                for (Lane lane : lanes) if (lane.state() != LaneState.DONE) lane.enter(LaneState.DONE);
                done.complete(null);
            }
            case "error" -> error = e.path("msg").asText("the agent failed");
            default -> {
                // a newer agent's report: nothing to do with it here
            }
        }
    }

    /** A thread or process the agent started: a lane, with its CPU from the OS. */
    private void newLane(String key, JsonNode e) {
        long pid = e.path("pid").asLong();
        boolean worker = key.startsWith("p");
        Lane lane = lane(key);
        LongSupplierWithBase source;
        if (worker) {
            source = new LongSupplierWithBase(cpu.process(pid), 0);
            if (e.has("startup_ms")) startupsMs.add(e.path("startup_ms").asDouble());
        } else if (e.hasNonNull("tid")) {
            // a thread counts what it used after it became a lane
            source = new LongSupplierWithBase(cpu.thread(pid, e.path("tid").asLong()), e.path("cpu_ns").asLong(0));
        } else {
            return;
        }
        cpuBase.put(lane, source.base);
        if (e.hasNonNull("tid")) {
            long tid = e.path("tid").asLong();
            laneOfTid.put(tid, lane);
            lanePids.put(pid, Boolean.TRUE);
            unbound.put(tid, lane);
            bindFound();
        }
        AtomicLong last = reported.computeIfAbsent(lane, l -> new AtomicLong());
        LongSupplier raw = () -> Math.max(source.raw.getAsLong(), last.get());
        lane.cpuSource(() -> Math.max(0, raw.getAsLong() - cpuBase.getOrDefault(lane, 0L)));
        rawSources.put(lane, raw);
    }

    /** A lane's CPU reading as the OS gives it, and the part of it that came before the lane. */
    private record LongSupplierWithBase(LongSupplier raw, long base) {
    }

    private long rawCpu(Lane lane) {
        LongSupplier s = rawSources.get(lane);
        return s == null ? 0 : s.getAsLong();
    }

    /** The lane for a key of the agent's, made on first sight. */
    private Lane lane(String key) {
        Lane lane = byKey.get(key);
        if (lane != null) return lane;
        String name = key;
        if (key.startsWith("p")) name = "worker " + (++workersSeen);
        lane = new Lane(lanes.size(), name);
        byKey.put(key, lane);
        // an asyncio phase of thousands of tasks: the first ones are drawn, all are counted
        if (!key.startsWith("task ") || lanes.size() < MAX_TASK_LANES) lanes.add(lane);
        return lane;
    }

    private void keepStderr(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) stderrTail.removeFirst();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The last non-blank line the interpreter wrote on stderr: a traceback's says what went wrong. */
    String lastStderrLine() {
        synchronized (stderrTail) {
            for (var it = stderrTail.descendingIterator(); it.hasNext(); ) {
                String l = it.next();
                if (!l.isBlank()) return l.strip();
            }
        }
        return null;
    }

    @Override
    public ModelStats stats(double elapsedS) {
        IoStats ioStats = io.stats();
        ProcessStats procs = null;
        if (phase.model() == dev.partop.scenario.ModelKind.PROCESSES) {
            double sum = 0;
            double max = 0;
            for (double s : startupsMs) {
                sum += s;
                max = Math.max(max, s);
            }
            procs = new ProcessStats(workersSeen, startupsMs.isEmpty() ? 0 : sum / startupsMs.size(), max,
                    messages.get(), ipcBytes.get());
        }
        return new ModelStats(null, ioStats.ops() == 0 ? null : ioStats, procs, null, gils());
    }

    /**
     * The real GILs of the agent and its workers (not of multiprocessing's helpers), their
     * holders given as this phase's lanes; null before the agent is watched. Where a GIL cannot be
     * read, its line says why and what is shown instead.
     */
    private List<ObservedGil> gils() {
        ObservedTree t = tree;
        if (t == null) return null;
        ModelStats seen = t.stats();
        Map<Long, ObservedGil> now = new HashMap<>();
        if (seen.gils() != null) for (ObservedGil g : seen.gils()) now.put(g.pid(), g);
        List<ObservedGil> out = new java.util.ArrayList<>();
        long agent = pid();
        for (ObservedProcess p : t.observer().processes()) {
            if (p.pid() != agent && !lanePids.containsKey(p.pid())) continue;
            ObservedGil g = now.get(p.pid());
            if (g == null) {
                g = lastGil.get(p.pid());
            } else if (g.readable()) {
                Lane holder = laneOfTid.get(g.holderTid());
                ObservedProcess.Gil raw = p.gil();
                long switches = raw.latest() == null ? g.switches()
                        : raw.latest().switchNumber() - switchBase.getOrDefault(p.pid(), raw.firstSwitch());
                g = new ObservedGil(g.pid(), g.version(), null, g.locked(), g.holderTid(),
                        holder == null ? -1 : holder.id(), g.intervalUs(), Math.max(0, switches), g.switchesPerS(),
                        g.heldFraction(), g.waitS());
            } else {
                g = unreadable(g, t);
            }
            if (g == null) continue;
            lastGil.put(p.pid(), g);
            out.add(g);
        }
        return List.copyOf(out);
    }

    /**
     * A GIL partop cannot read (Python 2.7, 3.6 to 3.10, a free-threaded build, no rights to
     * the memory): why, and what the lanes show instead. Where the interpreter's runtime state
     * was found (3.7 to 3.10), a futex wait inside it is taken for a GIL wait; elsewhere every
     * futex wait is "blocked, GIL or a lock": its time over this phase's lanes is given, inferred.
     */
    private ObservedGil unreadable(ObservedGil g, ObservedTree t) {
        String why = g.problem();
        double waitS = g.waitS();
        String instead;
        if (why.contains("free-threaded")) {
            instead = "no GIL in this build";
            waitS = 0;
        } else if (waitS > 0) {
            instead = "GIL waits inferred: futex waits inside _PyRuntime";
        } else {
            long blocked = 0;
            for (ObservedThread th : t.observer().threads()) {
                if (th.pid() == g.pid() && laneOfTid.containsKey(th.tid())) {
                    blocked += th.nanos(dev.partop.probe.proc.ThreadActivity.BLOCKED);
                }
            }
            waitS = blocked / 1e9;
            instead = "futex waits shown as blocked: GIL or a lock, inferred";
        }
        return new ObservedGil(g.pid(), g.version(), why + "; " + instead, false, -1, -1, g.intervalUs(), 0, 0, 0,
                waitS);
    }

    @Override
    public void cancel() {
        cancelled = true;
        ObservedTree t = tree;
        if (t != null) t.close();
        Process p = process;
        if (p != null) ChildProcesses.destroyTree(p.toHandle());
        ready.complete(null);
        done.complete(null);
    }

    /** Lets the agent finish (its stdin closes, so it exits and ends its children), then makes sure. */
    @Override
    public void close() {
        Process p = process;
        if (p == null) return;
        // multiprocessing's helpers (the resource tracker, a fork server) outlive the agent by a moment
        List<ProcessHandle> tree = p.toHandle().descendants().toList();
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) ChildProcesses.destroyTree(p.toHandle());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            for (ProcessHandle h : tree) {
                long left = deadline - System.nanoTime();
                try {
                    if (left > 0) h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
                    // killed below
                }
                h.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ChildProcesses.destroyTree(p.toHandle());
        }
        ChildProcesses.unregister(p);
        ObservedTree watched = this.tree;
        if (watched != null) watched.close();
    }

    /** The agent's process id, for tests; -1 before it started. */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Whether the phase's clock has started (the agent was told to go). */
    boolean going() {
        return going;
    }
}
