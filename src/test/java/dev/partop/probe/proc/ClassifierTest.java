package dev.partop.probe.proc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification on {@code /proc} text recorded from real CPython threads (see resources/proc/README.md). */
class ClassifierTest {

    /** The 3.11.7 process of gil-wait.txt: its GIL's bytes. */
    private static final long GIL = 0x7f0ef8000000L + 0x54e540L + 360;
    private static final Classifier.FutexJudge RECORDED_GIL =
            a -> a >= GIL && a < GIL + GilLayout.GIL_SIZE ? ThreadActivity.GIL : ThreadActivity.LOCK;
    private static final SyscallTable X86 = SyscallTable.x86_64();

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ClassifierTest.class.getResource("/proc/" + name).toURI());
    }

    private static TaskText.Syscall syscall(String line) {
        byte[] b = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        return TaskText.syscall(b, b.length);
    }

    private static ThreadActivity recorded(String tid, Classifier.FutexJudge judge) throws Exception {
        Path dir = resource("python311-mix/11666/task/" + tid);
        String sc = Files.readString(dir.resolve("syscall")).strip();
        String st = Files.readString(dir.resolve("stat"));
        char state = TaskText.stat(st.getBytes(), st.length()).state();
        return Classifier.classify(state, syscall(sc), X86, judge);
    }

    @Test
    void aFutexInsideTheGilIsWaitingForTheGil() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(resource("gil-wait.txt"));
        for (String l : lines) {
            assertThat(Classifier.classify('S', syscall(l), X86, RECORDED_GIL)).isEqualTo(ThreadActivity.GIL);
        }
    }

    @Test
    void recordedThreadsOfAMixedProgram() throws Exception {
        assertThat(recorded("11666", RECORDED_GIL)).isEqualTo(ThreadActivity.SLEEP);   // main: time.sleep
        assertThat(recorded("11708", RECORDED_GIL)).isEqualTo(ThreadActivity.RUNNING); // CPU loop
        assertThat(recorded("11710", RECORDED_GIL)).isEqualTo(ThreadActivity.SLEEP);   // time.sleep
        assertThat(recorded("11711", RECORDED_GIL)).isEqualTo(ThreadActivity.IO);      // socket recv
        assertThat(recorded("11712", RECORDED_GIL)).isEqualTo(ThreadActivity.LOCK);    // threading.Lock
    }

    @Test
    void selectWithoutFdsIsASleepWithFdsIO() {
        // time.sleep before 3.11: pselect6(0, NULL, NULL, NULL, &ts, NULL)
        assertThat(Classifier.classify('S', syscall("270 0x0 0x0 0x0 0x0 0x7ffc5a0 0x0 0x7ffc 0x7f00"), X86, RECORDED_GIL))
                .isEqualTo(ThreadActivity.SLEEP);
        assertThat(Classifier.classify('S', syscall("270 0x4 0x7ffc100 0x0 0x0 0x7ffc5a0 0x0 0x7ffc 0x7f00"), X86, RECORDED_GIL))
                .isEqualTo(ThreadActivity.IO);
        assertThat(Classifier.classify('S', syscall("232 0x3 0x7ffc100 0x1 0xffffffff 0x0 0x0 0x7ffc 0x7f00"), X86, RECORDED_GIL))
                .isEqualTo(ThreadActivity.IO); // epoll_wait: an idle asyncio loop
        assertThat(Classifier.classify('S', syscall("7 0x0 0x0 0x64 0x0 0x0 0x0 0x7ffc 0x7f00"), X86, RECORDED_GIL))
                .isEqualTo(ThreadActivity.SLEEP); // poll with no fds
    }

    @Test
    void diskWaitIsIOWhateverTheSyscall() {
        assertThat(Classifier.classify('D', syscall("-1 0x7ffc 0x7f00"), X86, RECORDED_GIL)).isEqualTo(ThreadActivity.IO);
        assertThat(Classifier.classify('S', syscall("-1 0x7ffc 0x7f00"), X86, RECORDED_GIL)).isEqualTo(ThreadActivity.OTHER);
    }

    @Test
    void withoutTheSyscallFileABlockedThreadHasNoKind() {
        assertThat(Classifier.classify('S', null, X86, RECORDED_GIL)).isEqualTo(ThreadActivity.BLOCKED);
        assertThat(Classifier.classify('R', null, X86, RECORDED_GIL)).isEqualTo(ThreadActivity.RUNNING);
        assertThat(Classifier.classify('D', null, X86, RECORDED_GIL)).isEqualTo(ThreadActivity.IO);
    }

    @Test
    void onAnUnknownArchitectureABlockedThreadHasNoKind() {
        assertThat(SyscallTable.forArch("aarch64")).isNull();
        assertThat(Classifier.classify('S', syscall("98 0x7f0ef854e6f0 0x89 0x0 0x0 0x0 0x0 0x0 0x0"), null, RECORDED_GIL))
                .isEqualTo(ThreadActivity.BLOCKED);
    }

    @Test
    void aFutexWithTheGilUnknownIsNotCalledALock() {
        Classifier.FutexJudge unknown = a -> ThreadActivity.BLOCKED;
        assertThat(Classifier.classify('S', syscall("202 0x7f0ef854e6f0 0x89 0x0 0x0 0x0 0x0 0x0 0x0"), X86, unknown))
                .isEqualTo(ThreadActivity.BLOCKED);
    }
}
