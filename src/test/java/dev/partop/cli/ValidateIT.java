package dev.partop.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code partop validate} through the real jar: one clear line per broken file, exit 2. */
class ValidateIT {

    private static final Path BAD = Path.of("src/test/resources/scenarios/bad");

    @Test
    void everyBrokenFileGetsOneLineAndExitTwo() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(BAD)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path f : files) {
            JarRunner.Result r = JarRunner.run("validate", f.toString());
            assertThat(r.exit()).as(f + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(f + ": " + r.err()).isEqualTo(1);
            assertThat(r.err()).as(f.toString()).contains(f.getFileName().toString())
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void missingFileAndDirectoryAreUserErrors() throws Exception {
        for (String arg : List.of("no/such/file.yaml", "src")) {
            JarRunner.Result r = JarRunner.run("validate", arg);
            assertThat(r.exit()).as(arg).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
    }

    @Test
    void validFilesExitZero() throws Exception {
        JarRunner.Result r = JarRunner.run("validate", "scenarios/default.yaml", "scenarios/cpu-heavy.yaml");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ok");
    }

    @Test
    void typoInAKeyReadsLikeTheWalkthrough(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = JarRunner.scenario(dir, "convoy.yaml", """
                name: convoy
                phases:
                  - name: alone
                    model: sequential
                    workload: {tasks: 1, cpu: 10ms}
                  - name: beside
                    thread: 2
                    model: free-threads
                    workload: {tasks: 1, cpu: 10ms}
                """);
        JarRunner.Result r = JarRunner.run("validate", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).endsWith("convoy.yaml:7:5: unknown key 'thread' in phases[1]; did you mean 'threads'?");
    }
}
