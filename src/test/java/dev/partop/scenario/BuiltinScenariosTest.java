package dev.partop.scenario;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios/ folder and the built-in list agree, and every built-in is valid. */
class BuiltinScenariosTest {

    private static List<String> filesInRepo() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    @Test
    void everyFileInScenariosIsListedAndNothingElse() throws IOException {
        assertThat(BuiltinScenarios.names()).containsExactlyInAnyOrderElementsOf(filesInRepo());
        assertThat(BuiltinScenarios.names().get(0)).isEqualTo(BuiltinScenarios.defaultName()).isEqualTo("default");
    }

    @Test
    void everyBuiltinLoadsFromTheClasspathAndFromItsFile() throws Exception {
        for (String name : BuiltinScenarios.names()) {
            Scenario fromJar = BuiltinScenarios.load(name);
            assertThat(fromJar.source()).isEqualTo("builtin:" + name);
            assertThat(fromJar.text()).isEqualTo(BuiltinScenarios.text(name).orElseThrow());
            Scenario fromFile = ScenarioLoader.load(Path.of("scenarios", name + ".yaml"));
            assertThat(fromFile.phases()).isEqualTo(fromJar.phases());
            assertThat(fromJar.description()).as("%s needs a description a speaker can read", name).hasSizeGreaterThan(40);
        }
    }

    @Test
    void summaryIsTheFirstSentence() {
        for (String name : BuiltinScenarios.names()) {
            String summary = BuiltinScenarios.summary(name);
            assertThat(summary).doesNotContain("\n").endsWith(".").hasSizeLessThan(120);
        }
        assertThat(BuiltinScenarios.firstSentence("Eight tasks of 1.5 s each. Then more.\nAnd more."))
                .isEqualTo("Eight tasks of 1.5 s each.");
    }

    @Test
    void unknownNamesHaveNoText() {
        assertThat(BuiltinScenarios.text("no-such-scenario")).isEmpty();
        assertThat(BuiltinScenarios.text("../pom")).isEmpty();
    }

    @Test
    void theDefaultScenarioIsShort() throws Exception {
        Scenario s = BuiltinScenarios.load("default");
        long cpuSeconds = 0;
        for (Phase p : s.phases()) {
            for (Workload w : p.workloads()) cpuSeconds += (long) w.tasks() * w.rounds() * w.cpu().toSeconds();
        }
        assertThat(cpuSeconds).as("total CPU seconds of work over all phases").isBetween(6L, 16L);
    }
}
