package dev.partop.session;


import dev.partop.scenario.IoSpec;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Scenario;
import dev.partop.scenario.Workload;

import java.time.Duration;
import java.util.List;

/** Scenarios built in code, for tests that must not depend on the YAML loader. */
public final class TestScenarios {

    private TestScenarios() {
    }

    public static Workload cpu(int tasks, Duration cpu) {
        return Workload.builder().tasks(tasks).cpu(cpu).build();
    }

    public static Workload io(int tasks, IoSpec io, int rounds) {
        return Workload.builder().tasks(tasks).io(io).rounds(rounds).build();
    }

    public static Phase phase(String name, ModelKind model, int threads, Workload... work) {
        return Phase.builder().name(name).model(model).threads(threads).workers(1).interpreters(1)
                .workloads(List.of(work)).build();
    }

    public static Scenario scenario(Phase... phases) {
        return new Scenario("test", "a test scenario", phases[0].name(), List.of(phases), "test.yaml", "");
    }
}
