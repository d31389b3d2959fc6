package dev.partop.work;

import dev.partop.util.Daemons;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * A server on 127.0.0.1 that answers each request after the wait the request asks for: the
 * other end of {@code io: {kind: socket}}. One per JVM, started on first use, daemon threads,
 * so a round trip is a real blocking socket read in the calling thread.
 */
public final class LoopbackServer {

    private static volatile LoopbackServer instance;

    private final ServerSocket server;

    private LoopbackServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        Daemons.start("partop-loopback-accept", this::acceptLoop);
    }

    public static LoopbackServer get() {
        LoopbackServer s = instance;
        if (s == null) {
            synchronized (LoopbackServer.class) {
                s = instance;
                if (s == null) {
                    try {
                        s = instance = new LoopbackServer();
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot listen on loopback: " + e.getMessage(), e);
                    }
                }
            }
        }
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Opens a client connection (TCP_NODELAY, so a round trip is one packet each way). */
    public Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port());
        s.setTcpNoDelay(true);
        return s;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Daemons.start("partop-loopback-conn", () -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Request: 8 bytes, the wait in nanoseconds. Answer: 1 byte after that wait. */
    private static void serve(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                long waitNanos = in.readLong();
                // parkNanos, not Thread.sleep: on Java 17 sleep(0, 50_000) sleeps a whole millisecond
                long deadline = System.nanoTime() + waitNanos;
                for (long left = waitNanos; left > 0; left = deadline - System.nanoTime()) LockSupport.parkNanos(left);
                out.write(1);
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    /** Reads the one-byte answer. */
    static void awaitAnswer(InputStream in) throws IOException {
        if (in.read() < 0) throw new IOException("loopback server closed the connection");
    }
}
