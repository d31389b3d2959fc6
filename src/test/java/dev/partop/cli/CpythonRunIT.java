package dev.partop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partop.snapshot.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jar runs a phase in python3 beside the model, and refuses an interpreter it cannot use. */
class CpythonRunIT {

    @TempDir
    Path dir;

    @Test
    void aCpythonPhaseStandsBesideTheModelInTheJson() throws Exception {
        Path file = JarRunner.scenario(dir, "side.yaml", """
                name: side by side
                defaults: {workload: {tasks: 2, cpu: 50ms, io: 5ms}}
                phases:
                  - {name: model, model: gil-threads, threads: 2}
                  - {name: real, model: gil-threads, threads: 2, runtime: cpython}
                """);
        JarRunner.Result r = JarRunner.run("--json", "--interval", "50ms", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode header = null;
        JsonNode summary = null;
        for (String line : r.out().lines().toList()) {
            JsonNode n = Json.mapper().readTree(line);
            if (n.path("type").asText().equals("header")) header = n;
            if (n.path("type").asText().equals("summary")) summary = n;
        }
        assertThat(header.path("pythons").get(0).path("loops_per_second").asDouble()).isPositive();
        JsonNode model = summary.path("phases").get(0);
        JsonNode real = summary.path("phases").get(1);
        assertThat(model.path("runtime").asText()).isEqualTo("model");
        assertThat(real.path("runtime").asText()).startsWith("CPython 3.");
        assertThat(real.path("python_version").asText()).matches("3\\.\\d+\\.\\d+");
        assertThat(real.path("status").asText()).isEqualTo("ok");
        assertThat(real.path("tasks_done").asInt()).isEqualTo(2);
        assertThat(real.path("cpu_s").asDouble()).isPositive();
        assertThat(real.path("io").path("ops").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingInterpreterIsOneLineAndExit2BeforeAnythingRuns() throws Exception {
        Path file = JarRunner.scenario(dir, "missing.yaml", """
                name: missing
                phases:
                  - {name: real, model: sequential, runtime: cpython, python: no-such-python, workload: {cpu: 10ms}}
                """);
        JarRunner.Result r = JarRunner.run("--headless", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("partop: phase 'real' runs in CPython, but cannot start 'no-such-python': "
                + "no such file or directory").doesNotContain("Exception");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void aModelTheInterpreterLacksIsOneLineAndExit2() throws Exception {
        Path file = JarRunner.scenario(dir, "lacks.yaml", """
                name: lacks
                phases:
                  - {name: real, model: free-threads, runtime: cpython, workload: {cpu: 10ms}}
                """);
        JarRunner.Result r = JarRunner.run("--headless", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("phase 'real': python3 (CPython 3.").contains("free-threaded CPython build");
    }
}
