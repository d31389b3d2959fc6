package dev.partop.view;

import dev.partop.util.Daemons;

import dev.partop.sink.ReplayControls;

import dev.partop.sink.Controls;
import dev.partop.sink.DrawStats;
import dev.partop.sink.Rewindable;
import dev.partop.sink.SnapshotSink;
import dev.partop.view.term.CellGrid;
import dev.partop.view.term.CountingOutputStream;
import dev.partop.view.term.DeltaWriter;
import dev.partop.view.term.FixedSizeTerminal;
import dev.partop.view.term.KeyReader;
import dev.partop.view.term.LocalTerminal;
import dev.partop.view.term.QuickUnixTerminal;
import dev.partop.view.widget.ScreenPainter;
import dev.partop.view.term.Theme;
import dev.partop.view.widget.ViewState;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * The live full-screen view. The sampler hands it Snapshots (queued, never blocking); its own
 * render thread handles keys (read by a {@link KeyReader}), follows resizes, and draws at most
 * {@code fps} frames a second, only when something changed, with delta refreshes wrapped in
 * synchronized output so a frame never tears over SSH. Between frames it sleeps until woken.
 */
public final class Dashboard implements SnapshotSink, DrawStats, Rewindable {

    private static final byte[] SYNC_BEGIN = "\u001b[?2026h".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SYNC_END = "\u001b[?2026l".getBytes(StandardCharsets.US_ASCII);
    /**
     * The longest the render thread sleeps with nothing to draw: keys, Snapshots, resizes and the
     * rest wake it at once, and a pending frame sets its own wake-up; this is a safety net.
     */
    private static final long IDLE_NANOS = 1_000_000_000L;
    /** Frames painted offscreen in the warm-up: the JIT's C1 threshold is 200 calls (1,500 with loops). */
    private static final int WARM_FRAMES = 300;

    private final Terminal terminal;
    /** The terminal's size: asked once at start (a round trip over SSH), then told by resizes. */
    private volatile TerminalSize terminalSize;
    private volatile boolean resized;
    /** Clear the screen inside the next frame (after a resize), so it never shows blank. */
    private boolean clearFirst;
    private final CountingOutputStream out;
    private final ScreenPainter painter;
    private final DeltaWriter writer;
    private CellGrid grid = new CellGrid(0, 0);
    private final DashboardOptions options;
    private final Controls controls;
    private volatile ViewState view = new ViewState();
    private volatile List<Snapshot> rewindTo;
    private final ConcurrentLinkedQueue<Snapshot> incoming = new ConcurrentLinkedQueue<>();
    private final CountDownLatch quit = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread renderThread;
    /** Keys as they are typed; null when there is no keyboard (an offscreen dashboard). */
    private final KeyReader keys;
    private final SizeListener sizes;
    private volatile RunHeader header;
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile boolean help;
    /** Something outside the Snapshots changed (the title): draw again. */
    private volatile boolean poked;
    private volatile long frames;
    private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
    private boolean dirty = true;
    /** Something new in kind (the first Snapshot, the header, a resize): draw it now, whatever the frame rate. */
    private boolean urgent = true;
    private boolean helpDrawn;
    private long lastFrame;
    /** Frames and suspend/resume take turns on the terminal. */
    private final Object screen = new Object();
    /** Ctrl-Z gave the terminal back to the shell: draw nothing until resumed. */
    private volatile boolean suspended;

    /** Told the size of the screen drawn: at start and on every resize (an asciicast's header and r events). */
    public interface SizeListener {
        void size(int cols, int rows) throws IOException;
    }

    /**
     * A dashboard on this process's terminal (stdin / stdout). The caller checked it is one.
     *
     * @param tap     wraps the terminal's byte stream (a recorder's tee)
     * @param sizes   told the drawn size at start and on resize; may be null
     */
    public static Dashboard open(DashboardOptions options, Controls controls, UnaryOperator<OutputStream> tap,
                                 SizeListener sizes) throws IOException {
        LocalTerminal local = LocalTerminal.open(tap);
        return new Dashboard(local.terminal(), local.out(), options, controls, true, sizes);
    }

    /** A dashboard with no terminal, drawing a screen of {@code options.size()} into {@code sink}. */
    public static Dashboard offscreen(DashboardOptions options, Controls controls, OutputStream sink,
                                      SizeListener sizes) throws IOException {
        CountingOutputStream out = new CountingOutputStream(sink);
        return new Dashboard(new FixedSizeTerminal(out, options.size()), out, options, controls, false, sizes);
    }

    /**
     * @param out the stream under {@code terminal}, to count bytes and wrap frames in
     *            synchronized output; null for a virtual terminal
     */
    public Dashboard(Terminal terminal, CountingOutputStream out, DashboardOptions options, Controls controls)
            throws IOException {
        this(terminal, out, options, controls, true, null);
    }

    private Dashboard(Terminal terminal, CountingOutputStream out, DashboardOptions options, Controls controls,
                      boolean keys, SizeListener sizes) throws IOException {
        this.sizes = sizes;
        this.terminal = terminal;
        this.out = out;
        this.options = options;
        this.controls = controls;
        this.painter = new ScreenPainter(options.symbols());
        this.writer = new DeltaWriter(new Theme(options.colors()));
        terminal.enterPrivateMode();
        terminalSize = terminal.getTerminalSize();
        terminal.clearScreen();
        terminal.setCursorVisible(false);
        terminal.flush();
        TerminalSize drawn = drawnSize(terminalSize);
        if (sizes != null) sizes.size(drawn.getColumns(), drawn.getRows());
        terminal.addResizeListener((t, size) -> {
            terminalSize = size;
            resized = true;
            if (sizes != null && options.size() == null) {
                try {
                    sizes.size(size.getColumns(), size.getRows());
                } catch (IOException ignored) {
                    // a recording that cannot be written must not stop the screen
                }
            }
            wake();
        });
        this.keys = keys ? new KeyReader(terminal, this::wake) : null;
        if (this.keys != null) firstFrame.thenRun(this.keys::start); // read from the first frame on
        renderThread = Daemons.start("partop-render", this::loop);
    }

    /** Completes once the first frame has been written to the terminal. */
    public CompletableFuture<Void> firstFrame() {
        return firstFrame;
    }

    public Thread renderThread() {
        return renderThread;
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public long bytes() {
        return out == null ? 0 : out.count();
    }

    @Override
    public void header(RunHeader h) {
        header = h;
        wake();
    }

    @Override
    public void snapshot(Snapshot s) {
        incoming.add(s);
        // never let a stalled screen hold on to memory
        while (incoming.size() > ViewState.HISTORY) incoming.poll();
        wake();
    }

    @Override
    public void preview(Snapshot s) {
        snapshot(s);
    }

    /**
     * Paints made-up frames of this screen's size offscreen (its own grid and writer: nothing
     * the render thread touches), so the painter is compiled before the measured phases; at 4
     * frames a second it was still compiled, and interpreted, in the run's second minute.
     */
    @Override
    public void warmUp(long budgetNanos) {
        try {
            PainterWarmup.paint(options.symbols(), drawnSize(terminalSize), WARM_FRAMES, budgetNanos);
        } catch (IOException | RuntimeException ignored) {
            // only a head start for the JIT
        }
    }

    /** The scenario's name, shown until the run's header arrives (calibration takes a moment). */
    public void title(String name) {
        view.title(name);
        poked = true;
        wake();
    }

    /** The scenario's description, shown while the work is calibrated (before the header arrives). */
    public void description(String text) {
        view.description(text);
        poked = true;
        wake();
    }

    /** A replay moved backwards: rebuild the view from these Snapshots. */
    @Override
    public void rewind(List<Snapshot> upToNow) {
        rewindTo = upToNow;
        wake();
    }

    /** Blocks until the user quits (q, Ctrl-C, or the terminal went away). */
    public void awaitQuit() throws InterruptedException {
        quit.await();
    }

    private void wake() {
        LockSupport.unpark(renderThread);
    }

    private void loop() {
        try {
            while (running) {
                KeyStroke key;
                while (keys != null && (key = keys.poll()) != null) handle(key);
                if (resized) {
                    // the terminal may have reflowed or cut what was there: start from a blank screen
                    resized = false;
                    clearFirst = true;
                    writer.invalidate();
                    dirty = true;
                    urgent = true;
                }
                if (poked) dirty = true;
                poked = false;
                RunHeader h = header;
                if (h != null && view.header() != h) {
                    view.header(h);
                    dirty = true;
                    urgent = true;
                }
                List<Snapshot> back = rewindTo;
                if (back != null) {
                    rewindTo = null;
                    incoming.clear();
                    ViewState fresh = new ViewState();
                    fresh.header(view.header());
                    fresh.description(view.description());
                    for (Snapshot b : back) fresh.accept(b, options.symbols());
                    view = fresh;
                    dirty = true;
                }
                Snapshot s;
                while ((s = incoming.poll()) != null) {
                    if (view.latest() == null) urgent = true;
                    view.accept(s, options.symbols());
                    dirty = true;
                }
                long now = System.nanoTime();
                long frameNanos = 1_000_000_000L / Math.max(1, Math.min(30, options.fps()));
                // a Snapshot that comes a little early (the sampler's tick against the last frame's)
                // is drawn now rather than after a second wake-up: each costs about 80 us here
                long due = lastFrame + frameNanos - frameNanos / 8;
                long sleep = IDLE_NANOS;
                if (dirty && !paused && (urgent || now - due >= 0)) {
                    draw();
                    lastFrame = now;
                } else if (dirty && paused && (help != helpDrawn || clearFirst)) {
                    draw();
                } else if (dirty && !paused) {
                    sleep = due - now;
                }
                if (running) LockSupport.parkNanos(sleep);
            }
        } catch (IOException | RuntimeException e) {
            // the terminal went away (SSH dropped): stop the run rather than spin
            requestQuit();
        }
    }

    private void draw() throws IOException {
        synchronized (screen) {
            if (!suspended) drawFrame();
        }
    }

    /**
     * Gives the terminal back as it was (Ctrl-Z, before partop stops itself); nothing is drawn
     * until {@link #resume()}. Only for a dashboard on a real terminal.
     */
    public void suspend() {
        synchronized (screen) {
            if (suspended || closed.get() || !(terminal instanceof QuickUnixTerminal t)) return;
            suspended = true;
            try {
                t.suspend();
            } catch (IOException | RuntimeException ignored) {
                // the terminal is gone: nothing to give back
            }
        }
    }

    /** Takes the terminal again after {@code fg} and redraws it whole. Harmless when not suspended. */
    public void resume() {
        synchronized (screen) {
            if (!suspended || closed.get() || !(terminal instanceof QuickUnixTerminal t)) return;
            try {
                t.resume();
            } catch (IOException | RuntimeException ignored) {
                // drawn again as far as the terminal lets us
            }
            suspended = false;
        }
        resized = true; // the shell drew over the screen while partop was stopped: clear and draw it all
        wake();
    }

    private void drawFrame() throws IOException {
        TerminalSize size = drawnSize(terminalSize);
        boolean showPaused = paused || (controls instanceof ReplayControls r && r.paused());
        if (grid.cols() != size.getColumns() || grid.rows() != size.getRows()) {
            grid = new CellGrid(size.getColumns(), size.getRows());
        }
        painter.paint(grid, view, showPaused, help, options.replay());
        helpDrawn = help;
        if (out != null) {
            out.beginFrame();
            out.write(SYNC_BEGIN);
        }
        try {
            if (clearFirst) {
                clearFirst = false;
                terminal.clearScreen();
            }
            writer.write(grid, terminal, terminalSize.getColumns(), terminalSize.getRows());
        } finally {
            if (out != null) {
                out.write(SYNC_END);
                out.endFrame();
            }
        }
        frames++;
        firstFrame.complete(null);
        dirty = false;
        urgent = false;
    }

    /** The size asked for with --size, else the terminal's. */
    private TerminalSize drawnSize(TerminalSize terminalSize) {
        return options.size() != null ? options.size() : terminalSize;
    }

    private void handle(KeyStroke k) {
        ReplayControls replay = controls instanceof ReplayControls r ? r : null;
        switch (KeyMap.of(k, help, replay != null)) {
            case QUIT -> requestQuit();
            case CLOSE_HELP -> {
                help = false;
                dirty = true;
            }
            case SHOW_HELP -> {
                help = true;
                dirty = true;
            }
            case STEP_BACK -> replay.step(-1);
            case STEP_FORWARD -> replay.step(1);
            case TOGGLE_PAUSE -> togglePause(replay);
            case SKIP_PHASE -> controls.skipPhase();
            case RESTART -> controls.restart();
            case NONE -> {
            }
        }
    }

    /** A replay pauses its playback; a live run freezes the display (the work goes on). */
    private void togglePause(ReplayControls replay) {
        dirty = true;
        if (replay != null) {
            replay.togglePause();
            return;
        }
        paused = !paused;
        if (paused) {
            try {
                draw(); // show PAUSED at once, then freeze
            } catch (IOException e) {
                requestQuit();
            }
        }
    }

    private void requestQuit() {
        controls.quit();
        quit.countDown();
    }

    /**
     * Stops drawing, after drawing what is still pending (a recording must end on the final
     * results). The terminal stays as it is until {@link #close()}.
     */
    public void stopDrawing() {
        if (!stopped.compareAndSet(false, true)) return;
        running = false;
        wake();
        if (Thread.currentThread() == renderThread) return;
        try {
            renderThread.join(1000);
            Snapshot s;
            boolean pending = false;
            while ((s = incoming.poll()) != null) {
                view.accept(s, options.symbols());
                pending = true;
            }
            if ((pending || dirty) && !renderThread.isAlive()) draw();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException ignored) {
            // the terminal is gone
        }
    }

    /** Restores the terminal. Safe to call twice, and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        stopDrawing();
        if (keys != null) keys.stop();
        if (suspended) return; // the terminal is the shell's already
        try {
            KeyStroke k;
            do {
                k = terminal.pollInput(); // keys typed during the run must not reach the shell
            } while (k != null && k.getKeyType() != KeyType.EOF);
            terminal.exitPrivateMode();
        } catch (IOException | RuntimeException ignored) {
            // the terminal may be gone already
        }
        try {
            terminal.close();
        } catch (IOException | RuntimeException ignored) {
            // likewise
        }
        quit.countDown();
    }

}
