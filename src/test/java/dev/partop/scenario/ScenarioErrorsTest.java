package dev.partop.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every broken scenario gives exactly one line: file:line:col, what is wrong, what is allowed.
 * The files under {@code src/test/resources/scenarios/bad/} are also what {@code partop validate} is tested on.
 */
class ScenarioErrorsTest {

    private static final String BAD = "src/test/resources/scenarios/bad/";

    /** Loads a file that must fail and checks the message is a clean single line. */
    private static ScenarioException loadFails(String file) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(Path.of(file)));
        assertThat(e).as("%s must fail to load", file).isNotNull();
        assertClean(e);
        return e;
    }

    private static ScenarioException parseFails(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "t.yaml"));
        assertThat(e).as("must fail:%n%s", yaml).isNotNull();
        assertClean(e);
        return e;
    }

    static void assertClean(ScenarioException e) {
        assertThat(e.getMessage())
                .doesNotContain("\n", "\r", "Exception", "at com.", "at org.", "jackson", "snakeyaml")
                .isEqualTo(e.file() == null ? e.problem()
                        : e.line() > 0 ? e.file() + ":" + e.line() + ":" + e.column() + ": " + e.problem()
                        : e.file() + ": " + e.problem());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key.yaml     | 7:5: unknown key 'thread' in phases[1]; did you mean 'threads'?
            wrong-type.yaml      | 5:14: phases[0].threads must be a whole number, e.g. `threads: 8`, not 'many'
            negative.yaml        | 6:14: phases[0].workload.tasks must be at least 1, not -3
            huge.yaml            | 5:14: phases[0].threads must be at most 4096 (the limit), not 100000
            unknown-model.yaml   | 4:12: unknown model 'free-thread' in phases[0]; did you mean 'free-threads'? models: sequential, gil-threads, free-threads, interpreters, processes, event-loop, command
            bad-yaml.yaml        | 5:14: bad YAML: a ':' where no key can start; check the indentation, or quote a value that contains ': '
            binary.yaml          | 1:1: not a text file (byte 0x00); a scenario is YAML text in UTF-8
            duplicate-phase.yaml | 7:11: duplicate phase name 'same' (also at line 5); phase names must be unique
            bad-baseline.yaml    | 2:11: baseline 'one thred' names no phase; did you mean 'one thread'? phases: one thread, two threads
            bad-duration.yaml    | 5:31: phases[0].workload.cpu must be a duration, e.g. `cpu: 1s` (units: ns, us, ms, s, m), not 'fast'
            empty.yaml           | the file is empty; a scenario needs at least `name:` and `phases:`
            """)
    void eachBrokenFileGivesItsOneLine(String file, String expected) {
        ScenarioException e = loadFails(BAD + file);
        String sep = Character.isDigit(expected.charAt(0)) ? ":" : ": ";
        assertThat(e.getMessage()).isEqualTo(BAD + file + sep + expected);
        assertThat(e.file()).isEqualTo(BAD + file);
    }

    @Test
    void locationFieldsMatchTheMessage() {
        ScenarioException e = loadFails(BAD + "unknown-key.yaml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).isEqualTo("unknown key 'thread' in phases[1]; did you mean 'threads'?");
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        assertThat(loadFails(dir.resolve("nope.yaml").toString()).getMessage())
                .isEqualTo(dir.resolve("nope.yaml") + ": no such file");
        assertThat(loadFails(dir.toString()).getMessage())
                .isEqualTo(dir + ": is a directory, not a scenario file; name a .yaml file");
    }

    @Test
    void invalidUtf8IsNamedWithItsPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: caf\u00e9\nphases: []\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(loadFails(file.toString()).getMessage())
                .isEqualTo(file + ":1:10: not a text file (byte 0xE9); a scenario is YAML text in UTF-8");
    }

    @Test
    void onlyCommentsOrWhitespace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("comments.yaml");
        Files.writeString(file, "# nothing here\n\n");
        assertThat(loadFails(file.toString()).problem()).startsWith("the file holds only comments");
        Files.writeString(file, "  \n\n");
        assertThat(loadFails(file.toString()).problem()).startsWith("the file is empty");
    }

    @Test
    void yamlSyntaxErrorsAreOneLineAtTheirPlace() {
        assertThat(parseFails("name: [x\n").getMessage())
                .isEqualTo("t.yaml:2:1: bad YAML: expected ',' or ']', but got the end of the file (while parsing a flow sequence)");
        assertThat(parseFails("name: x\nphases:\n\t- a\n").getMessage())
                .isEqualTo("t.yaml:3:1: bad YAML: a tab character here; YAML indents with spaces, not tabs");
        assertThat(parseFails("name: 'x\n").getMessage()).startsWith("t.yaml:2:1: bad YAML: found unexpected end of");
        assertThat(parseFails("name: x\nname: y\n").getMessage())
                .isEqualTo("t.yaml:2:1: duplicate key 'name' at the top level (first at line 1); give each key once");
        assertThat(parseFails("name: x\n---\nname: y\n").getMessage())
                .startsWith("t.yaml:3:1: a second YAML document starts here");
        assertThat(parseFails("name: x\nphases: *nope\n").getMessage())
                .isEqualTo("t.yaml:2:9: alias '*nope' names no anchor defined above it; define it first with '&nope'");
    }

    @Test
    void unknownKeysAtEveryLevel() {
        String phase = "phases:\n  - name: a\n    model: sequential\n";
        assertThat(parseFails("name: x\ndescripton: y\n" + phase + "    workload: {cpu: 1ms}\n").getMessage())
                .isEqualTo("t.yaml:2:1: unknown key 'descripton' at the top level; did you mean 'description'?");
        assertThat(parseFails("name: x\ncolour: red\n" + phase).getMessage())
                .isEqualTo("t.yaml:2:1: unknown key 'colour' at the top level; allowed: name, description, baseline, figures, defaults, phases");
        assertThat(parseFails("name: x\n" + phase + "    workload: {cpus: 1ms}\n").getMessage())
                .isEqualTo("t.yaml:5:16: unknown key 'cpus' in phases[0].workload; did you mean 'cpu'?");
        assertThat(parseFails("name: x\n" + phase + "    workload: {io: {kind: sleep, wiat: 1ms}}\n").getMessage())
                .isEqualTo("t.yaml:5:34: unknown key 'wiat' in phases[0].workload.io; did you mean 'wait'?");
        assertThat(parseFails("name: x\ndefaults:\n  treads: 2\n" + phase + "    workload: {cpu: 1ms}\n").getMessage())
                .isEqualTo("t.yaml:3:3: unknown key 'treads' in defaults; did you mean 'threads'?");
        assertThat(parseFails("name: x\ndefaults:\n  workload: {taks: 2}\n" + phase).getMessage())
                .isEqualTo("t.yaml:3:14: unknown key 'taks' in defaults.workload; did you mean 'tasks'?");
        assertThat(parseFails("name: x\ndefaults: {name: y}\n" + phase).getMessage())
                .isEqualTo("t.yaml:2:12: defaults cannot set `name`; each phase names itself");
    }

    @Test
    void missingPiecesSayWhatToAdd() {
        assertThat(parseFails("description: y\n").getMessage())
                .isEqualTo("t.yaml:1:1: the scenario has no `name`; add one at the top, e.g. `name: CPU-heavy work`");
        assertThat(parseFails("name: x\n").problem()).startsWith("the scenario has no `phases`");
        assertThat(parseFails("name: x\nphases: []\n").getMessage()).startsWith("t.yaml:2:9: phases must be a non-empty list");
        assertThat(parseFails("- a\n- b\n").getMessage())
                .isEqualTo("t.yaml:1:1: a scenario is a mapping with `name:` and `phases:` at the top level, not a list");
        assertThat(parseFails("name: x\nphases:\n  - model: sequential\n").getMessage())
                .isEqualTo("t.yaml:3:5: phases[0] has no `name`; give each phase one, e.g. `name: 4 free threads`");
        assertThat(parseFails("name: x\nphases:\n  - name: a\n").problem()).startsWith("phases[0] has no `model`; add e.g. `model: free-threads`");
        assertThat(parseFails("name: x\nphases:\n  - name: a\n    model: sequential\n").problem())
                .startsWith("phases[0] has no `workload`");
        assertThat(parseFails("name: x\nphases:\n  - {name: a, model: sequential, workload: {tasks: 3}}\n").getMessage())
                .isEqualTo("t.yaml:3:44: phases[0].workload has no work; give it `cpu: 1s`, `ops: 1000000`, `io: 10ms` or `memory: 64`");
        assertThat(parseFails("name: x\nphases:\n  - {name: a, model: sequential, workload: {io: {kind: socket}}}\n").problem())
                .isEqualTo("phases[0].workload.io has no `wait`; write e.g. `io: {kind: socket, wait: 10ms}`");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            threads: 0                 | phases[0].threads must be at least 1, not 0
            threads: 4097              | phases[0].threads must be at most 4096 (the limit), not 4097
            threads: 2.5               | phases[0].threads must be a whole number, e.g. `threads: 8`, not '2.5'
            threads: [1, 2]            | phases[0].threads must be a whole number, e.g. `threads: 8`, not a list
            threads: 99999999999999999999999 | phases[0].threads must be at most 4096 (the limit), not 99999999999999999999999
            workers: 513               | phases[0].workers must be at most 512 (the limit), not 513
            interpreters: 257          | phases[0].interpreters must be at most 256 (the limit), not 257
            switch-interval: 20s       | phases[0].switch-interval must be between 1us and 10s (the limit), not 20s
            switch-interval: 100ns     | phases[0].switch-interval must be between 1us and 10s (the limit), not 100ns
            switch-interval: 5         | phases[0].switch-interval needs a unit: write e.g. `switch-interval: 5ms` (units: ns, us, ms, s, m), not '5'
            gil-policy: legasy         | phases[0].gil-policy must be one of new, legacy, e.g. `gil-policy: legacy`, not 'legasy'; did you mean 'legacy'?
            start: hot                 | phases[0].start must be one of cold, warm, e.g. `start: warm`, not 'hot'
            check-interval: -1         | phases[0].check-interval must be at least 1, not -1
            timeout: 0                 | phases[0].timeout must be more than 0 (or `none`), e.g. `timeout: 30s`
            timeout: -5s               | phases[0].timeout must not be negative, not '-5s'
            command: python3 x.py      | `command` is only for `model: command`; phases[0] runs model 'free-threads'
            """)
    void phaseValuesOutOfRange(String line, String expected) {
        ScenarioException e = parseFails("name: x\nphases:\n  - name: a\n    model: free-threads\n    " + line
                + "\n    workload: {tasks: 2, cpu: 1ms}\n");
        assertThat(e.problem()).isEqualTo(expected);
        assertThat(e.line()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tasks: 100001        | phases[0].workload.tasks must be at most 100000 (the limit), not 100001
            rounds: 1000001      | phases[0].workload.rounds must be at most 1000000 (the limit), not 1000001
            cpu: 61m             | phases[0].workload.cpu must be at most 60m (the limit), not 61m
            cpu: -1s             | phases[0].workload.cpu must not be negative, not '-1s'
            cpu: 1               | phases[0].workload.cpu needs a unit: write e.g. `cpu: 1s` (units: ns, us, ms, s, m), not '1'
            memory: 65537        | phases[0].workload.memory must be at most 65536 (the limit), not 65537
            memory: lots         | phases[0].workload.memory must be a whole number, e.g. `memory: 64`, not 'lots'
            payload: 2GiB        | phases[0].workload.payload must be at most 1GiB (the limit), not '2GiB'
            payload: 10 furlongs | phases[0].workload.payload must be a size in bytes, e.g. `payload: 64KiB` (units: B, KB, MB, GB, KiB, MiB, GiB), not '10 furlongs'
            critical-section: 2  | phases[0].workload.critical-section must be at most 1 (the limit), not 2
            critical-section: -0.5 | phases[0].workload.critical-section must not be negative, not -0.5
            io: {kind: disk, wait: 1ms} | phases[0].workload.io.kind must be one of sleep, socket, e.g. `kind: socket`, not 'disk'
            """)
    void workloadValuesOutOfRange(String line, String expected) {
        ScenarioException e = parseFails("name: x\nphases:\n  - name: a\n    model: free-threads\n    workload:\n"
                + "      " + line + "\n");
        assertThat(e.problem()).isEqualTo(expected);
    }

    @Test
    void cpuAndOpsTogether() {
        ScenarioException e = parseFails("name: x\nphases:\n  - name: a\n    model: free-threads\n    workload:\n"
                + "      cpu: 1ms\n      ops: 5\n");
        assertThat(e.getMessage()).isEqualTo("t.yaml:7:12: phases[0].workload gives both `cpu` and `ops`;"
                + " give one: `cpu: 1s` (time) or `ops: 1000000`");
    }

    @Test
    void sequentialWithThreadsAndInterpretersOverThreads() {
        assertThat(parseFails("name: x\nphases:\n  - {name: a, model: sequential, threads: 4, workload: {cpu: 1ms}}\n")
                .problem()).isEqualTo("`sequential` runs on one thread; remove `threads` from phases[0] (or use `model: free-threads`)");
    }

    @Test
    void watchIsNotAModelAScenarioCanName() {
        ScenarioException e = parseFails("name: x\nphases:\n  - name: a\n    model: watch\n    command: echo hi\n");
        assertThat(e.getMessage()).startsWith("t.yaml:4:12: unknown model 'watch'").doesNotContain("watch;");
    }


    @Test
    void resolveNamesTheBuiltinsAndGuesses() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.resolve("cpu-heavvy"));
        assertClean(e);
        assertThat(e.getMessage()).isEqualTo("no scenario file or built-in named 'cpu-heavvy'; did you mean 'cpu-heavy'? built-ins: "
                + String.join(", ", BuiltinScenarios.names()));
        e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.resolve("cpu-heavvy.yaml"));
        assertClean(e);
        assertThat(e.getMessage()).isEqualTo("cpu-heavvy.yaml: no such file, and no built-in named 'cpu-heavvy';"
                + " did you mean 'cpu-heavy'? built-ins: " + String.join(", ", BuiltinScenarios.names()));
    }

    @Test
    void aMissingPathSaysTheFileDoesNotExist(@TempDir Path dir) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.resolve("zzz/nothing-like-it.yaml"));
        assertClean(e);
        assertThat(e.getMessage()).isEqualTo("zzz/nothing-like-it.yaml: no such file (there is no directory zzz)");
        String inDir = dir.resolve("file.yaml").toString();
        e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.resolve(inDir));
        assertClean(e);
        assertThat(e.getMessage()).isEqualTo(inDir + ": no such file");
    }

    @Test
    void figuresAndNotesAreCheckedWhereWritten() {
        String phase = "phases:\n  - name: a\n    model: sequential\n    workload: {tasks: 1, cpu: 10ms}\n";
        assertThat(parseFails("name: x\nfigures: [latncy]\n" + phase).getMessage())
                .isEqualTo("t.yaml:2:11: unknown figure 'latncy'; did you mean 'latency'? figures: speedup, latency, cost, switches, futile");
        assertThat(parseFails("name: x\nfigures: latency\n" + phase).getMessage()).startsWith("t.yaml:2:10: figures must be a list");
        assertThat(parseFails("name: x\nfigures: [cost, cost]\n" + phase).getMessage())
                .isEqualTo("t.yaml:2:17: figure 'cost' is listed twice");
        assertThat(parseFails("name: x\n" + phase + "    note: [a]\n").getMessage())
                .startsWith("t.yaml:6:11: phases[0].note must be a text");
        assertThat(parseFails("name: x\n" + phase + "    note: " + "word ".repeat(50) + "\n").getMessage())
                .startsWith("t.yaml:6:11: phases[0].note is one line the audience reads, at most 200 characters");
        assertThat(parseFails("name: x\ndefaults:\n  note: shared\n" + phase).getMessage())
                .startsWith("t.yaml:3:3: unknown key 'note' in defaults");
    }
}
