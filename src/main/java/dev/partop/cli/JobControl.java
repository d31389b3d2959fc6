package dev.partop.cli;

import dev.partop.model.ChildProcesses;
import dev.partop.view.Dashboard;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-Z and {@code fg} for the dashboard, as btop does them: on SIGTSTP the terminal is given
 * back as it was, the workers are stopped, then partop stops itself; on SIGCONT the workers go
 * on, the terminal is raw again and the screen is drawn whole. The time stopped is not the
 * phase's: its clock skips the pause. {@code bg} is not a way to run on: a dashboard cannot
 * draw from the background, so the job stops again until {@code fg}.
 */
final class JobControl {

    private JobControl() {
    }

    /** @param suspended told how long the run was stopped, once it goes on */
    @SuppressWarnings("sunapi")
    static void install(Dashboard dashboard, java.util.function.LongConsumer suspended) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TSTP"), s -> suspend(dashboard, suspended));
            // also a SIGSTOP sent from outside: the screen may have been drawn over meanwhile
            sun.misc.Signal.handle(new sun.misc.Signal("CONT"), s -> dashboard.resume());
        } catch (IllegalArgumentException | UnsupportedOperationException noJobControl) {
            // no such signals here: Ctrl-Z does what the system does
        }
    }

    private static synchronized void suspend(Dashboard dashboard, java.util.function.LongConsumer suspended) {
        dashboard.suspend();
        ChildProcesses.signalAll("STOP");
        long stoppedAt = System.nanoTime();
        stopSelf(); // returns after fg, or after bg
        // after bg, taking the terminal back (tcsetattr from the background) stops the whole job
        // again with SIGTTOU, as htop and btop are stopped: "Stopped (tty output)". It goes on
        // at fg, so the pause is measured after the terminal is ours, and the workers wait too
        dashboard.resume();
        long paused = System.nanoTime() - stoppedAt;
        ChildProcesses.signalAll("CONT");
        suspended.accept(paused);
    }

    private static void stopSelf() {
        try {
            new ProcessBuilder("kill", "-STOP", String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(1, TimeUnit.DAYS);
        } catch (IOException e) {
            // no kill command: carry on drawing rather than leave the terminal half given back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
