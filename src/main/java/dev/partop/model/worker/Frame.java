package dev.partop.model.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The wire protocol between partop and a worker process, over the child's stdin and stdout:
 * a frame is a type byte, a 4-byte body length and the body. Small and binary, so the bytes
 * counted as IPC are the payload's, like pickled arguments and results.
 *
 * <ul>
 * <li>{@code READY} child → parent, once, when it can take tasks</li>
 * <li>{@code TASK} parent → child: a task and its payload</li>
 * <li>{@code STATE} child → parent: the task is now computing or in I/O (for the lane)</li>
 * <li>{@code RESULT} child → parent: the task is done; its payload comes back</li>
 * <li>{@code ERROR} child → parent: the task failed, with a message</li>
 * <li>{@code SHUTDOWN} parent → child: exit now</li>
 * </ul>
 */
public record Frame(byte type, byte[] body) {

    public static final byte READY = 1;
    public static final byte TASK = 2;
    public static final byte STATE = 3;
    public static final byte RESULT = 4;
    public static final byte ERROR = 5;
    public static final byte SHUTDOWN = 6;

    /** Bytes a frame of this body takes on the wire. */
    public int wireSize() {
        return 5 + body.length;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeByte(type);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /** The longest body a frame may have: a task's largest payload and its fields. */
    static final int MAX_BODY = (1 << 30) + 4096;

    /**
     * Reads one frame; {@link EOFException} when the other side is gone, {@link ProtocolException}
     * when what came is not a frame (a type byte no side sends, a length out of range).
     */
    public static Frame read(DataInputStream in) throws IOException {
        return read(in, MAX_BODY);
    }

    /** Reads one frame whose body can be at most {@code maxBody} bytes (more is not the protocol). */
    public static Frame read(DataInputStream in, int maxBody) throws IOException {
        int type = in.read();
        if (type < 0) throw new EOFException("closed");
        if (type < READY || type > SHUTDOWN) {
            throw new ProtocolException(String.format("a byte that starts no frame (0x%02x)", type), type);
        }
        int length = in.readInt();
        if (length < 0 || length > maxBody) throw new ProtocolException("a frame length of " + length + " bytes", type);
        return new Frame((byte) type, body(in, length));
    }

    /**
     * The body, in pieces as it arrives: a garbled length must not make the reader allocate up
     * to a gigabyte for bytes that never come.
     */
    private static byte[] body(DataInputStream in, int length) throws IOException {
        if (length <= 1 << 20) {
            byte[] body = new byte[length];
            in.readFully(body);
            return body;
        }
        byte[] body = new byte[1 << 20];
        int have = 0;
        while (have < length) {
            if (have == body.length) body = java.util.Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            int n = in.read(body, have, body.length - have);
            if (n < 0) throw new EOFException("closed inside a frame");
            have += n;
        }
        return body;
    }

    /** Bytes that are not the worker protocol. */
    public static final class ProtocolException extends IOException {

        private final int firstByte;

        ProtocolException(String message, int firstByte) {
            super(message);
            this.firstByte = firstByte;
        }

        /** The first byte of what was read, to quote it with whatever came after. */
        public int firstByte() {
            return firstByte;
        }
    }
}
