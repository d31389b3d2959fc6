package dev.partop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * partop started with a class-data archive made for another copy of the jar (what
 * scripts/partop passes after a rebuild raced it): the JVM warns about the archive, and its
 * workers inherit the flag. Their warning must not land on the protocol pipe: the processes
 * phase runs, and so does the phase after it. It hung for good before.
 */
class StaleArchiveIT {

    @TempDir
    Path dir;

    @Test
    void aProcessesPhaseRunsWithAnArchiveMadeForAnotherJar() throws Exception {
        String java = JarRunner.java();
        Path other = dir.resolve("other.jar");
        Files.copy(JarRunner.jar(), other);
        Files.setLastModifiedTime(other, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Path archive = dir.resolve("other.jsa");
        Process make = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", other.toString(), "list")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(make.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(archive).exists();

        Path scenario = JarRunner.scenario(dir, "procs.yaml", """
                name: stale archive
                phases:
                  - name: two workers
                    model: processes
                    workers: 2
                    workload: {tasks: 2, cpu: 100ms}
                  - name: after
                    model: sequential
                    workload: {tasks: 1, cpu: 100ms}
                """);
        Path out = dir.resolve("out.txt");
        // the launcher's own flags: its warning about the archive is silenced, the workers' was not
        Process run = new ProcessBuilder(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", JarRunner.jar().toString(), "--headless", scenario.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        run.getOutputStream().close();
        try {
            assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("partop finished; it printed:%n%s", Files.readString(out))
                    .isTrue();
        } finally {
            JarRunner.destroy(run);
        }
        List<String> lines = Files.readAllLines(out);
        assertThat(run.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("two workers").contains("2/2").endsWith("ok"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("after").endsWith("ok"));
    }
}
