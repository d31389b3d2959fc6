package dev.partop.probe.proc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The observer over a recorded /proc tree (copied, so a test can change and remove files). */
class ProcessTreeObserverTest {

    @TempDir
    Path proc;

    private ProcessTreeObserver observe() throws Exception {
        copy(ClassifierTest.resource("python311-mix"), proc);
        return ProcessTreeObserver.manual(new ProcReader(proc), List.of(11666L),
                ProcessTreeObserver.Options.DEFAULT, SyscallTable.x86_64());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private ObservedThread thread(ProcessTreeObserver o, long tid) {
        return o.threads().stream().filter(t -> t.tid() == tid).findFirst().orElseThrow();
    }

    @Test
    void findsEveryThreadNamedByPidTidAndComm() throws Exception {
        try (ProcessTreeObserver o = observe()) {
            assertThat(o.threads()).extracting(ObservedThread::name).containsExactly(
                    "11666/11666 python3", "11666/11708 python3", "11666/11710 python3", "11666/11711 python3",
                    "11666/11712 python3");
            assertThat(o.processes()).hasSize(1);
        }
    }

    @Test
    void chargesTheIntervalBySchedstatAndTheBlockedKind() throws Exception {
        try (ProcessTreeObserver o = observe()) {
            long t0 = System.nanoTime();
            // 100 ms later the CPU thread ran 60 ms and waited 10 ms for a core; the recv thread stayed blocked
            Path cpu = proc.resolve("11666/task/11708/schedstat");
            Files.writeString(cpu, (661607507L + 60_000_000L) + " " + (9300956L + 10_000_000L) + " 320\n");
            o.sweep(t0 + 100_000_000L);
            ObservedThread c = thread(o, 11708);
            // its found-time sample was at construction, before t0: at least 100 ms have passed
            assertThat(c.nanos(ThreadActivity.RUNNING)).isEqualTo(60_000_000L);
            // runnable at both samples: what schedstat has not reported yet counts as waiting for a core
            assertThat(c.nanos(ThreadActivity.RUNNABLE)).isGreaterThanOrEqualTo(10_000_000L);
            long all = 0;
            for (ThreadActivity a : ThreadActivity.values()) all += c.nanos(a);
            assertThat(all).isGreaterThanOrEqualTo(100_000_000L);
            assertThat(c.nanos(ThreadActivity.OTHER)).isZero();
            assertThat(c.cpuNanos()).isEqualTo(60_000_000L);
            ObservedThread io = thread(o, 11711);
            assertThat(io.activity()).isEqualTo(ThreadActivity.IO);
            assertThat(io.nanos(ThreadActivity.IO)).isGreaterThanOrEqualTo(100_000_000L);
            // no /proc/PID/maps in the recording: the futex cannot be told GIL or lock
            assertThat(thread(o, 11712).activity()).isEqualTo(ThreadActivity.BLOCKED);
            assertThat(o.processes().get(0).gil().problem()).contains("cannot read /proc/11666/maps");
        }
    }

    @Test
    void aProcessThatIsNotPythonHasOnlyOtherLocks() throws Exception {
        copy(ClassifierTest.resource("python311-mix"), proc);
        Files.writeString(proc.resolve("11666/maps"),
                "55d0c3a00000-55d0c3a20000 r--p 00000000 fe:00 1234 /usr/bin/java\n");
        try (ProcessTreeObserver o = ProcessTreeObserver.manual(new ProcReader(proc), List.of(11666L),
                ProcessTreeObserver.Options.DEFAULT, SyscallTable.x86_64())) {
            o.sweep(System.nanoTime());
            assertThat(thread(o, 11712).activity()).isEqualTo(ThreadActivity.LOCK);
            assertThat(o.processes().get(0).gil().problem()).startsWith("not CPython");
        }
    }

    @Test
    void unreadableSyscallFilesDegradeToBlockedAndSaySo() throws Exception {
        copy(ClassifierTest.resource("python311-mix"), proc);
        try (Stream<Path> s = Files.walk(proc)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("syscall")).toList()) Files.delete(p);
        }
        try (ProcessTreeObserver o = ProcessTreeObserver.manual(new ProcReader(proc), List.of(11666L),
                ProcessTreeObserver.Options.DEFAULT, SyscallTable.x86_64())) {
            o.sweep(System.nanoTime());
            assertThat(thread(o, 11711).activity()).isEqualTo(ThreadActivity.BLOCKED);
            assertThat(thread(o, 11711).limits()).startsWith("syscall unreadable");
            assertThat(thread(o, 11708).activity()).isIn(ThreadActivity.RUNNING, ThreadActivity.RUNNABLE);
        }
    }

    @Test
    void goneThreadsAndProcessesAreMarkedDone() throws Exception {
        try (ProcessTreeObserver o = observe()) {
            deleteTree(proc.resolve("11666/task/11710"));
            o.discover(System.nanoTime());
            assertThat(thread(o, 11710).done()).isTrue();
            assertThat(thread(o, 11708).done()).isFalse();
            deleteTree(proc.resolve("11666"));
            o.discover(System.nanoTime());
            assertThat(o.threads()).allSatisfy(t -> assertThat(t.done()).isTrue());
            assertThat(o.processes().get(0).exited()).isTrue();
            assertThat(o.allExited()).isTrue();
        }
    }

    @Test
    void aNewThreadIsFoundAtTheNextDiscovery() throws Exception {
        try (ProcessTreeObserver o = observe()) {
            copy(proc.resolve("11666/task/11708"), proc.resolve("11666/task/11800"));
            o.discover(System.nanoTime());
            assertThat(o.threads()).extracting(ObservedThread::tid).contains(11800L);
        }
    }

    @Test
    void aThreadThatHasNotRunIsNotReadAgainAndOnceQuietIsReadAtTheSlowerRate() throws Exception {
        try (ProcessTreeObserver o = observe()) {
            ObservedThread sleeper = thread(o, 11710); // clock_nanosleep, schedstat unchanged from here on
            long t0 = sleeper.readAt;
            long before = o.reads();
            for (int k = 1; k <= 100; k++) o.sweep(t0 + k * 10_000_000L); // one second at 100 Hz
            // 4 blocked threads, schedstat only (no syscall, no stat): 20 reads in their first 0.2 s, then 25 a second;
            // the CPU thread (11708, "running" at both ends) is read in full every time
            long blockedReads = o.reads() - before - 2 * 100;
            assertThat(blockedReads).isBetween(4L * 35, 4L * 45);
            assertThat(o.presumedSamples()).isGreaterThan(4L * 50);
            // charged every sweep all the same: the whole second is sleep
            assertThat(sleeper.nanos(ThreadActivity.SLEEP)).isGreaterThanOrEqualTo(1_000_000_000L);
            assertThat(sleeper.activity()).isEqualTo(ThreadActivity.SLEEP);
            // it runs, and blocks in recv: seen at its next read, within the slower period (40 ms)
            Files.writeString(proc.resolve("11666/task/11710/schedstat"), "760292 3528356 11\n");
            Files.writeString(proc.resolve("11666/task/11710/syscall"),
                    "45 0x3 0x7f06e4134bf0 0xa 0x0 0x0 0x0 0x7ffe 0x7f06\n");
            for (int k = 101; k <= 104; k++) o.sweep(t0 + k * 10_000_000L);
            assertThat(sleeper.activity()).isEqualTo(ThreadActivity.IO);
            assertThat(sleeper.cpuNanos()).isEqualTo(200_000L);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
