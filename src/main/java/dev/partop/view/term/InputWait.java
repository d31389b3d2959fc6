package dev.partop.view.term;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import dev.partop.util.Libc;

/**
 * Waits, without reading, until standard input has something to read or {@link #wakeUp()} is
 * called: {@code poll(2)} on fd 0 and on a pipe of its own. A thread blocked in {@code read}
 * would read on after partop gave the terminal back, and eat the first line typed at the shell
 * while the JVM exits; one blocked here reads only when a key is there, and is woken to end.
 * Java cannot wait on standard input without reading it, hence libc through JNA (which OSHI
 * has loaded already).
 */
final class InputWait {

    private static final short POLLIN = 0x1;
    private static final int EINTR = 4;

    private final Libc.Calls libc;
    private final int[] pipe = new int[2];
    private final Memory fds = new Memory(16); // two struct pollfd {int fd; short events; short revents;}
    // the pipe's two descriptors live as long as the process: a real terminal's dashboard is opened once

    /** @throws UnsupportedOperationException no libc, or no pipe */
    InputWait() {
        try {
            libc = Libc.get();
            libc.pipe(pipe);
        } catch (LinkageError | RuntimeException e) { // no libc here, or no pipe (LastErrorException)
            throw new UnsupportedOperationException(e);
        }
        fds.setInt(0, 0);
        fds.setShort(4, POLLIN);
        fds.setInt(8, pipe[0]);
        fds.setShort(12, POLLIN);
    }

    /** True when standard input can be read (or has hung up); false once woken. */
    boolean await() {
        while (true) {
            fds.setShort(6, (short) 0);
            fds.setShort(14, (short) 0);
            try {
                libc.poll(fds, 2, -1);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR) continue; // a signal (SIGWINCH, SIGCONT): wait on
                throw new UnsupportedOperationException(e);
            }
            if (fds.getShort(14) != 0) return false;
            if (fds.getShort(6) != 0) return true;
        }
    }

    /** Ends the wait of {@link #await()}, now or at its next call. */
    void wakeUp() {
        try {
            libc.write(pipe[1], new byte[] {1}, new NativeLong(1));
        } catch (LastErrorException ignored) {
            // the pipe is full of earlier wake-ups: awake already
        }
    }
}
