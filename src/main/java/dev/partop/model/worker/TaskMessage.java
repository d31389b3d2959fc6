package dev.partop.model.worker;

import dev.partop.scenario.IoKind;
import dev.partop.scenario.IoSpec;
import dev.partop.work.TaskPlan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** A task and its payload in a {@link Frame#TASK} body, and a result in a {@link Frame#RESULT} body. */
public final class TaskMessage {

    private TaskMessage() {
    }

    public static Frame task(TaskPlan t, byte[] payload) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64 + payload.length);
            DataOutputStream out = new DataOutputStream(b);
            out.writeInt(t.id());
            out.writeLong(t.opsPerRound());
            out.writeLong(t.memoryBytes());
            out.writeByte(t.io() == null ? 0 : t.io().kind() == IoKind.SLEEP ? 1 : 2);
            out.writeLong(t.io() == null ? 0 : t.io().duration().toNanos());
            out.writeInt(t.rounds());
            out.writeInt(payload.length);
            out.write(payload);
            return new Frame(Frame.TASK, b.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task of a TASK frame; its payload is in {@code payloadOut[0]}. */
    public static TaskPlan readTask(Frame f, byte[][] payloadOut) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(f.body()));
        int id = in.readInt();
        long ops = in.readLong();
        long memory = in.readLong();
        int kind = in.readByte();
        long ioNanos = in.readLong();
        int rounds = in.readInt();
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        payloadOut[0] = payload;
        IoSpec io = kind == 0 ? null : new IoSpec(kind == 1 ? IoKind.SLEEP : IoKind.SOCKET, Duration.ofNanos(ioNanos));
        return new TaskPlan(id, ops, memory, io, rounds, 0, payload.length);
    }

    public static Frame result(int taskId, byte[] payload) {
        byte[] body = new byte[4 + payload.length];
        body[0] = (byte) (taskId >>> 24);
        body[1] = (byte) (taskId >>> 16);
        body[2] = (byte) (taskId >>> 8);
        body[3] = (byte) taskId;
        System.arraycopy(payload, 0, body, 4, payload.length);
        return new Frame(Frame.RESULT, body);
    }

    public static int resultTask(Frame f) {
        byte[] b = f.body();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }
}
