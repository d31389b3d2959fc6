package dev.partop.view.term;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal;
import dev.partop.util.Daemons;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads the terminal's keys on a thread of its own and hands them to the render thread. The
 * render thread used to poll for keys 20 times a second: on these 2-core virtual machines each
 * wake-up of an idle thread costs some 80 microseconds of CPU, and those polls were half the
 * render thread's cost (0.22 of its 0.42 % of a core, measured with the poll at 50 ms against
 * 1 s; scripts/bench/README, session 7). On a real terminal this thread sleeps in
 * {@link InputWait} until a key is there, which costs nothing meanwhile, and a key is seen at
 * once rather than within 50 ms; it never sits in {@code read}, so it reads nothing after
 * partop gave the terminal back.
 *
 * <p>The end of input (the terminal hung up) and a read that fails are handed over as an
 * {@link KeyType#EOF} key, after which the thread ends. The first {@link #POLL_FIRST_NANOS}
 * (start-up), Lanterna's virtual terminal (tests), and a machine where libc cannot be called
 * are polled every {@link #POLL_MILLIS} ms as all terminals were: the virtual one holds its own
 * monitor while it waits in {@code readInput}.
 */
public final class KeyReader {

    static final long POLL_MILLIS = 50;
    /**
     * Start-up is polled too: loading libc through JNA took the first frame with the core bars
     * from 294 to 335 ms (median of 12, interleaved with the old jar) when it ran beside the
     * calibration.
     */
    static final long POLL_FIRST_NANOS = 3_000_000_000L;

    private final ConcurrentLinkedQueue<KeyStroke> keys = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private volatile InputWait input;

    private final Thread thread;

    /** Reads {@code terminal} once started; {@code arrived} runs on the reader thread after each key is queued. */
    public KeyReader(Terminal terminal, Runnable arrived) {
        thread = Daemons.create("partop-keys", () -> read(terminal, arrived));
    }

    /**
     * Starts reading; call once. The dashboard starts it after its first frame (keys typed
     * meanwhile wait in the terminal): a thread started is CPU the first frame would share.
     */
    public void start() {
        thread.start();
    }

    private void read(Terminal terminal, Runnable arrived) {
        InputWait wait = null;
        boolean canWait = terminal instanceof StreamBasedTerminal;
        long waitFrom = System.nanoTime() + POLL_FIRST_NANOS;
        try {
            while (!stopped) {
                if (canWait && wait == null && System.nanoTime() - waitFrom >= 0) {
                    try {
                        wait = new InputWait();
                        input = wait;
                    } catch (UnsupportedOperationException noLibc) {
                        canWait = false; // polled on
                    }
                    if (stopped) return;
                }
                KeyStroke k;
                if (wait != null) {
                    if (!wait.await() || stopped) return;
                    k = terminal.readInput(); // there is input: the rest of a key at most is waited for
                } else {
                    k = terminal.pollInput();
                    if (k == null) {
                        Thread.sleep(POLL_MILLIS);
                        continue;
                    }
                }
                // keys decoded but not yet taken (a paste, keys typed fast) are not on fd 0 any more
                for (; k != null; k = terminal.pollInput()) {
                    keys.add(k);
                    arrived.run();
                    if (k.getKeyType() == KeyType.EOF) return;
                }
            }
        } catch (IOException | RuntimeException e) {
            keys.add(new KeyStroke(KeyType.EOF));
            arrived.run();
        } catch (InterruptedException e) {
            // ended
        }
    }

    /** No more keys wanted: the thread ends without reading again. */
    public void stop() {
        stopped = true;
        InputWait wait = input;
        if (wait != null) wait.wakeUp();
    }

    /** The next key read, or null. */
    public KeyStroke poll() {
        return keys.poll();
    }
}
