package dev.partop.probe.proc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTextTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void statGivesStateNameTicksAndCpu() {
        String s = "11708 (python3) R 11662 11662 3920 0 -1 4194368 3 6512 0 0 65 7 5 4 20 0 6 0 55282 394899456 3482 "
                + "18446744073709551615 94890119094272 94890119094613 140732765022368 0 0 0 0 16781318 0 0 0 0 -1 1 0 0 0 0 0\n";
        TaskText.Stat st = TaskText.stat(b(s), s.length());
        assertThat(st.state()).isEqualTo('R');
        assertThat(st.comm()).isEqualTo("python3");
        assertThat(st.ppid()).isEqualTo(11662);
        assertThat(st.utimeTicks()).isEqualTo(65);
        assertThat(st.stimeTicks()).isEqualTo(7);
        assertThat(st.processor()).isEqualTo(1);
    }

    @Test
    void statNameMayHoldSpacesAndParentheses() {
        String s = "42 (a (b) c) D 1 1 1 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
        TaskText.Stat st = TaskText.stat(b(s), s.length());
        assertThat(st.comm()).isEqualTo("a (b) c");
        assertThat(st.state()).isEqualTo('D');
        assertThat(st.utimeTicks()).isEqualTo(3);
    }

    @Test
    void schedstatGivesNanoseconds() {
        TaskText.Sched s = TaskText.sched(b("661607507 9300956 315\n"), 22);
        assertThat(s.cpuNs()).isEqualTo(661607507L);
        assertThat(s.waitNs()).isEqualTo(9300956L);
        assertThat(s.slices()).isEqualTo(315);
        assertThat(TaskText.sched(b("garbage"), 7)).isNull();
    }

    @Test
    void syscallRunningBlockedAndOutsideASyscall() {
        assertThat(TaskText.syscall(b("running\n"), 8).running()).isTrue();
        String f = "202 0x7f0ef854e6f0 0x89 0x0 0x7f0ef7776ae0 0x0 0xffffffff 0x7f0ef77769b0 0x7f0ef7ea3f16\n";
        TaskText.Syscall sc = TaskText.syscall(b(f), f.length());
        assertThat(sc.running()).isFalse();
        assertThat(sc.nr()).isEqualTo(202);
        assertThat(sc.arg(0)).isEqualTo(0x7f0ef854e6f0L);
        assertThat(sc.arg(1)).isEqualTo(0x89);
        assertThat(sc.arg(5)).isEqualTo(0xffffffffL);
        TaskText.Syscall fault = TaskText.syscall(b("-1 0x7ffd 0x7f00\n"), 17);
        assertThat(fault.running()).isFalse();
        assertThat(fault.nr()).isEqualTo(-1);
    }
}
