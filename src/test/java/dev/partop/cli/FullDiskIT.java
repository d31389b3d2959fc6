package dev.partop.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Output files on a full disk: /dev/full, and (as root) a 64 KiB tmpfs nearly full. The run
 * goes on to its results; each output that could not be written is one line on stderr naming
 * it; what was written replays or plays; partop exits 3. A read-only directory is refused
 * before anything runs, and a read-only checkout still runs through scripts/partop.
 */
class FullDiskIT {

    @TempDir
    static Path dir;
    static Path scenario;
    /** A 64 KiB tmpfs, or null where this test may not mount one (not root). */
    static Path tiny;
    static Path readOnly;

    @BeforeAll
    static void setUp() throws Exception {
        scenario = JarRunner.scenario(dir, "short.yaml", """
                name: short
                phases:
                  - name: a
                    model: sequential
                    workload: {tasks: 2, cpu: 300ms}
                  - name: b
                    model: free-threads
                    workload: {tasks: 2, cpu: 300ms}
                """);
        Path t = dir.resolve("tiny");
        Path r = dir.resolve("ro");
        Files.createDirectories(t);
        Files.createDirectories(r);
        if (run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", t.toString()) == 0) tiny = t;
        if (run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", r.toString()) == 0) readOnly = r;
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (tiny != null) run("umount", tiny.toString());
        if (readOnly != null) run("umount", readOnly.toString());
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static void assertRanOnAndSaid(JarRunner.Result r, String... flagsAndFiles) {
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        // the run went on to its results table
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).startsWith("b ").endsWith("ok"));
        List<String> err = r.err().lines().toList();
        assertThat(err).hasSize(flagsAndFiles.length);
        for (int i = 0; i < flagsAndFiles.length; i++) {
            assertThat(err.get(i)).startsWith("partop: " + flagsAndFiles[i] + ": No space left on device; ");
        }
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("internal error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--save", "--record"})
    void devFull(String flag) throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full");
        JarRunner.Result r = JarRunner.run("--headless", scenario.toString(), flag, "/dev/full");
        assertRanOnAndSaid(r, flag + " /dev/full");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run.partop", "run.partop.gz"})
    void aTinyFilesystemKeepsAReplayableRecording(String name) throws Exception {
        assumeTrue(tiny != null, "cannot mount a tmpfs here (not root)");
        Path file = fill(name, name.endsWith(".gz") ? 60 : 52);
        // samples every 10 ms: more than gzip packs into what is left
        JarRunner.Result r = JarRunner.run("--headless", "--interval", "10ms", scenario.toString(), "--save",
                file.toString());
        assertRanOnAndSaid(r, "--save " + file);
        JarRunner.Result replay = JarRunner.run("replay", "--headless", "--speed", "100", file.toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("partop");
        assertThat(JarRunner.run("report", file.toString()).exit()).isZero();
    }

    @Test
    void aTinyFilesystemKeepsAPlayableCast() throws Exception {
        assumeTrue(tiny != null, "cannot mount a tmpfs here (not root)");
        Path file = fill("talk.cast", 52);
        JarRunner.Result r = JarRunner.run("--headless", scenario.toString(), "--record", file.toString());
        assertRanOnAndSaid(r, "--record " + file);
        List<String> events = Files.readAllLines(file);
        assertThat(events).hasSizeGreaterThan(1);
        // every line is whole JSON: the cut-off event was cut back
        for (String e : events) assertThat(dev.partop.snapshot.Json.mapper().readTree(e)).isNotNull();
    }

    @Test
    void aReportOnAFullFilesystemIsOneLine() throws Exception {
        assumeTrue(tiny != null, "cannot mount a tmpfs here (not root)");
        Path file = fill("report.md", 64);
        JarRunner.Result r = JarRunner.run("--headless", scenario.toString(), "--report", file.toString());
        assertRanOnAndSaid(r, "--report " + file);
    }

    /** Empties the tiny filesystem and fills {@code kib} of its 64 KiB; the path of a file to write there. */
    private static Path fill(String name, int kib) throws IOException {
        try (var files = Files.list(tiny)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        try {
            Files.write(tiny.resolve("filler"), new byte[kib * 1024]);
        } catch (IOException full) {
            // filled to the last byte, as asked
        }
        return tiny.resolve(name);
    }

    @Test
    void aReadOnlyCheckoutRunsThroughTheLauncher() throws Exception {
        // scripts/partop and its jar on a read-only bind mount: the class-data archive goes to the user's cache
        Path copy = dir.resolve("checkout");
        Files.createDirectories(copy.resolve("scripts"));
        Files.createDirectories(copy.resolve("target"));
        Files.copy(Path.of("scripts", "partop"), copy.resolve("scripts/partop"));
        Files.copy(JarRunner.jar(), copy.resolve("target/partop.jar"));
        Path mounted = dir.resolve("ro-checkout");
        Files.createDirectories(mounted);
        assumeTrue(run("mount", "--bind", copy.toString(), mounted.toString()) == 0, "cannot bind-mount here (not root)");
        try {
            assertThat(run("mount", "-o", "remount,bind,ro", mounted.toString())).isZero();
            Path home = dir.resolve("home");
            Files.createDirectories(home);
            for (int i = 0; i < 2; i++) {
                // the first run writes the archive, the second maps it
                Path out = dir.resolve("launcher-out.txt");
                Path err = dir.resolve("launcher-err.txt");
                ProcessBuilder pb = new ProcessBuilder(mounted.resolve("scripts/partop").toString(), "--headless",
                        scenario.toString()).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().put("HOME", home.toString());
                pb.environment().remove("XDG_CACHE_HOME");
                Process p = pb.start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(Files.readString(err)).isZero();
                assertThat(Files.readString(err)).isEmpty();
                assertThat(Files.readAllLines(out)).anySatisfy(l -> assertThat(l).startsWith("b ").endsWith("ok"));
            }
            try (var cached = Files.list(home.resolve(".cache/partop"))) {
                assertThat(cached.toList()).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".jsa"));
            }
        } finally {
            run("umount", mounted.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--save", "--record", "--report"})
    void aReadOnlyDirectoryIsRefusedBeforeAnythingRuns(String flag) throws Exception {
        assumeTrue(readOnly != null, "cannot mount a tmpfs here (not root)");
        Path file = readOnly.resolve("out.md");
        JarRunner.Result r = JarRunner.run("--headless", scenario.toString(), flag, file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("partop: " + flag + " " + file + ": cannot write there (Read-only file system)\n");
    }
}
