package dev.partop.util;

/**
 * partop's own background threads: daemons, so a thread left running never keeps the JVM alive
 * after the run has ended (the terminal must be restored and the process gone).
 */
public final class Daemons {

    private Daemons() {
    }

    /** A daemon thread named {@code name}, not yet started. */
    public static Thread create(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** A daemon thread named {@code name}, started. */
    public static Thread start(String name, Runnable body) {
        Thread t = create(name, body);
        t.start();
        return t;
    }
}
