package dev.partop.model.worker;

import dev.partop.util.Daemons;

import dev.partop.scenario.IoSpec;
import dev.partop.work.CpuKernel;
import dev.partop.work.EvalBreaker;
import dev.partop.work.IoWork;
import dev.partop.work.MemoryKernel;
import dev.partop.work.TaskEnv;
import dev.partop.work.TaskPlan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The child side of the {@code processes} model (its own JVM, started at {@link #main}): reads tasks on
 * stdin, runs them with the same work code as every other model, answers on stdout.
 * It never outlives its parent: stdin reaching EOF (the parent exited or was killed, even by
 * SIGKILL) halts the JVM at once, even in the middle of a task.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    /**
     * A worker JVM's entry point. Not through partop's command line: picocli's start-up is
     * for people's arguments, and a worker's start-up is what the processes model measures.
     */
    public static void main(String[] args) {
        run();
        System.exit(0);
    }

    public static void run() {
        // stdout is the wire: nothing else may write there
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        LinkedBlockingQueue<Frame> tasks = new LinkedBlockingQueue<>();
        // an inner class, not a lambda: a worker's first lambda spins up the JVM's lambda
        // machinery (method handles, a generated class), several milliseconds of its start-up
        Daemons.start("partop-worker-stdin", new Runnable() {
            @Override
            public void run() {
                try {
                    while (true) {
                        Frame f = Frame.read(in);
                        if (f.type() == Frame.SHUTDOWN) Runtime.getRuntime().halt(0);
                        tasks.add(f);
                    }
                } catch (EOFException e) {
                    Runtime.getRuntime().halt(0);
                } catch (IOException e) {
                    Runtime.getRuntime().halt(3);
                }
            }
        });
        try {
            send(out, new Frame(Frame.READY, new byte[0]));
            while (true) {
                Frame f = tasks.take();
                if (f.type() != Frame.TASK) continue;
                byte[][] payload = new byte[1][];
                TaskPlan task = TaskMessage.readTask(f, payload);
                try {
                    TaskEnv.runTask(task, env(out));
                    send(out, TaskMessage.result(task.id(), payload[0]));
                } catch (RuntimeException e) {
                    send(out, new Frame(Frame.ERROR, String.valueOf(e).getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | InterruptedException e) {
            Runtime.getRuntime().halt(4);
        }
    }

    private static synchronized void send(DataOutputStream out, Frame f) throws IOException {
        f.write(out);
    }

    /** Runs steps directly, telling the parent when the task enters and leaves I/O. */
    private static TaskEnv env(DataOutputStream out) {
        return new TaskEnv() {
            @Override
            public void cpu(TaskPlan task, long ops) {
                CpuKernel.consume(CpuKernel.run(ops, task.id(), EvalBreaker.NONE));
            }

            @Override
            public void memory(TaskPlan task, long bytes) {
                CpuKernel.consume(MemoryKernel.stream(bytes, EvalBreaker.NONE));
            }

            @Override
            public void io(TaskPlan task, IoSpec io) {
                state(out, 1);
                IoWork.perform(io);
                state(out, 0);
            }
        };
    }

    private static void state(DataOutputStream out, int inIo) {
        try {
            send(out, new Frame(Frame.STATE, new byte[]{(byte) inIo}));
        } catch (IOException e) {
            Runtime.getRuntime().halt(4);
        }
    }
}
