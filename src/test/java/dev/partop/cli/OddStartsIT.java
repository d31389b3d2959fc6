package dev.partop.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How partop gets started besides a shell at a terminal: two at once, no terminal with stdin
 * at /dev/null or closed, under nohup, stdout to a file. Each one: the results on stdout,
 * exit 0, nothing on stderr, no stack trace, and no process of it left afterwards (every
 * process partop starts inherits a marker in its environment, looked for in /proc).
 */
class OddStartsIT {

    @TempDir
    static Path dir;
    static Path scenario;

    @BeforeAll
    static void scenario() throws IOException {
        // worker processes: the part most likely to be left behind
        scenario = JarRunner.scenario(dir, "odd.yaml", """
                name: odd starts
                phases:
                  - name: two workers
                    model: processes
                    workers: 2
                    workload: {tasks: 2, cpu: 100ms}
                """);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs {@code sh -c script} with a marker in the environment; stdin is whatever the script says. */
    private static Run sh(String mark, String script) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PARTOP_TEST_MARK", mark);
        pb.environment().remove("CI");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + script);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Processes whose environment holds {@code mark}, a little after the run (a zombie does not count). */
    private static List<Long> leftovers(String mark) throws Exception {
        Thread.sleep(300);
        List<Long> out = new ArrayList<>();
        byte[] needle = ("PARTOP_TEST_MARK=" + mark).getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    byte[] env = Files.readAllBytes(p.resolve("environ"));
                    if (indexOf(env, needle) >= 0 && dev.partop.TestProcesses.running(Long.parseLong(p.getFileName().toString()))) {
                        out.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void assertRanWhole(Run r, String what) {
        assertThat(r.exit()).as(what + ": exit code; stderr: " + r.err()).isZero();
        assertThat(r.err()).as(what + ": stderr").isEmpty();
        assertThat(r.out()).as(what + ": the results").startsWith("partop ").contains("two workers").contains(" ok");
        assertThat(r.out()).as(what + ": plain lines, no escape sequences").doesNotContain("\u001b[");
    }

    /** stdin at /dev/null, stdin closed, stdin and stdout closed: the three side by side, to keep CI short. */
    @Test
    void stdinAtDevNullOrClosed() throws Exception {
        List<String> redirects = List.of("</dev/null", "<&-", "<&- >&-");
        List<String> marks = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<Run>> runs = new ArrayList<>();
        for (String redirect : redirects) {
            String mark = UUID.randomUUID().toString();
            marks.add(mark);
            String script = "exec " + java() + " -jar " + JarRunner.jar() + " " + scenario + " " + redirect;
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return sh(mark, script);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }));
        }
        for (int i = 0; i < redirects.size(); i++) {
            Run r = runs.get(i).join();
            String redirect = redirects.get(i);
            if (redirect.contains(">&-")) {
                // nowhere to print: it runs, and says nothing
                assertThat(r.exit()).as(redirect + ": " + r.err()).isZero();
                assertThat(r.err()).as(redirect).isEmpty();
            } else {
                assertRanWhole(r, redirect);
            }
            assertThat(leftovers(marks.get(i))).as(redirect + ": processes left").isEmpty();
        }
    }

    /**
     * Two at once through scripts/partop on a fresh checkout: both write the class-data archive
     * at exit, then a third run maps it. Each its own recording, and both replay.
     */
    @Test
    void twoAtOnceThroughTheLauncher() throws Exception {
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("scripts"));
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(Path.of("scripts", "partop"), checkout.resolve("scripts/partop"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JarRunner.jar(), checkout.resolve("target/partop.jar"));
        String mark = UUID.randomUUID().toString();
        String launcher = checkout.resolve("scripts/partop").toString();
        Path a = dir.resolve("a.partop");
        Path b = dir.resolve("b.partop");
        Path outA = dir.resolve("a.txt");
        Path outB = dir.resolve("b.txt");
        Run both = sh(mark, launcher + " " + scenario + " --save " + a + " > " + outA + " 2>&1 & "
                + launcher + " " + scenario + " --save " + b + " > " + outB + " 2>&1 & "
                + "wait %1; x=$?; wait %2; echo \"$x $?\"");
        assertThat(both.out().trim()).as("exit codes; a:\n" + Files.readString(outA) + "\nb:\n" + Files.readString(outB))
                .isEqualTo("0 0");
        for (Path out : List.of(outA, outB)) {
            assertRanWhole(new Run(0, Files.readString(out), ""), out.getFileName().toString());
        }
        try (Stream<Path> archives = Files.list(checkout.resolve("target"))) {
            System.out.println("archives after two at once: " + archives.map(p -> p.getFileName().toString()).toList());
        }
        Run third = sh(mark, launcher + " " + scenario);
        assertRanWhole(third, "a third run, on the archive the two wrote");
        for (Path rec : List.of(a, b)) {
            Run replay = sh(mark, java() + " -jar " + JarRunner.jar() + " replay --headless --speed 100 " + rec);
            assertThat(replay.exit()).as("replay " + rec + ": " + replay.err()).isZero();
            assertThat(replay.out()).contains("two workers");
        }
        assertThat(leftovers(mark)).isEmpty();
    }

    /** In a terminal: nohup (stdin from /dev/null, stdout to nohup.out), and stdout to a file. */
    @Test
    void nohupAndStdoutToAFileFromATerminal() throws Exception {
        if (System.getenv("CI") != null) assertThat(Tmux.available()).as("CI installs tmux (.ci/run)").isTrue();
        assumeTrue(Tmux.available(), "tmux is not installed");
        String mark = UUID.randomUUID().toString();
        Path home = Files.createDirectories(dir.resolve("nohup"));
        Path before = home.resolve("stty-before");
        Path after = home.resolve("stty-after");
        Path file = home.resolve("out.txt");
        String partop = java() + " -jar " + JarRunner.jar() + " " + scenario;
        String script = "cd " + home + "; stty -a > " + before + "; nohup " + partop + "; echo $? > nohup-exit; "
                + partop + " > " + file + "; echo $? > file-exit; stty -a > " + after;
        Map<String, String> env = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8", "CI", "", "PARTOP_TEST_MARK", mark);
        try (Tmux t = Tmux.start(100, 30, env, script, false)) {
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (!(Files.exists(after) && Files.size(after) > 0) && System.nanoTime() < deadline) Thread.sleep(100);
            String screen = t.capture();
            assertThat(after).as("both runs ended; screen:\n" + screen).exists();
            Thread.sleep(100);
            assertThat(Files.readString(home.resolve("nohup-exit")).trim()).isEqualTo("0");
            assertThat(Files.readString(home.resolve("file-exit")).trim()).isEqualTo("0");
            assertRanWhole(new Run(0, Files.readString(home.resolve("nohup.out")), ""), "nohup");
            assertRanWhole(new Run(0, Files.readString(file), ""), "stdout to a file");
            assertThat(screen).as("no dashboard was drawn").doesNotContain("q quit").doesNotContain("Exception");
            assertThat(Files.readString(after)).isEqualTo(Files.readString(before));
        }
        assertThat(leftovers(mark)).isEmpty();
    }
}
