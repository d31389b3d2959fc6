package dev.partop.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code runtime:}, {@code python:} and {@code start-method:}: defaults, values, and where they belong. */
class RuntimeKeysTest {

    private static Scenario parse(String yaml) throws ScenarioException {
        return ScenarioLoader.parse(yaml, "t.yaml");
    }

    private static String fails(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> parse(yaml));
        assertThat(e).as("must fail:%n%s", yaml).isNotNull();
        ScenarioErrorsTest.assertClean(e);
        return e.getMessage();
    }

    @Test
    void defaultsToTheModelAndPython3() throws ScenarioException {
        Phase p = parse("name: x\nphases:\n  - {name: a, model: sequential, workload: {cpu: 1ms}}\n").phases().get(0);
        assertThat(p.runtime()).isEqualTo(RuntimeKind.MODEL);
        assertThat(p.python()).isEqualTo("python3");
        assertThat(p.startMethod()).isNull();
    }

    @Test
    void readsCpythonPhases() throws ScenarioException {
        Scenario s = parse("""
                name: x
                defaults:
                  python: python2.7
                  workload: {tasks: 2, cpu: 1ms}
                phases:
                  - name: model
                    model: processes
                  - name: real
                    model: processes
                    runtime: cpython
                    python: /usr/bin/python3
                    start-method: spawn
                  - name: real default python
                    model: gil-threads
                    runtime: cpython
                """);
        assertThat(s.phases().get(0).runtime()).isEqualTo(RuntimeKind.MODEL);
        Phase real = s.phases().get(1);
        assertThat(real.runtime()).isEqualTo(RuntimeKind.CPYTHON);
        assertThat(real.python()).isEqualTo("/usr/bin/python3");
        assertThat(real.startMethod()).isEqualTo("spawn");
        assertThat(s.phases().get(2).python()).isEqualTo("python2.7");
        assertThat(s.phases().get(2).threads()).isEqualTo(2);
    }

    @Test
    void badValuesAndMisplacedKeysAreOneLineAtTheirPlace() {
        String phase = "name: x\nphases:\n  - name: a\n    model: processes\n    workload: {cpu: 1ms}\n";
        assertThat(fails(phase + "    runtime: cpyton\n")).startsWith("t.yaml:6:14: ").contains("'cpyton'")
                .contains("did you mean 'cpython'?");
        assertThat(fails(phase + "    runtime: cpython\n    start-method: vfork\n")).startsWith("t.yaml:7:19: ")
                .contains("fork, spawn, forkserver");
        assertThat(fails(phase + "    python: python2.7\n"))
                .isEqualTo("t.yaml:6:5: `python` is only for `runtime: cpython`; add that to phases[0] or remove `python`");
        assertThat(fails(phase + "    start-method: spawn\n")).startsWith("t.yaml:6:5: `start-method` is only for `runtime: cpython`");
        assertThat(fails(phase + "    runtime: cpython\n    python: ''\n")).startsWith("t.yaml:7:13: ");
        assertThat(fails("name: x\nphases:\n  - name: a\n    model: gil-threads\n    runtime: cpython\n"
                + "    start-method: fork\n    workload: {cpu: 1ms}\n"))
                .startsWith("t.yaml:6:5: `start-method` is only for `model: processes`");
        assertThat(fails("name: x\nphases:\n  - name: a\n    model: command\n    runtime: cpython\n    command: ls\n"))
                .startsWith("t.yaml:5:5: a `command` phase already runs a real program");
        assertThat(fails(phase + "    runtme: cpython\n")).contains("did you mean 'runtime'?");
    }
}
