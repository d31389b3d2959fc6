package dev.partop.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader on valid scenarios: defaults, merging, the forms each key accepts. */
class ScenarioLoaderTest {

    private static Scenario parse(String yaml) throws ScenarioException {
        return ScenarioLoader.parse(yaml, "test.yaml");
    }

    @Test
    void readsTheFormatOfTheIssue() throws ScenarioException {
        String yaml = """
                name: CPU-heavy work
                description: Eight tasks of one second of CPU work each.
                baseline: 8 free threads
                defaults:
                  workload: {tasks: 8, cpu: 1s}
                phases:
                  - name: one thread
                    model: sequential
                  - name: 8 free threads
                    model: free-threads
                    threads: 8
                """;
        Scenario s = parse(yaml);
        assertThat(s.name()).isEqualTo("CPU-heavy work");
        assertThat(s.description()).isEqualTo("Eight tasks of one second of CPU work each.");
        assertThat(s.baseline()).isEqualTo("8 free threads");
        assertThat(s.source()).isEqualTo("test.yaml");
        assertThat(s.text()).isEqualTo(yaml);
        assertThat(s.phases()).extracting(Phase::name).containsExactly("one thread", "8 free threads");
        assertThat(s.phases()).extracting(Phase::line).containsExactly(7, 9);
        Phase seq = s.phase("one thread");
        assertThat(seq.model()).isEqualTo(ModelKind.SEQUENTIAL);
        assertThat(seq.threads()).isEqualTo(1);
        assertThat(seq.workloads()).containsExactly(Workload.builder().tasks(8).cpu(Duration.ofSeconds(1)).build());
        assertThat(s.phase("8 free threads").threads()).isEqualTo(8);
        assertThat(s.phase("8 free threads").totalTasks()).isEqualTo(8);
    }

    @Test
    void appliesTheDocumentedDefaults() throws ScenarioException {
        Scenario s = parse("""
                name: defaults
                phases:
                  - name: a
                    model: free-threads
                    workload: {tasks: 6, ops: 1000}
                  - name: b
                    model: sequential
                    workload: {io: 1ms}
                """);
        assertThat(s.baseline()).isEqualTo("a");
        assertThat(s.description()).isEmpty();
        Phase a = s.phase("a");
        assertThat(a.threads()).as("threads default to the number of tasks").isEqualTo(6);
        assertThat(a.switchInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(a.gilPolicy()).isEqualTo(GilPolicy.NEW);
        assertThat(a.checkInterval()).isEqualTo(100);
        assertThat(a.start()).isEqualTo(PoolStart.COLD);
        assertThat(a.timeout()).isNull();
        assertThat(a.command()).isEmpty();
        Workload w = a.workloads().get(0);
        assertThat(w.rounds()).isEqualTo(1);
        assertThat(w.cpu()).isNull();
        assertThat(w.ops()).isEqualTo(1000);
        assertThat(s.phase("b").workloads().get(0).tasks()).isEqualTo(1);
    }

    @Test
    void phaseOverridesDefaultsAndWorkloadsMergeKeyByKey() throws ScenarioException {
        Scenario s = parse("""
                name: merge
                defaults:
                  threads: 2
                  switch-interval: 1ms
                  timeout: 30s
                  workload: {tasks: 4, cpu: 10ms, rounds: 3}
                phases:
                  - name: inherits
                    model: free-threads
                  - name: overrides
                    model: free-threads
                    threads: 3
                    timeout: none
                    workload: {cpu: 20ms, memory: 8}
                  - name: replaces with a list
                    model: free-threads
                    workload:
                      - {tasks: 1, cpu: 5ms}
                      - {tasks: 2, io: 5ms}
                """);
        Phase inherits = s.phase("inherits");
        assertThat(inherits.threads()).isEqualTo(2);
        assertThat(inherits.switchInterval()).isEqualTo(Duration.ofMillis(1));
        assertThat(inherits.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(inherits.workloads()).containsExactly(Workload.builder().tasks(4).cpu(Duration.ofMillis(10))
                .rounds(3).build());

        Phase overrides = s.phase("overrides");
        assertThat(overrides.threads()).isEqualTo(3);
        assertThat(overrides.timeout()).isNull();
        assertThat(overrides.workloads()).containsExactly(Workload.builder().tasks(4).cpu(Duration.ofMillis(20))
                .rounds(3).memoryMiB(8).build());

        Phase list = s.phase("replaces with a list");
        assertThat(list.workloads()).containsExactly(
                Workload.builder().cpu(Duration.ofMillis(5)).build(),
                Workload.builder().tasks(2).io(new IoSpec(IoKind.SLEEP, Duration.ofMillis(5))).build());
        assertThat(list.totalTasks()).isEqualTo(3);
        assertThat(list.threads()).as("explicit default threads win over the task count").isEqualTo(2);
    }

    @Test
    void readsIoFormsPayloadUnitsAndFractions() throws ScenarioException {
        Scenario s = parse("""
                name: forms
                phases:
                  - name: p
                    model: free-threads
                    workload:
                      - {io: 10ms}
                      - {io: {wait: 0.5ms}}
                      - {io: {kind: socket, wait: 2ms}, payload: 10MiB}
                      - {cpu: 1ms, payload: 64KiB, critical-section: 0.25}
                      - {cpu: 1ms, payload: 1MB, critical-section: 10%}
                      - {cpu: 1ms, payload: 4096, critical-section: 1}
                """);
        var w = s.phases().get(0).workloads();
        assertThat(w.get(0).io()).isEqualTo(new IoSpec(IoKind.SLEEP, Duration.ofMillis(10)));
        assertThat(w.get(1).io()).isEqualTo(new IoSpec(IoKind.SLEEP, Duration.ofNanos(500_000)));
        assertThat(w.get(2).io()).isEqualTo(new IoSpec(IoKind.SOCKET, Duration.ofMillis(2)));
        assertThat(w.get(2).payload()).isEqualTo(10L << 20);
        assertThat(w.get(3).payload()).isEqualTo(64 * 1024);
        assertThat(w.get(3).criticalSection()).isEqualTo(0.25);
        assertThat(w.get(4).payload()).isEqualTo(1_000_000);
        assertThat(w.get(4).criticalSection()).isEqualTo(0.10);
        assertThat(w.get(5).payload()).isEqualTo(4096);
        assertThat(w.get(5).criticalSection()).isEqualTo(1.0);
    }

    @Test
    void acceptsYamlAnchorsAliasesAndMergeKeys() throws ScenarioException {
        Scenario s = parse("""
                name: anchors
                phases:
                  - name: a
                    model: sequential
                    workload: &work {tasks: 3, cpu: 2ms}
                  - name: b
                    model: free-threads
                    workload: *work
                  - name: c
                    model: free-threads
                    workload:
                      <<: *work
                      tasks: 5
                """);
        assertThat(s.phase("b").workloads()).isEqualTo(s.phase("a").workloads());
        assertThat(s.phase("c").workloads().get(0).tasks()).isEqualTo(5);
        assertThat(s.phase("c").workloads().get(0).cpu()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void readsQuotedNumbersAndAByteOrderMark() throws ScenarioException {
        Scenario s = parse("\uFEFFname: 2024\nphases:\n  - {name: 1, model: free-threads, threads: \"3\","
                + " workload: {cpu: 0, io: 1ms}}\n");
        assertThat(s.name()).isEqualTo("2024");
        assertThat(s.phases().get(0).name()).isEqualTo("1");
        assertThat(s.phases().get(0).threads()).isEqualTo(3);
        assertThat(s.phases().get(0).workloads().get(0).cpu()).as("cpu: 0 means no CPU work").isNull();
    }

    @Test
    void loadsAFileAndKeepsThePathAsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        String text = "name: mine\nphases:\n  - {name: a, model: sequential, workload: {cpu: 1ms}}\n";
        Files.writeString(file, text);
        Scenario s = ScenarioLoader.load(file);
        assertThat(s.source()).isEqualTo(file.toString());
        assertThat(s.text()).isEqualTo(text);
        assertThat(ScenarioLoader.resolve(file.toString()).name()).isEqualTo("mine");
    }

    @Test
    void resolvesBuiltinsByNameWithOrWithoutExtension() throws ScenarioException {
        assertThat(ScenarioLoader.resolve("cpu-heavy").source()).isEqualTo("builtin:cpu-heavy");
        assertThat(ScenarioLoader.resolve("cpu-heavy.yaml").source()).isEqualTo("builtin:cpu-heavy");
        assertThat(ScenarioLoader.resolve(null).source()).isEqualTo("builtin:default");
    }

    @Test
    void oneThreadModelsIgnoreInheritedThreads() throws ScenarioException {
        Scenario s = parse("""
                name: inherited threads
                defaults: {threads: 4, workload: {tasks: 8, cpu: 1ms}}
                phases:
                  - {name: one, model: sequential}
                  - {name: four, model: free-threads}
                """);
        assertThat(s.phase("one").threads()).isEqualTo(1);
        assertThat(s.phase("four").threads()).isEqualTo(4);
    }

    @Test
    void windowsLineEndingsKeepLineNumbers() {
        String yaml = "name: crlf\r\nphases:\r\n  - name: a\r\n    model: sequential\r\n    thread: 2\r\n";
        ScenarioException e = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioException.class,
                () -> parse(yaml));
        assertThat(e.getMessage()).isEqualTo("test.yaml:5:5: unknown key 'thread' in phases[0]; did you mean 'threads'?");
    }
}
