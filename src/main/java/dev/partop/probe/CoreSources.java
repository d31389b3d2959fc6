package dev.partop.probe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hands the real core source from partop's start-up warm-up to the run: the warm-up takes the
 * counters' first reading while picocli is still reading the arguments, so the run's first
 * sample can come as soon as its session starts.
 */
public final class CoreSources {

    private static CompletableFuture<CoreSource> started;

    private CoreSources() {
    }

    /** Builds an {@link OshiCoreSource} on the calling thread for a run to take, unless one is built already. */
    public static void startOshi() {
        CompletableFuture<CoreSource> f;
        synchronized (CoreSources.class) {
            if (started != null) return;
            f = started = new CompletableFuture<>();
        }
        try {
            f.complete(new OshiCoreSource());
        } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
        }
    }

    /** The source built earlier (waiting for it if still being built), or a new one; each is handed out once. */
    public static CoreSource takeOshi() {
        CompletableFuture<CoreSource> f;
        synchronized (CoreSources.class) {
            f = started;
            started = null;
        }
        if (f == null) return new OshiCoreSource();
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
