package dev.partop.probe.proc;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches a tree of processes thread by thread from {@code /proc}, on a dedicated thread: it
 * samples every thread's state ~100 times a second and finds new threads and child processes
 * ~10 times a second. Between two samples of a thread, schedstat says exactly how long it was
 * on a core and how long it waited for one; the rest of the interval it was blocked, and the
 * blocked kind is what its syscall (and, for CPython, the GIL's address) says at the sample.
 * A CPython process's GIL is read at every sample too.
 *
 * <p>Use: {@link #start}, then read {@link #threads()} and {@link #processes()} whenever you
 * like (each thread's times are cumulative, take differences per tick), then {@link #close()}.
 * The target is never stopped: every read is a read of a {@code /proc} file.
 */
public final class ProcessTreeObserver implements AutoCloseable {

    /**
     * @param samplePeriod   how often each thread's state is sampled (100 Hz by default)
     * @param discoverPeriod how often new threads and processes are looked for (10 Hz)
     * @param children       whether child processes are followed
     * @param maxThreads     threads sampled at most (more are counted, not sampled)
     * @param quietAfter     a thread not on a core for this long is read only every {@code quietPeriod} ...
     * @param quietPeriod    ... (25 Hz by default); between its reads it is taken to be in the wait it was
     *                       last seen in, and the first read after it ran settles the difference (the
     *                       sampler's cost is then ~proportional to the threads that run, not to all threads)
     */
    public record Options(Duration samplePeriod, Duration discoverPeriod, boolean children, int maxThreads,
                          Duration quietAfter, Duration quietPeriod) {
        public static final Options DEFAULT = new Options(Duration.ofMillis(10), Duration.ofMillis(100), true, 4096,
                Duration.ofMillis(200), Duration.ofMillis(40));

        /** Every thread at every sample (no slower rate for quiet threads). */
        public Options(Duration samplePeriod, Duration discoverPeriod, boolean children, int maxThreads) {
            this(samplePeriod, discoverPeriod, children, maxThreads, Duration.ZERO, samplePeriod);
        }

        /** What is read how often, for labels: e.g. "threads read 100/s, 25/s once blocked 0.2 s". */
        public String describe() {
            String fast = rate(samplePeriod);
            if (quietPeriod.compareTo(samplePeriod) <= 0) return "threads read " + fast + "/s";
            return "threads read " + fast + "/s, " + rate(quietPeriod) + "/s once blocked " + seconds(quietAfter) + " s";
        }

        private static String rate(Duration d) {
            return Long.toString(Math.round(1e9 / Math.max(1, d.toNanos())));
        }

        private static String seconds(Duration d) {
            return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
        }
    }

    private final ProcReader proc;
    private final Options options;
    private final SyscallTable table;
    private final List<ObservedThread> threads = new CopyOnWriteArrayList<>();
    private final List<ObservedProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<Long, ObservedProcess> byPid = new HashMap<>();
    private final Map<Long, ObservedThread> byTid = new HashMap<>();
    private final Map<Long, List<ObservedThread>> threadsOf = new HashMap<>();
    private final Thread sampler;
    private final java.util.Queue<Long> newRoots = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile long unobserved;
    private volatile long sampleNanos;
    private volatile long sweeps;
    /** Files read by the sampler, and samples that needed only schedstat (a thread still in the same wait). */
    private volatile long reads;
    private volatile long quiet;
    private volatile long samples;
    private volatile long presumed;
    /** Whether the last sweep found every live thread quiet (the loop then sweeps at the slower rate). */
    private boolean allQuiet;

    private ProcessTreeObserver(ProcReader proc, List<Long> roots, Options options, SyscallTable table) {
        this.proc = proc;
        this.options = options;
        this.table = table;
        long now = System.nanoTime();
        for (long pid : roots) addProcess(pid, 0, now);
        discover(now);
        this.sampler = new Thread(this::loop, "partop-proc-sampler");
        sampler.setDaemon(true);
    }

    /** Starts watching {@code roots} (and, by default, their descendants) on a new thread. */
    public static ProcessTreeObserver start(ProcReader proc, List<Long> roots, Options options) {
        ProcessTreeObserver o = new ProcessTreeObserver(proc, roots, options,
                SyscallTable.forArch(System.getProperty("os.arch")));
        o.sampler.start();
        return o;
    }

    /** As {@link #start} with an explicit syscall table (null: kinds unknown), for tests on recorded text. */
    static ProcessTreeObserver manual(ProcReader proc, List<Long> roots, Options options, SyscallTable table) {
        return new ProcessTreeObserver(proc, roots, options, table);
    }

    /** Adds a process to watch (e.g. a program started after the observer); found at the next discovery. */
    public void addRoot(long pid) {
        newRoots.add(pid);
    }

    /** The sampler thread, so partop can count its CPU as its own cost. */
    public Thread samplerThread() {
        return sampler;
    }

    /** Every thread found so far, in the order found (processes' threads together as found). */
    public List<ObservedThread> threads() {
        return threads;
    }

    /** Every process found so far, roots first. */
    public List<ObservedProcess> processes() {
        return processes;
    }

    /** Threads beyond {@link Options#maxThreads} that are not sampled. */
    public long unobserved() {
        return unobserved;
    }

    /** What the observer cannot tell on this machine, or null: e.g. syscall numbers of another architecture. */
    public String limits() {
        if (table == null) return "syscall numbers of " + System.getProperty("os.arch")
                + " unknown to partop: blocked threads shown without a kind";
        return null;
    }

    /** Mean wall time of one sweep over every thread, nanoseconds (its cost). */
    public double meanSweepNanos() {
        long n = sweeps;
        return n == 0 ? 0 : (double) sampleNanos / n;
    }

    /** Thread samples not read: quiet threads between their slower reads. */
    public long presumedSamples() {
        return presumed;
    }

    /** Thread samples taken so far. */
    public long samples() {
        return samples;
    }

    /** Files read by the sampler so far (one pread each), for its cost. */
    public long reads() {
        return reads;
    }

    /** Samples that read schedstat only: the thread had not been on a core since it was last seen blocked. */
    public long quietSamples() {
        return quiet;
    }

    /** Whether every process found has exited. */
    public boolean allExited() {
        for (ObservedProcess p : processes) if (!p.exited()) return false;
        return true;
    }

    private void loop() {
        long period = options.samplePeriod().toNanos();
        long discoverPeriod = options.discoverPeriod().toNanos();
        long next = System.nanoTime();
        long nextDiscovery = next + discoverPeriod;
        while (running) {
            long now = System.nanoTime();
            if (now - nextDiscovery >= 0) {
                discover(now);
                nextDiscovery = now + discoverPeriod;
            }
            sweep(now);
            long took = System.nanoTime() - now;
            sampleNanos += took;
            sweeps++;
            // every thread quiet (blocked 0.2 s, read at the slower rate): the next sweep at that rate
            // (a thread waking is seen at its next read either way); new threads are looked for on time
            next += allQuiet ? Math.min(options.quietPeriod().toNanos(), nextDiscovery - now) : period;
            long wait = next - System.nanoTime();
            if (wait < 0) next = System.nanoTime(); // fell behind (a loaded machine): no burst to catch up
            else LockSupport.parkNanos(wait);
        }
    }

    /** One sample of every live thread (and every readable GIL). Package-private for tests. */
    void sweep(long now) {
        Map<Long, GilReading> gils = new HashMap<>();
        for (ObservedProcess p : processes) {
            if (p.exited() || p.reader == null || !p.reader.readable()) continue;
            GilReading g = p.reader.read();
            if (g == null) continue;
            gils.put(p.pid(), g);
            ObservedProcess.Gil old = p.gil();
            boolean first = old.latest() == null;
            p.gil(new ObservedProcess.Gil(old.version(), null, g, now, first ? g.switchNumber() : old.firstSwitch(),
                    first ? now : old.firstAtNanos(), old.samples() + 1, old.heldSamples() + (g.locked() ? 1 : 0)));
        }
        long quietAfter = options.quietAfter().toNanos();
        long quietRead = options.quietPeriod().toNanos() - options.samplePeriod().toNanos() / 2;
        boolean quietAll = quietAfter > 0;
        for (ObservedThread t : threads) {
            if (t.done()) continue;
            ObservedProcess p = byPid.get(t.pid());
            boolean quietNow = t.blockedSince != 0 && now - t.blockedSince >= quietAfter;
            if (quietNow && now - t.readAt < quietRead) {
                stillBlocked(t, now, p); // quiet: not read this time
                presumed++;
                continue;
            }
            sample(t, now, p, gils.get(t.pid()));
            quietAll &= t.done() || (t.blockedSince != 0 && now - t.blockedSince >= quietAfter);
        }
        allQuiet = quietAll;
    }

    private void sample(ObservedThread t, long now, ObservedProcess p, GilReading gil) {
        // schedstat at every sample: the cheapest of the files (~1 µs), exact CPU and run-queue wait
        samples++;
        long[] sv = t.schedNow;
        boolean sched = false;
        if (t.sched.ok()) {
            int len = t.sched.read();
            reads++;
            if (len < 0 || !TaskText.sched(t.sched.bytes(), len, sv)) {
                t.finish(); // gone
                return;
            }
            sched = true;
        }
        if (sched && t.baseCpu >= 0 && !t.wasRunnable && sv[2] > 0
                && sv[0] == t.lastCpu && sv[1] == t.lastWait && sv[2] == t.lastSlices) {
            // not on a core since the last sample, which found it blocked: it is in the same wait still
            // (it cannot leave one call for another without running), so nothing else is read. A thread
            // woken since and still on a run queue shows as blocked until it runs; schedstat then reports
            // the queueing, and the next interval gives back what was charged here (debt). On a kernel
            // without schedstats the slices stay 0 and every sample reads the syscall.
            t.readAt = now;
            stillBlocked(t, now, p);
            quiet++;
            return;
        }
        t.readAt = now;
        if (!sched) {
            // no schedstat at all (an old or stripped kernel): stat alone
            int len = t.stat.read();
            reads++;
            if (len < 0) {
                t.finish();
                return;
            }
        }
        TaskText.Syscall sc = null;
        if (t.syscall != null && t.syscall.ok()) {
            int n = t.syscall.read();
            reads++;
            sc = n < 0 ? null : TaskText.syscall(t.syscall.bytes(), n);
        }
        char state = 0;
        if (sc == null || (!sc.running() && table != null && table.kind(sc.nr()) == SyscallTable.Kind.OTHER)) {
            // without the syscall the state letter is all there is; with it, only D (disk) adds to OTHER
            int n = t.stat.read();
            reads++;
            TaskText.Stat st = n < 0 ? null : TaskText.stat(t.stat.bytes(), n);
            if (st == null) {
                t.finish();
                return;
            }
            if (st.state() == 'Z' || st.state() == 'X') {
                t.finish();
                return;
            }
            state = st.state();
        }
        t.lastSyscall = sc;
        t.lastState = state;
        ThreadActivity act = Classifier.classify(state, sc, table, judge(p));
        boolean holds = gil != null && gil.locked() && gil.holderTid() == t.tid();
        ThreadActivity onCore = holds ? ThreadActivity.HOLDING : ThreadActivity.RUNNING;
        if (act != ThreadActivity.RUNNING) t.lastBlocked = act;
        long cpu = sched ? sv[0] : 0;
        if (t.baseCpu < 0) {
            t.baseCpu = cpu;
            t.lastCpu = cpu;
            t.lastWait = sched ? sv[1] : 0;
            t.lastSlices = sched ? sv[2] : 0;
            t.lastNanos = now;
            t.wasRunnable = act == ThreadActivity.RUNNING;
            t.blockedSince = t.wasRunnable ? 0 : now;
            t.now(act == ThreadActivity.RUNNING ? onCore : act, 0);
            return;
        }
        long dt = now - t.lastNanos;
        t.lastNanos = now;
        ThreadActivity shown = act;
        if (sched) {
            // schedstat is exact but late: CPU time is added at the scheduler's ticks, and a wait on a
            // run queue only when the thread gets a core. So the interval is balanced over time: what
            // the kernel has not reported yet, for a thread runnable at both ends, is charged as waiting
            // for a core and taken off the wait when it is reported; over-reporting is carried as debt.
            long run = Math.max(0, cpu - t.lastCpu);
            long queued = Math.max(0, sv[1] - t.lastWait);
            t.lastCpu = cpu;
            t.lastWait = sv[1];
            t.lastSlices = sv[2];
            long late = Math.min(queued, t.owed);
            t.owed -= late;
            t.charge(onCore, run);
            t.charge(ThreadActivity.RUNNABLE, queued - late);
            long rest = dt - run - queued + late + t.debt;
            t.debt = 0;
            if (rest < 0) {
                t.debt = rest;
            } else if (act == ThreadActivity.RUNNING && t.wasRunnable) {
                t.charge(ThreadActivity.RUNNABLE, rest);
                t.owed += rest;
            } else {
                // the rest it was blocked: in what it is blocked in now, or was last seen blocked in
                t.charge(act == ThreadActivity.RUNNING ? t.lastBlocked : act, rest);
            }
            if (act == ThreadActivity.RUNNING) shown = queued > run ? ThreadActivity.RUNNABLE : onCore;
        } else {
            t.charge(act == ThreadActivity.RUNNING ? onCore : act, dt);
            if (act == ThreadActivity.RUNNING) shown = onCore;
        }
        t.wasRunnable = act == ThreadActivity.RUNNING;
        t.blockedSince = t.wasRunnable ? 0 : now;
        t.now(shown, cpu - t.baseCpu);
    }

    /**
     * A thread not on a core since it was last seen blocked: the interval is charged to that wait. What
     * it waits on is judged again from the syscall as read, as the GIL's address may be known now.
     */
    private void stillBlocked(ObservedThread t, long now, ObservedProcess p) {
        ThreadActivity kind = Classifier.classify(t.lastState, t.lastSyscall, table, judge(p));
        if (kind == ThreadActivity.RUNNING) kind = t.lastBlocked;
        t.lastBlocked = kind;
        long rest = now - t.lastNanos + t.debt;
        t.lastNanos = now;
        t.debt = 0;
        if (rest < 0) t.debt = rest;
        else t.charge(kind, rest);
        t.now(kind, t.lastCpu - t.baseCpu);
    }

    private static Classifier.FutexJudge judge(ObservedProcess p) {
        return p == null || p.reader == null ? UNKNOWN_FUTEX : p.reader.futexJudge();
    }

    private static final Classifier.FutexJudge UNKNOWN_FUTEX = a -> ThreadActivity.BLOCKED;

    /** Finds new threads and child processes; marks gone ones done. Package-private for tests. */
    void discover(long now) {
        for (Long pid; (pid = newRoots.poll()) != null; ) addProcess(pid, 0, now);
        for (ObservedProcess p : List.copyOf(processes)) {
            if (p.exited()) continue;
            long[] tids = proc.tasks(p.pid());
            if (tids == null || tids.length == 0) {
                exit(p);
                continue;
            }
            String comm = comm(p.pid(), p.pid());
            if (comm != null) p.comm(comm);
            Set<Long> live = new HashSet<>();
            for (long tid : tids) {
                live.add(tid);
                ObservedThread t = byTid.get(tid);
                if (t == null) addThread(p, tid, now);
                else if (!t.done() && tid == p.pid() && comm != null) t.comm(comm);
            }
            for (ObservedThread t : threadsOf.getOrDefault(p.pid(), List.of())) {
                if (!t.done() && !live.contains(t.tid())) t.finish();
            }
            locateGil(p, comm);
            if (options.children()) {
                for (long child : proc.children(p.pid(), forkers(tids))) {
                    if (!byPid.containsKey(child)) addProcess(child, p.pid(), now);
                }
            }
        }
    }

    /**
     * The threads whose {@code children} may have changed: those that ran since their file was last read
     * (a thread forks only on a core), new ones, and those without schedstat. A sleeping pool of 50 threads
     * costs no open-read-close ten times a second.
     */
    private long[] forkers(long[] tids) {
        long[] out = new long[tids.length];
        int n = 0;
        for (long tid : tids) {
            ObservedThread t = byTid.get(tid);
            if (t != null && t.sched != null && t.sched.ok() && t.lastSlices > 0 && t.childrenCpu == t.lastCpu) continue;
            if (t != null) t.childrenCpu = t.lastCpu;
            out[n++] = tid;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private void locateGil(ObservedProcess p, String comm) {
        // a program just started may not have exec'd or mapped python yet: look again a while, and after an exec
        boolean renamed = comm != null && !comm.equals(p.locatedComm);
        if (p.reader != null && (p.reader.readable() || (!renamed && p.locateTries >= 30))) return;
        if (p.reader != null) p.reader.close();
        p.locateTries++;
        p.locatedComm = comm;
        GilReader r = GilReader.locate(proc, p.pid());
        p.reader = r;
        p.gil(new ObservedProcess.Gil(r.version(), r.problem(), null, 0, 0, 0, 0, 0));
    }

    private void addProcess(long pid, long parent, long now) {
        if (byPid.containsKey(pid)) return;
        ObservedProcess p = new ObservedProcess(pid, parent, comm(pid, pid));
        byPid.put(pid, p);
        processes.add(p);
        if (proc.tasks(pid) == null) exit(p);
    }

    private void exit(ObservedProcess p) {
        for (ObservedThread t : threadsOf.getOrDefault(p.pid(), List.of())) if (!t.done()) t.finish();
        p.exit();
    }

    private void addThread(ObservedProcess p, long tid, long now) {
        if (threads.size() >= options.maxThreads()) {
            unobserved++;
            return;
        }
        String comm = comm(p.pid(), tid);
        ObservedThread t = new ObservedThread(p.pid(), tid, comm == null ? "?" : comm, now);
        t.stat = proc.openTask(p.pid(), tid, "stat", 1024);
        if (!t.stat.ok()) {
            t.finish();
            return;
        }
        t.sched = proc.openTask(p.pid(), tid, "schedstat", 128);
        t.syscall = proc.openTask(p.pid(), tid, "syscall", 256);
        if (!t.syscall.ok()) {
            t.limits("syscall unreadable (" + t.syscall.error() + "): blocked without a kind");
        } else if (table == null) {
            t.limits(limits());
        }
        byTid.put(tid, t);
        threadsOf.computeIfAbsent(p.pid(), k -> new CopyOnWriteArrayList<>()).add(t);
        threads.add(t);
        sample(t, now, p, null);
    }

    private String comm(long pid, long tid) {
        try {
            String s = proc.readText(pid, "task/" + tid + "/comm");
            return s.strip();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Stops sampling and closes every file. The target processes are left as they are. */
    @Override
    public void close() {
        running = false;
        if (sampler.isAlive() && Thread.currentThread() != sampler) {
            LockSupport.unpark(sampler);
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ObservedThread t : threads) if (!t.done()) t.finish();
        for (ObservedProcess p : processes) if (p.reader != null) p.reader.close();
    }
}
