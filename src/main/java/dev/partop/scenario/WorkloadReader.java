package dev.partop.scenario;

import dev.partop.scenario.YamlNode.Mapping;
import dev.partop.scenario.YamlNode.Sequence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code workload:} of a phase: one mapping, or a list of them. */
final class WorkloadReader {

    static final List<String> KEYS = List.of("tasks", "cpu", "ops", "io", "rounds", "memory", "critical-section",
            "payload");
    static final List<String> IO_KEYS = List.of("kind", "wait");
    static final List<String> IO_KINDS = List.of("sleep", "socket");

    static final int MAX_TASKS = 100_000;
    static final int MAX_ROUNDS = 1_000_000;
    static final Duration MAX_CPU = Duration.ofHours(1);
    static final long MAX_OPS = 10_000_000_000_000L;
    static final Duration MAX_IO = Duration.ofHours(1);
    static final int MAX_MEMORY_MIB = 65_536;
    static final long MAX_PAYLOAD = 1L << 30;

    private static final String EXAMPLE = "workload: {tasks: 4, cpu: 1s}";

    private final Values values;

    WorkloadReader(Values values) {
        this.values = values;
    }

    /** Checks the keys of a workload as written (before defaults are merged), so errors point at the typo. */
    void checkShape(YamlNode workload) throws ScenarioException {
        for (Mapping m : items(workload)) {
            values.checkKeys(m, KEYS);
            if (m.get("io") instanceof Mapping io) values.checkKeys(io, IO_KEYS);
        }
    }

    /** The workloads of a phase, each validated. */
    List<Workload> read(YamlNode workload) throws ScenarioException {
        List<Workload> out = new ArrayList<>();
        for (Mapping m : items(workload)) out.add(readOne(m));
        return out;
    }

    private List<Mapping> items(YamlNode workload) throws ScenarioException {
        if (workload instanceof Sequence list) {
            if (list.items().isEmpty()) {
                throw values.at(list, list.path() + " is an empty list; give at least one workload, e.g. `" + EXAMPLE + "`");
            }
            List<Mapping> maps = new ArrayList<>();
            for (YamlNode item : list.items()) maps.add(values.mapping(item, "- {tasks: 4, cpu: 1s}"));
            return maps;
        }
        return List.of(values.mapping(workload, EXAMPLE));
    }

    private Workload readOne(Mapping m) throws ScenarioException {
        int tasks = m.has("tasks") ? (int) values.whole(m.get("tasks"), 1, MAX_TASKS, "tasks: 4") : 1;
        int rounds = m.has("rounds") ? (int) values.whole(m.get("rounds"), 1, MAX_ROUNDS, "rounds: 10") : 1;
        if (m.has("cpu") && m.has("ops")) {
            YamlNode later = m.entries().get("cpu").line() > m.entries().get("ops").line() ? m.get("cpu") : m.get("ops");
            throw values.at(later, m.path() + " gives both `cpu` and `ops`; give one: `cpu: 1s` (time) or `ops: 1000000`");
        }
        Duration cpu = m.has("cpu") ? values.duration(m.get("cpu"), Duration.ZERO, MAX_CPU, "cpu: 1s") : null;
        if (cpu != null && cpu.isZero()) cpu = null;
        long ops = m.has("ops") ? values.whole(m.get("ops"), 0, MAX_OPS, "ops: 1000000") : 0;
        IoSpec io = m.has("io") ? io(m.get("io")) : null;
        int memory = m.has("memory") ? (int) values.whole(m.get("memory"), 0, MAX_MEMORY_MIB, "memory: 64") : 0;
        double critical = m.has("critical-section")
                ? values.fraction(m.get("critical-section"), "critical-section: 0.1") : 0.0;
        long payload = m.has("payload") ? values.bytes(m.get("payload"), MAX_PAYLOAD, "payload: 64KiB") : 0;
        if (cpu == null && ops == 0 && io == null && memory == 0) {
            throw values.at(m, m.path() + " has no work; give it `cpu: 1s`, `ops: 1000000`, `io: 10ms` or `memory: 64`");
        }
        return Workload.builder().tasks(tasks).cpu(cpu).ops(ops).io(io).rounds(rounds).memoryMiB(memory)
                .criticalSection(critical).payload(payload).build();
    }

    /** {@code io: 10ms} (a sleep) or {@code io: {kind: sleep|socket, wait: 10ms}}; null for no wait. */
    private IoSpec io(YamlNode node) throws ScenarioException {
        if (node instanceof Mapping m) {
            IoKind kind = m.has("kind")
                    ? IoKind.valueOf(values.keyword(m.get("kind"), IO_KINDS, "kind: socket").toUpperCase(java.util.Locale.ROOT))
                    : IoKind.SLEEP;
            if (!m.has("wait")) {
                throw values.at(m, m.path() + " has no `wait`; write e.g. `io: {kind: " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + ", wait: 10ms}`");
            }
            Duration wait = values.duration(m.get("wait"), Duration.ZERO, MAX_IO, "wait: 10ms");
            // a socket round trip is real I/O even when the server answers at once
            return wait.isZero() && kind == IoKind.SLEEP ? null : new IoSpec(kind, wait);
        }
        Duration wait = values.duration(node, Duration.ZERO, MAX_IO, "io: 10ms");
        return wait.isZero() ? null : new IoSpec(IoKind.SLEEP, wait);
    }
}
