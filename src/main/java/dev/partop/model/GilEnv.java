package dev.partop.model;

import dev.partop.model.lock.Gil;
import dev.partop.scenario.IoKind;
import dev.partop.scenario.IoSpec;
import dev.partop.snapshot.LaneState;
import dev.partop.work.CpuKernel;
import dev.partop.work.EvalBreaker;
import dev.partop.work.IoWork;
import dev.partop.work.LatencyRecorder;
import dev.partop.work.MemoryKernel;
import dev.partop.work.TaskEnv;
import dev.partop.work.TaskPlan;

import java.util.List;

/**
 * Runs tasks the way Python threads run them: a thread holds its interpreter's lock whenever
 * it runs Python code (from its first task to its end), checks for a hand-over at every
 * eval-breaker point, and releases the lock around blocking I/O.
 */
final class GilEnv implements LaneEnvFactory {

    private final List<Gil> locks;
    private final LatencyRecorder latency;

    /** Lane {@code i} uses {@code locks.get(i % locks.size())}. */
    GilEnv(List<Gil> locks, LatencyRecorder latency) {
        this.locks = locks;
        this.latency = latency;
    }

    /**
     * Begun once the thread holds its lock or waits for it: a Python thread's start() returns
     * only after the new thread ran (took the lock) to say so. Started all at once instead, a
     * second thread's first blocking call could come before the first thread ever asked for
     * the lock: the convoy demo's I/O thread then did its round trips unhindered.
     */
    @Override
    public boolean begun(Lane lane) {
        LaneState s = lane.state();
        return s != LaneState.IDLE && s != LaneState.RUNNING;
    }

    @Override
    public TaskEnv forLane(Lane lane, EvalBreaker cancel) {
        Gil gil = locks.get(lane.id() % locks.size());
        EvalBreaker breaker = gil.breaker(lane, cancel);
        return new TaskEnv() {
            private boolean holding;

            private void hold() {
                if (!holding) {
                    gil.take(lane);
                    holding = true;
                }
            }

            @Override
            public void cpu(TaskPlan task, long ops) {
                hold();
                CpuKernel.consume(CpuKernel.run(ops, task.id(), breaker));
            }

            @Override
            public void memory(TaskPlan task, long bytes) {
                hold();
                CpuKernel.consume(MemoryKernel.stream(bytes, breaker));
            }

            @Override
            public void io(TaskPlan task, IoSpec io) {
                hold(); // the Python code that starts the I/O runs under the lock
                // latency as the Python code sees it: the call returns only once it has the lock back
                long t0 = System.nanoTime();
                if (io.kind() == IoKind.SOCKET) {
                    // CPython releases the lock around sendall() and around recv(), each its own
                    // blocking call: beside a CPU thread each waits for a hand-over. CPython 3.11
                    // here: 10.4 ms median a round trip beside one CPU thread, 0.03 ms alone.
                    blocking(() -> IoWork.send(io.duration().toNanos()));
                    blocking(IoWork::receive);
                } else {
                    blocking(() -> IoWork.perform(io)); // time.sleep(): one blocking call
                }
                if (latency != null) latency.record(System.nanoTime() - t0);
            }

            /** Py_BEGIN_ALLOW_THREADS ... Py_END_ALLOW_THREADS around one blocking call. */
            private void blocking(Runnable call) {
                gil.drop(lane, true);
                holding = false;
                lane.enter(LaneState.IO);
                call.run();
                hold();
            }

            @Override
            public void finish() {
                if (holding) {
                    gil.drop(lane, false);
                    holding = false;
                }
            }
        };
    }
}
