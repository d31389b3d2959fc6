package dev.partop.work;

import dev.partop.scenario.IoSpec;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/** Real blocking I/O: the calling thread really blocks in the kernel. */
public final class IoWork {

    /** One loopback connection per thread, opened on first use, kept for the thread's life. */
    private static final ThreadLocal<Socket> SOCKET = new ThreadLocal<>();

    private IoWork() {
    }

    /** Blocks for {@code io}; returns the wall time it took in nanoseconds. */
    public static long perform(IoSpec io) {
        long t0 = System.nanoTime();
        long wait = io.duration().toNanos();
        switch (io.kind()) {
            case SLEEP -> sleep(wait);
            case SOCKET -> roundTrip(wait);
            default -> throw new IllegalArgumentException(String.valueOf(io.kind()));
        }
        return System.nanoTime() - t0;
    }

    private static void sleep(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) throw new Cancelled();
        }
    }

    private static void roundTrip(long waitNanos) {
        send(waitNanos);
        receive();
    }

    /**
     * The first half of a socket round trip: sends the request (asking the server to answer
     * after {@code waitNanos}). Python releases its lock around this call and around
     * {@link #receive()} separately, so a model under a GIL calls them one at a time.
     */
    public static void send(long waitNanos) {
        try {
            DataOutputStream out = new DataOutputStream(socket().getOutputStream());
            out.writeLong(waitNanos);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The second half of a socket round trip: blocks until the answer arrives. */
    public static void receive() {
        try {
            LoopbackServer.awaitAnswer(socket().getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket socket() throws IOException {
        Socket s = SOCKET.get();
        if (s == null || s.isClosed()) {
            s = LoopbackServer.get().connect();
            SOCKET.set(s);
        }
        return s;
    }

    /** Closes this thread's connection, if any (call when a worker thread ends). */
    public static void closeThreadConnection() {
        Socket s = SOCKET.get();
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
            SOCKET.remove();
        }
    }
}
