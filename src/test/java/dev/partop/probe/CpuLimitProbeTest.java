package dev.partop.probe;

import dev.partop.snapshot.CpuLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe on fake /proc and /sys trees: cgroup v2 and v1, quotas, cpusets, nothing, and what cannot be read. */
class CpuLimitProbeTest {

    @TempDir
    Path root;

    private static final String V2_MOUNT = "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw\n";
    private static final String V1_MOUNTS = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void host(int cpus, String affinity) throws IOException {
        write("sys/devices/system/cpu/online", "0-" + (cpus - 1) + "\n");
        write("proc/self/status", "Name:\tjava\nCpus_allowed:\tff\nCpus_allowed_list:\t" + affinity + "\n");
    }

    private CpuLimit read() {
        return new CpuLimitProbe(root).read();
    }

    @Test
    void cgroupV2QuotaOfTwoCoresOnSixtyFour() throws IOException {
        host(64, "0-63");
        write("proc/self/cgroup", "0::/system.slice/app.service\n");
        write("proc/self/mountinfo", V2_MOUNT);
        write("sys/fs/cgroup/system.slice/app.service/cpu.max", "200000 100000\n");
        write("sys/fs/cgroup/system.slice/cpu.max", "max 100000\n");
        write("sys/fs/cgroup/system.slice/app.service/cpuset.cpus.effective", "0-63\n");
        CpuLimit l = read();
        assertThat(l.hostCpus()).isEqualTo(64);
        assertThat(l.quotaCores()).isEqualTo(2.0);
        assertThat(l.allowed()).hasSize(64);
        assertThat(l.allowedCores()).isEqualTo(2.0);
        assertThat(l.limited()).isTrue();
        assertThat(l.unknown()).isNull();
        assertThat(l.describe()).isEqualTo("quota 2 of 64 CPUs");
    }

    @Test
    void theSmallestQuotaOnTheWayUpCounts() throws IOException {
        host(8, "0-7");
        write("proc/self/cgroup", "0::/a/b\n");
        write("proc/self/mountinfo", V2_MOUNT);
        write("sys/fs/cgroup/a/b/cpu.max", "400000 100000\n");
        write("sys/fs/cgroup/a/cpu.max", "150000 100000\n");
        assertThat(read().quotaCores()).isEqualTo(1.5);
        assertThat(read().describe()).isEqualTo("quota 1.5 of 8 CPUs");
    }

    @Test
    void cgroupV2Cpuset() throws IOException {
        host(4, "0-3");
        write("proc/self/cgroup", "0::/pinned\n");
        write("proc/self/mountinfo", V2_MOUNT);
        write("sys/fs/cgroup/pinned/cpu.max", "max 100000\n");
        write("sys/fs/cgroup/pinned/cpuset.cpus.effective", "1,3\n");
        CpuLimit l = read();
        assertThat(l.quotaCores()).isNull();
        assertThat(l.allowed()).containsExactly(1, 3);
        assertThat(l.allowedCores()).isEqualTo(2.0);
        assertThat(l.allows(0)).isFalse();
        assertThat(l.allows(3)).isTrue();
        assertThat(l.describe()).isEqualTo("cpuset 1,3 of 4 CPUs");
    }

    @Test
    void aContainerSeesItsCgroupAsTheMountsRoot() throws IOException {
        host(16, "0-15");
        write("proc/self/cgroup", "0::/docker/abc\n");
        write("proc/self/mountinfo", "30 23 0:26 /docker/abc /sys/fs/cgroup ro,relatime - cgroup2 cgroup2 rw\n");
        write("sys/fs/cgroup/cpu.max", "50000 100000\n");
        assertThat(read().quotaCores()).isEqualTo(0.5);
        assertThat(read().describe()).isEqualTo("quota 0.5 of 16 CPUs");
    }

    @Test
    void cgroupV1Quota() throws IOException {
        host(2, "0-1");
        write("proc/self/cgroup", "4:memory:/x\n3:cpuset:/\n1:cpu,cpuacct:/partop\n0::/\n");
        write("proc/self/mountinfo", V1_MOUNTS);
        write("sys/fs/cgroup/cpu,cpuacct/partop/cpu.cfs_quota_us", "50000\n");
        write("sys/fs/cgroup/cpu,cpuacct/partop/cpu.cfs_period_us", "100000\n");
        write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
        write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
        write("sys/fs/cgroup/cpuset/cpuset.cpus", "0-1\n");
        CpuLimit l = read();
        assertThat(l.quotaCores()).isEqualTo(0.5);
        assertThat(l.cpuset()).isNull();
        assertThat(l.allowedCores()).isEqualTo(0.5);
        assertThat(l.describe()).isEqualTo("quota 0.5 of 2 CPUs");
    }

    @Test
    void cgroupV1Cpuset() throws IOException {
        host(8, "0-7");
        write("proc/self/cgroup", "3:cpuset:/lxc/one\n1:cpu,cpuacct:/\n0::/\n");
        write("proc/self/mountinfo", V1_MOUNTS);
        write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
        write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
        write("sys/fs/cgroup/cpuset/lxc/one/cpuset.cpus", "2-3\n");
        CpuLimit l = read();
        assertThat(l.quotaCores()).isNull();
        assertThat(l.allowed()).containsExactly(2, 3);
        assertThat(l.describe()).isEqualTo("cpuset 2-3 of 8 CPUs");
    }

    @Test
    void anAffinityNarrowerThanTheCgroupIsSaid() throws IOException {
        host(2, "0");
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", V2_MOUNT);
        CpuLimit l = read();
        assertThat(l.allowed()).containsExactly(0);
        assertThat(l.describe()).isEqualTo("affinity 0 of 2 CPUs");
    }

    @Test
    void noLimitSaysNothing() throws IOException {
        host(2, "0-1");
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", V2_MOUNT);
        write("sys/fs/cgroup/cpuset.cpus.effective", "0-1\n");
        CpuLimit l = read();
        assertThat(l.limited()).isFalse();
        assertThat(l.allowedCores()).isEqualTo(2.0);
        assertThat(l.describe()).isEmpty();
    }

    @Test
    void noProcSelfCgroupIsNoAnswer() {
        assertThat(read()).isNull();
    }

    @Test
    void aFileThatCannotBeReadIsUnknownNotAGuess() throws IOException {
        host(4, "0-3");
        write("proc/self/cgroup", "0::/app\n");
        write("proc/self/mountinfo", V2_MOUNT);
        // a directory where the file should be: reading it fails even for root
        Files.createDirectories(root.resolve("sys/fs/cgroup/app/cpu.max"));
        CpuLimit l = read();
        assertThat(l.quotaCores()).isNull();
        assertThat(l.unknown()).startsWith("cpu.max: ");
        assertThat(l.describe()).startsWith("limit unknown: cpu.max: ");
    }

    @Test
    void aFileThatCannotBeParsedIsUnknown() throws IOException {
        host(4, "0-3");
        write("proc/self/cgroup", "3:cpuset:/c\n1:cpu,cpuacct:/c\n0::/\n");
        write("proc/self/mountinfo", V1_MOUNTS);
        write("sys/fs/cgroup/cpu,cpuacct/c/cpu.cfs_quota_us", "lots\n");
        write("sys/fs/cgroup/cpu,cpuacct/c/cpu.cfs_period_us", "100000\n");
        write("sys/fs/cgroup/cpuset/c/cpuset.effective_cpus", "zero-one\n");
        CpuLimit l = read();
        assertThat(l.quotaCores()).isNull();
        assertThat(l.allowed()).containsExactly(0, 1, 2, 3);
        assertThat(l.unknown()).contains("cpu.cfs_quota_us: 'lots'").contains("cpuset.effective_cpus: 'zero-one'");
    }

    @Test
    void thisMachineAnswers() {
        CpuLimit l = new CpuLimitProbe(Path.of("/")).read();
        if (l == null) return; // not Linux
        assertThat(l.hostCpus()).isPositive();
        assertThat(l.allowed()).isNotEmpty();
        // the JVM rounds the same limits up to whole CPUs
        assertThat(Math.ceil(l.allowedCores())).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(CpuLimit.list(List.of(0, 1, 2, 5, 7, 8))).isEqualTo("0-2,5,7-8");
    }
}
