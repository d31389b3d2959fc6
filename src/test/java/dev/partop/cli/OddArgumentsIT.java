package dev.partop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Arguments and outputs a new user tries: each one ends at once with one clear line, or runs. */
class OddArgumentsIT {

    @TempDir
    Path dir;

    @Test
    void aReaderThatGoesAwayEndsTheRunAtOnce() throws Exception {
        // partop default | head -1: the default scenario is 50 s of work; the run must stop when head does
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(JarRunner.command("default")).redirectError(err.toFile()).start();
        try {
            p.getOutputStream().close();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(r.readLine()).startsWith("partop ");
            long t0 = System.nanoTime();
            p.getInputStream().close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("partop stopped after its reader went away").isTrue();
            System.out.printf("closed pipe: partop ended %.1f s after its reader%n", (System.nanoTime() - t0) / 1e9);
            assertThat(p.exitValue()).isZero();
            assertThat(Files.readString(err)).isEmpty();
        } finally {
            JarRunner.destroy(p);
        }
    }

    @Test
    void aCommandPhaseWithoutAllowCommandsIsOneLineAndAHint() throws Exception {
        Path file = JarRunner.scenario(dir, "cmd.yaml", """
                name: a program
                phases:
                  - name: py
                    model: command
                    command: |
                      python3 -c "
                      import time
                      for i in range(3):
                          time.sleep(0.1)
                      "
                """);
        JarRunner.Result r = JarRunner.run("--headless", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err()).startsWith("partop: phase 'py' runs a program (python3 -c import time for i in range(3)")
                .contains("hint: add --allow-commands");
    }

    @Test
    void aMissingScenarioFileSaysSo() throws Exception {
        String missing = dir.resolve("sub").resolve("file.yaml").toString();
        JarRunner.Result r = JarRunner.run("--headless", missing);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(missing + ": no such file (there is no directory " + dir.resolve("sub") + ")\n");
        missing = dir.resolve("file.yaml").toString();
        r = JarRunner.run("--headless", missing);
        assertThat(r.err()).isEqualTo(missing + ": no such file\n");
    }

    @Test
    void anOutputInAMissingDirectoryIsRefusedBeforeAnythingRuns() throws Exception {
        for (String flag : new String[]{"--save", "--record", "--report"}) {
            Path file = dir.resolve("nowhere").resolve("out.md");
            JarRunner.Result r = JarRunner.run("--headless", "default", flag, file.toString());
            assertThat(r.exit()).as(flag).isEqualTo(2);
            assertThat(r.out()).as(flag + ": nothing ran").isEmpty();
            assertThat(r.err()).startsWith("partop: " + flag + " " + file + ": no such directory\n");
        }
    }
}
