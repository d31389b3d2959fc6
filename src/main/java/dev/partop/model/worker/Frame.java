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

    /** Reads one frame; {@link EOFException} when the other side is gone. */
    public static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) throw new EOFException("closed");
        int length = in.readInt();
        if (length < 0 || length > (1 << 30) + 4096) throw new IOException("bad frame length " + length);
        byte[] body = new byte[length];
        in.readFully(body);
        return new Frame((byte) type, body);
    }
}
