package dev.partop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real jar under real limits, where this machine allows them (root, a cgroup hierarchy
 * with the cpu controller, taskset): a CPU quota and an affinity. partop says what it may use
 * ("allowed: 0.5 cores (quota 0.5 of 2 CPUs)"); the JVM's own figure, printed beside it, is
 * the same limit rounded up to whole CPUs. Skipped, with the reason printed, where the machine
 * cannot make the limit.
 */
class CpuLimitIT {

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path f = dir.resolve("limit.yaml");
        Files.writeString(f, """
                name: limits
                phases:
                  - name: two threads
                    model: free-threads
                    threads: 2
                    workload: {tasks: 2, cpu: 100ms}
                """);
        return f;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Run(int exit, String out) {
    }

    private static Run run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + cmd);
        }
        return new Run(p.exitValue(), out);
    }

    /** What the JVM itself counts under the same limits. */
    private static String jvmCount(List<String> prefix) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java(), "-XshowSettings:system", "-version"));
        for (String line : run(cmd).out().lines().toList()) {
            if (line.contains("Effective CPU Count")) return line.trim();
        }
        return "(the JVM printed no CPU count)";
    }

    @Test
    void aCpuQuotaIsSaid() throws Exception {
        Path cgroup = quotaCgroup();
        try {
            List<String> inCgroup = List.of("sh", "-c", "echo $$ > " + cgroup.resolve("cgroup.procs") + " && exec \"$@\"",
                    "sh");
            List<String> cmd = new ArrayList<>(inCgroup);
            cmd.addAll(List.of(java(), "-jar", JarRunner.jar().toString(), "--headless", scenario().toString()));
            Run r = run(cmd);
            System.out.println("quota 0.5 core: partop says '" + r.out().lines().skip(1).findFirst().orElse("")
                    + "'; the JVM says '" + jvmCount(inCgroup) + "'");
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out().lines().toList().get(1)).startsWith("allowed: 0.5 cores (quota 0.5 of ")
                    .endsWith(" CPUs)");
        } finally {
            Files.deleteIfExists(cgroup);
        }
    }

    @Test
    void anAffinityIsSaid() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        assumeTrue(cpus >= 2, () -> skip("one CPU: no affinity narrower than the machine"));
        boolean taskset;
        try {
            taskset = run(List.of("taskset", "-c", "0", "true")).exit() == 0;
        } catch (IOException e) {
            taskset = false;
        }
        assumeTrue(taskset, () -> skip("no taskset"));
        List<String> pinned = List.of("taskset", "-c", "0");
        List<String> cmd = new ArrayList<>(pinned);
        cmd.addAll(List.of(java(), "-jar", JarRunner.jar().toString(), "--headless", scenario().toString()));
        Run r = run(cmd);
        System.out.println("taskset -c 0: partop says '" + r.out().lines().skip(1).findFirst().orElse("")
                + "'; the JVM says '" + jvmCount(pinned) + "'");
        assertThat(r.exit()).as(r.out()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains("(1 CPUs");
        assertThat(lines.get(1)).isEqualTo("allowed: 1 core (affinity 0 of " + cpus + " CPUs)");
        // one bar: the sample lines list one CPU's figure
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*cores +[0-9.]+/1 .*\\| +\\d+$"));
    }

    /** A new cgroup with a quota of half a core, v1 or v2, or the test is skipped saying why. */
    private static Path quotaCgroup() throws IOException {
        String name = "partop-it-" + ProcessHandle.current().pid();
        Path v1 = Path.of("/sys/fs/cgroup/cpu");
        if (Files.exists(v1.resolve("cpu.cfs_quota_us"))) {
            Path g = v1.resolve(name);
            try {
                Files.createDirectories(g);
                Files.writeString(g.resolve("cpu.cfs_quota_us"), "50000");
                Files.writeString(g.resolve("cpu.cfs_period_us"), "100000");
                return g;
            } catch (IOException e) {
                Files.deleteIfExists(g);
                assumeTrue(false, skip("cannot make a cgroup v1 quota under " + v1 + ": " + e.getMessage()));
            }
        }
        for (Path v2 : List.of(Path.of("/sys/fs/cgroup"), Path.of("/sys/fs/cgroup/unified"))) {
            Path controllers = v2.resolve("cgroup.subtree_control");
            if (!Files.exists(controllers)) continue;
            // the cpu controller must be on for the hierarchy's children: turning it on is the machine's business
            if (!List.of(Files.readString(controllers).trim().split(" ")).contains("cpu")) continue;
            Path g = v2.resolve(name);
            try {
                Files.createDirectories(g);
                Files.writeString(g.resolve("cpu.max"), "50000 100000");
                return g;
            } catch (IOException e) {
                Files.deleteIfExists(g);
            }
        }
        assumeTrue(false, skip("no cgroup hierarchy with the cpu controller that this user may write"));
        return null;
    }

    private static String skip(String why) {
        System.out.println("CpuLimitIT skipped: " + why);
        return why;
    }
}
