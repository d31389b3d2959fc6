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

    static void destroyAll() {
        for (Process p : LIVE) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
