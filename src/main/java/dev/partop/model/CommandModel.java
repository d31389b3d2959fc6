package dev.partop.model;


import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real program ({@code command: python3 demo.py}), observed from outside thread by thread:
 * one lane per OS thread of its process tree (threads and child processes found as they
 * appear), each tick split into running, waiting for a core, waiting for the GIL, another
 * lock, I/O, sleeping; and the real GIL of each CPython process (see {@link ObservedTree}).
 * The phase's one task is the program; it fails when the program exits non-zero. The
 * program's output is discarded (it would scribble over the dashboard) and its stdin is empty.
 */
public final class CommandModel extends ObservedModel {

    private static final long POLL_MS = 100;

    private final List<String> command;
    private volatile Process process;
    private volatile boolean cancelled;

    public CommandModel(PhaseContext ctx) {
        this.command = ctx.phase().command();
    }

    @Override
    protected List<Long> roots() {
        return List.of(); // the program is added as it starts
    }

    @Override
    public void run() throws Exception {
        if (tree == null) prepare();
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
        process = p;
        ChildProcesses.register(p);
        tree.observer().addRoot(p.pid());
        try {
            if (cancelled) p.destroy();
            while (!p.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) tree.lanes();
            if (!cancelled && p.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' exited with code " + p.exitValue());
            }
            List<Lane> lanes = tree.lanes();
            if (!lanes.isEmpty()) lanes.get(0).taskDone();
        } finally {
            ChildProcesses.unregister(p);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        Process p = process;
        if (p != null) ChildProcesses.destroyTree(p.toHandle());
    }

    @Override
    public void close() {
        Process p = process;
        if (p != null && p.isAlive()) ChildProcesses.destroyTree(p.toHandle());
        closeObservation();
    }
}
