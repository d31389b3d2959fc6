package dev.partop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jar, run headless as CI or a pipe would run it. */
class HeadlessRunIT {

    private static final String SMALL = """
            name: small
            description: Two short phases.
            defaults:
              workload: {tasks: 2, cpu: 100ms}
            phases:
              - name: one thread
                model: sequential
              - name: two free threads
                model: free-threads
                threads: 2
            """;

    @Test
    void jsonLinesFromHeaderToSummary(@TempDir Path dir) throws Exception {
        Path file = JarRunner.scenario(dir, "small.yaml", SMALL);
        JarRunner.Result r = JarRunner.run("--json", "--interval", "50ms", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.lines()) lines.add(json.readTree(line));
        assertThat(lines.get(0).get("type").asText()).isEqualTo("header");
        assertThat(lines.get(0).get("calibration").get("ops_per_second").asDouble()).isPositive();
        assertThat(lines.get(0).get("cores").get("logical").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("summary");
        assertThat(last.get("phases")).hasSize(2);
        for (JsonNode p : last.get("phases")) {
            for (String field : List.of("name", "model", "wall_s", "cpu_s", "parallelism", "speedup", "tasks_done",
                    "tasks_total", "status")) {
                assertThat(p.has(field)).as(field).isTrue();
            }
            assertThat(p.get("status").asText()).isEqualTo("ok");
            assertThat(p.get("tasks_done").asInt()).isEqualTo(2);
        }
        assertThat(last.get("phases").get(0).get("speedup").asDouble()).isEqualTo(1.0);
        assertThat(lines).filteredOn(n -> n.get("type").asText().equals("phase")).hasSize(2);
        assertThat(lines).filteredOn(n -> n.get("type").asText().equals("sample")).isNotEmpty()
                .allSatisfy(n -> assertThat(n.get("busy")).hasSize(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void plainOutputEndsWithTheResultsTable(@TempDir Path dir) throws Exception {
        Path file = JarRunner.scenario(dir, "small.yaml", SMALL);
        // CI set and no terminal: headless on its own, no flag needed
        JarRunner.Result r = JarRunner.run(Map.of("CI", "true"), file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("phase").contains("speed-up").contains("one thread").contains("1.00x");
    }

    @Test
    void badFlagIsOneLineAndExitTwo() throws Exception {
        JarRunner.Result r = JarRunner.run("--interval", "fast");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void unknownScenarioIsOneLineAndExitTwo() throws Exception {
        JarRunner.Result r = JarRunner.run("no-such-scenario");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-scenario").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }
}
