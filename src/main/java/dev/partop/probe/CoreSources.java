package dev.partop.probe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the real core source early, on a daemon thread of its own: OSHI needs a quarter of a
 * second to learn the processor, which can pass while the command line and the scenario are
 * read and the screen is opened. A run takes it when it needs it.
 */
public final class CoreSources {

    private static CompletableFuture<CoreSource> started;

    private CoreSources() {
    }

    /** Begins building an {@link OshiCoreSource} now, unless one is already being built. */
    public static synchronized void startOshi() {
        if (started == null) started = CompletableFuture.supplyAsync(OshiCoreSource::new, CoreSources::daemon);
    }

    /** The source started earlier, or a new one; each is handed out once. */
    public static CoreSource takeOshi() {
        CompletableFuture<CoreSource> f;
        synchronized (CoreSources.class) {
            startOshi();
            f = started;
            started = null;
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "partop-probe-init");
        t.setDaemon(true);
        t.start();
    }
}
