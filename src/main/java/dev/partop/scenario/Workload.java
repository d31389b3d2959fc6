package dev.partop.scenario;

import java.time.Duration;

/**
 * One kind of task in a phase; a phase may mix several.
 * A task runs {@code rounds} rounds; each round does its CPU work, then its memory work,
 * then its I/O wait.
 *
 * @param tasks           how many tasks of this kind
 * @param cpu             CPU work per round as time on one core (converted by calibration);
 *                        null when {@code ops} is given or there is no CPU work
 * @param ops             CPU work per round in operations; 0 when {@code cpu} is used
 * @param io              I/O wait per round; null for none
 * @param rounds          rounds per task, at least 1
 * @param memoryMiB       MiB streamed per round; 0 for none
 * @param criticalSection fraction of the CPU work done under one shared lock (free-threads)
 * @param payload         bytes each task receives and returns (copied between processes)
 */
public record Workload(int tasks, Duration cpu, long ops, IoSpec io, int rounds, int memoryMiB,
                       double criticalSection, long payload) {

    /** A workload to fill in by name: one task of one round, no CPU, memory or I/O work, no lock, no payload. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this workload's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().tasks(tasks).cpu(cpu).ops(ops).io(io).rounds(rounds).memoryMiB(memoryMiB)
                .criticalSection(criticalSection).payload(payload);
    }

    /** Names each component of a {@link Workload}; see the record for what each means. */
    public static final class Builder {
        private int tasks = 1;
        private Duration cpu;
        private long ops;
        private IoSpec io;
        private int rounds = 1;
        private int memoryMiB;
        private double criticalSection;
        private long payload;

        private Builder() {
        }

        public Builder tasks(int tasks) { this.tasks = tasks; return this; }
        public Builder cpu(Duration cpu) { this.cpu = cpu; return this; }
        public Builder ops(long ops) { this.ops = ops; return this; }
        public Builder io(IoSpec io) { this.io = io; return this; }
        public Builder rounds(int rounds) { this.rounds = rounds; return this; }
        public Builder memoryMiB(int memoryMiB) { this.memoryMiB = memoryMiB; return this; }
        public Builder criticalSection(double criticalSection) {
            this.criticalSection = criticalSection;
            return this;
        }
        public Builder payload(long payload) { this.payload = payload; return this; }

        public Workload build() {
            return new Workload(tasks, cpu, ops, io, rounds, memoryMiB, criticalSection, payload);
        }
    }
}
