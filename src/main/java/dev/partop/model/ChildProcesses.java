package dev.partop.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child process partop started and has not seen exit, so that quitting, Ctrl-C, SIGTERM
 * and SIGHUP (a dropped SSH session) kill them all: a JVM shutdown hook destroys each one's
 * whole tree.
 */
public final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::destroyAll, "partop-kill-children"));
    }

    private ChildProcesses() {
    }

    public static void register(Process p) {
        LIVE.add(p);
    }

    public static void unregister(Process p) {
        LIVE.remove(p);
    }

    /** Asks the tree to stop (SIGTERM), then kills what is left after a short grace. */
    public static void destroyTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroy);
        root.destroy();
        try {
            root.onExit().get(300, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // still alive: no more asking
        }
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    /**
     * Sends {@code signal} ({@code STOP}, {@code CONT}) to every live child and its descendants:
     * Ctrl-Z stops the work with partop, {@code fg} continues it.
     */
    public static void signalAll(String signal) {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("kill", "-" + signal));
        for (Process p : LIVE) {
            cmd.add(String.valueOf(p.pid()));
            p.toHandle().descendants().forEach(d -> cmd.add(String.valueOf(d.pid())));
        }
        if (cmd.size() == 2) return;
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(2, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            // no kill command: the terminal's own SIGTSTP reached them (same process group)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void destroyAll() {
        for (Process p : LIVE) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
