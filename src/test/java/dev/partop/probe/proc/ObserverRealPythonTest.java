package dev.partop.probe.proc;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The observer on real python3 programs: what each thread's time went to. */
class ObserverRealPythonTest {

    private static Path python() {
        Path p = RealPython.onPath();
        Assumptions.assumeTrue(p != null, "no python3 on the PATH");
        return p;
    }

    /** Watches {@code code} for {@code ms} and returns every non-main thread's share of time by activity. */
    private record Watched(List<ObservedThread> threads, List<ObservedProcess> processes, double seconds) {
        Map<ThreadActivity, Double> share(ObservedThread t) {
            Map<ThreadActivity, Double> m = new EnumMap<>(ThreadActivity.class);
            long total = 0;
            for (ThreadActivity a : ThreadActivity.values()) total += t.nanos(a);
            for (ThreadActivity a : ThreadActivity.values()) m.put(a, total == 0 ? 0 : (double) t.nanos(a) / total);
            return m;
        }

        List<ObservedThread> workers() {
            return threads.stream().filter(t -> t.tid() != t.pid()).toList();
        }
    }

    private static Watched watch(String code, long ms) throws Exception {
        try (RealPython p = RealPython.start(python(), code);
             ProcessTreeObserver o = ProcessTreeObserver.start(ProcReader.system(), List.of(p.pid()),
                     ProcessTreeObserver.Options.DEFAULT)) {
            Thread.sleep(300); // every thread found and past its start
            long t0 = System.nanoTime();
            Thread.sleep(ms);
            double s = (System.nanoTime() - t0) / 1e9;
            assertThat(p.alive()).isTrue();
            return new Watched(List.copyOf(o.threads()), List.copyOf(o.processes()), s);
        }
    }

    @Test
    void fourCpuThreadsShareOneCoreAndWaitForTheGil() throws Exception {
        try (RealPython p = RealPython.start(python(), RealPython.cpuThreads(4, 0.005));
             ProcessTreeObserver o = ProcessTreeObserver.start(ProcReader.system(), List.of(p.pid()),
                     ProcessTreeObserver.Options.DEFAULT)) {
            Thread.sleep(300);
            List<ObservedThread> workers = o.threads().stream().filter(t -> t.tid() != t.pid()).toList();
            assertThat(workers).hasSize(4);
            long[] cpu0 = workers.stream().mapToLong(ObservedThread::cpuNanos).toArray();
            long[] gil0 = workers.stream().mapToLong(t -> t.nanos(ThreadActivity.GIL)).toArray();
            long t0 = System.nanoTime();
            Thread.sleep(2000);
            double s = (System.nanoTime() - t0) / 1e9;
            double[] cores = new double[4];
            double total = 0;
            for (int i = 0; i < 4; i++) {
                ObservedThread t = workers.get(i);
                cores[i] = (t.cpuNanos() - cpu0[i]) / 1e9 / s;
                total += cores[i];
                // off a core it waits for the GIL (or, on a loaded machine, for a core): no other kind
                double gilWait = (t.nanos(ThreadActivity.GIL) - gil0[i]) / 1e9 / s;
                assertThat(gilWait).as("thread %d GIL wait", i).isGreaterThan(0.1);
                long other = t.nanos(ThreadActivity.LOCK) + t.nanos(ThreadActivity.IO) + t.nanos(ThreadActivity.SLEEP)
                        + t.nanos(ThreadActivity.BLOCKED);
                assertThat(other).as("thread %d other waits", i).isLessThan(t.nanos(ThreadActivity.GIL) / 10);
            }
            // one core's worth at most between them, shared about evenly (each ~0.25 of a core on a quiet
            // machine; how much of that core the process gets depends on the load, so shares are asserted)
            assertThat(total).isLessThanOrEqualTo(1.05);
            for (int i = 0; i < 4; i++) assertThat(cores[i] / total).as("thread %d share", i).isBetween(0.1, 0.45);
            ObservedProcess.Gil gil = o.processes().get(0).gil();
            assertThat(gil.readable()).isTrue();
            double perS = (gil.latest().switchNumber() - gil.firstSwitch()) / ((gil.atNanos() - gil.firstAtNanos()) / 1e9);
            assertThat(perS).isBetween(30.0, 1000.0);
        }
    }

    @Test
    void sleepingThreadsSleep() throws Exception {
        Watched w = watch("import threading, time\n"
                + "for _ in range(4): threading.Thread(target=time.sleep, args=(600,), daemon=True).start()\n"
                + "print('ready', flush=True)\ntime.sleep(600)\n", 500);
        assertThat(w.workers()).hasSize(4).allSatisfy(t -> {
            assertThat(t.activity()).isEqualTo(ThreadActivity.SLEEP);
            assertThat(w.share(t).get(ThreadActivity.SLEEP)).isGreaterThan(0.9);
        });
    }

    @Test
    void aThreadInRecvIsInIO() throws Exception {
        Watched w = watch("import socket, threading, time\na, b = socket.socketpair()\n"
                + "threading.Thread(target=a.recv, args=(10,), daemon=True).start()\n"
                + "print('ready', flush=True)\ntime.sleep(600)\n", 500);
        assertThat(w.workers()).hasSize(1).allSatisfy(t -> {
            assertThat(t.activity()).isEqualTo(ThreadActivity.IO);
            assertThat(w.share(t).get(ThreadActivity.IO)).isGreaterThan(0.9);
        });
    }

    @Test
    void twoThreadsOnAThreadingLockWaitOnAnotherLockNotTheGil() throws Exception {
        Watched w = watch("import threading, time\nlock = threading.Lock(); lock.acquire()\n"
                + "for _ in range(2): threading.Thread(target=lock.acquire, daemon=True).start()\n"
                + "print('ready', flush=True)\ntime.sleep(600)\n", 500);
        assertThat(w.workers()).hasSize(2).allSatisfy(t -> {
            assertThat(t.activity()).isEqualTo(ThreadActivity.LOCK);
            assertThat(w.share(t).get(ThreadActivity.LOCK)).isGreaterThan(0.9);
            assertThat(t.nanos(ThreadActivity.GIL)).isZero();
        });
    }

    @Test
    void multiprocessingGivesAProcessEachAndUsesBothCores() throws Exception {
        String code = "import multiprocessing as mp, time\n"
                + "def spin(_):\n    x = 0\n    while True: x += 1\n"
                + "if __name__ == '__main__':\n"
                + "    ps = [mp.Process(target=spin, args=(i,), daemon=True) for i in range(2)]\n"
                + "    [p.start() for p in ps]\n"
                + "    print('ready', flush=True)\n    time.sleep(600)\n";
        try (RealPython p = RealPython.start(python(), code);
             ProcessTreeObserver o = ProcessTreeObserver.start(ProcReader.system(), List.of(p.pid()),
                     ProcessTreeObserver.Options.DEFAULT)) {
            Thread.sleep(500);
            List<ObservedProcess> children = o.processes().stream().filter(x -> x.parent() == p.pid()).toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(2);
            Thread.sleep(1500);
            // each child spins: all its time on a core or waiting for one (the machine is shared: how
            // much of a core it gets depends on the load, so that is not asserted here; the bench measures it)
            for (ObservedProcess c : children.subList(0, 2)) {
                List<ObservedThread> ts = o.threads().stream().filter(t -> t.pid() == c.pid()).toList();
                assertThat(ts).isNotEmpty();
                ObservedThread main = ts.get(0);
                long all = 0;
                for (ThreadActivity a : ThreadActivity.values()) all += main.nanos(a);
                long busy = main.nanos(ThreadActivity.RUNNING) + main.nanos(ThreadActivity.HOLDING)
                        + main.nanos(ThreadActivity.RUNNABLE);
                assertThat((double) busy / all).as("child %d busy share", c.pid()).isGreaterThan(0.9);
                assertThat(main.cpuNanos()).isGreaterThan(50_000_000L);
            }
        }
    }


    @Test
    void aSleepingPoolIsReadAtTheSlowerRateAndAWakingThreadIsSeen() throws Exception {
        // 20 threads asleep; one more wakes every 0.5 s for a short spin
        String code = """
                import threading, time
                for _ in range(20): threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
                def tick():
                    while True:
                        time.sleep(0.5)
                        t = time.perf_counter()
                        while time.perf_counter() - t < 0.02: pass
                threading.Thread(target=tick, daemon=True).start()
                print("ready", flush=True)
                time.sleep(60)
                """;
        try (RealPython p = RealPython.start(python(), code);
             ProcessTreeObserver o = ProcessTreeObserver.start(ProcReader.system(), List.of(p.pid()),
                     ProcessTreeObserver.Options.DEFAULT)) {
            Thread.sleep(800); // found, and the sleepers quiet for over 0.2 s
            long samples0 = o.samples();
            long presumed0 = o.presumedSamples();
            long reads0 = o.reads();
            long t0 = System.nanoTime();
            Thread.sleep(2000);
            double s = (System.nanoTime() - t0) / 1e9;
            long samples = o.samples() - samples0;
            long presumed = o.presumedSamples() - presumed0;
            // 22 threads at 100/s would be 4400 reads of schedstat in 2 s: the 21 quiet ones are read ~25/s
            assertThat(samples / s).as("thread reads per second").isLessThan(22 * 50);
            assertThat(o.reads() - reads0).as("files read").isLessThan((long) (22 * 50 * s));
            assertThat(samples + presumed).as("read or not, every thread is charged at each sweep").isPositive();
            ObservedThread ticker = o.threads().stream().filter(t -> t.tid() != t.pid()).reduce((a, b) -> b).orElseThrow();
            assertThat(ticker.cpuNanos()).as("the waking thread's CPU (schedstat, exact)").isGreaterThan(20_000_000L);
            long all = 0;
            for (ThreadActivity a : ThreadActivity.values()) all += ticker.nanos(a);
            assertThat(ticker.nanos(ThreadActivity.SLEEP)).as("mostly asleep").isGreaterThan(all / 2);
        }
    }
}
