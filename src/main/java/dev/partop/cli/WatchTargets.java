package dev.partop.cli;

import dev.partop.probe.proc.ProcReader;
import dev.partop.probe.proc.SyscallTable;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Scenario;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code partop watch PID...}: checks the processes and makes the one-phase scenario that watches them. */
final class WatchTargets {

    private WatchTargets() {
    }

    static Scenario scenario(List<Long> pids, Duration watchFor) {
        if (watchFor != null && (watchFor.isNegative() || watchFor.isZero())) {
            throw new UserError("--for must be longer than 0, not " + watchFor.toMillis() + "ms", "e.g. --for 10s");
        }
        ProcReader proc = ProcReader.system();
        List<String> names = new ArrayList<>();
        for (long pid : new LinkedHashSet<>(pids)) {
            if (pid <= 0) throw new UserError("'" + pid + "' is not a process id", "see 'ps -e' for running processes");
            if (pid == ProcessHandle.current().pid()) throw new UserError("pid " + pid + " is partop itself", null);
            if (!proc.exists(pid)) throw new UserError("no process with pid " + pid, "see 'ps -e' for running processes");
            try {
                names.add(pid + " " + proc.readText(pid, "comm").strip());
            } catch (IOException e) {
                throw new UserError("cannot read process " + pid + " (" + (proc.exists(pid) ? "permission denied" : "it exited")
                        + ")", "run partop as the process's user, or as root");
            }
        }
        if (SyscallTable.forArch(System.getProperty("os.arch")) == null) {
            System.err.println("partop: syscall numbers of " + System.getProperty("os.arch")
                    + " unknown: blocked threads are shown without a kind");
        }
        List<String> ids = new LinkedHashSet<>(pids).stream().map(String::valueOf).toList();
        Phase p = Phase.builder().name("watch").model(ModelKind.WATCH).threads(0).timeout(watchFor).command(ids)
                .build();
        String title = "watch " + String.join(", ", names);
        return new Scenario(title, "running processes, watched", p.name(), List.of(p), "pid " + String.join(",", ids),
                "# partop watch " + String.join(" ", ids) + "\n");
    }
}
