package dev.partop.model;

import dev.partop.probe.proc.ProcReader;
import dev.partop.probe.proc.ProcessTreeObserver;
import dev.partop.snapshot.ModelStats;

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
public final class CommandModel implements ExecutionModel {

    private static final long POLL_MS = 100;

    private final List<String> command;
    private ObservedTree tree;
    private volatile Process process;
    private volatile boolean cancelled;

    public CommandModel(PhaseContext ctx) {
        this.command = ctx.phase().command();
    }

    @Override
    public void prepare() {
        // sampling starts before the program does, so its first threads are found at once
        tree = new ObservedTree(ProcessTreeObserver.start(ProcReader.system(), List.of(),
                ProcessTreeObserver.Options.DEFAULT));
    }

    @Override
    public List<Lane> lanes() {
        ObservedTree t = tree;
        return t == null ? List.of() : t.lanes();
    }

    @Override
    public List<Thread> ownThreads() {
        ObservedTree t = tree;
        return t == null ? List.of() : List.of(t.observer().samplerThread());
    }

    @Override
    public ModelStats stats(double elapsedS) {
        ObservedTree t = tree;
        return t == null ? ModelStats.NONE : t.stats();
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
        // one more discovery marks every thread done; then the files are closed
        ObservedTree t = tree;
        if (t != null) t.close();
    }
}
