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
 * {@link KeyType#EOF} key, after which the thread ends. Lanterna's virtual terminal (tests), or
 * a machine where libc cannot be called, is polled every {@link #POLL_MILLIS} ms as all
 * terminals were: the virtual one holds its own monitor while it waits in {@code readInput}.
 */
public final class KeyReader {

    static final long POLL_MILLIS = 50;

    private final ConcurrentLinkedQueue<KeyStroke> keys = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private volatile InputWait input;

    /** Starts reading {@code terminal}; {@code arrived} runs on the reader thread after each key is queued. */
    public KeyReader(Terminal terminal, Runnable arrived) {
        Daemons.start("partop-keys", () -> read(terminal, arrived));
    }

    private void read(Terminal terminal, Runnable arrived) {
        InputWait wait = null;
        if (terminal instanceof StreamBasedTerminal) {
            try {
                wait = new InputWait();
                input = wait;
            } catch (UnsupportedOperationException noLibc) {
                // polled below
            }
        }
        try {
            while (!stopped) {
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
