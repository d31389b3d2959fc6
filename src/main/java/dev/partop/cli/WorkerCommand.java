package dev.partop.cli;

import dev.partop.model.worker.WorkerMain;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code partop worker}: the child side of the processes model. Not for people. */
@Command(name = "worker", hidden = true, description = "Runs tasks for a parent partop over stdin/stdout.")
final class WorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        WorkerMain.run();
        return ExitCodes.OK;
    }
}
