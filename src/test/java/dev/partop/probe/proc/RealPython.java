package dev.partop.probe.proc;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real CPython interpreters on this machine, and a program started in one for a test. */
final class RealPython implements AutoCloseable {

    private final Process process;

    private RealPython(Process process) {
        this.process = process;
    }

    /** The interpreter of pyenv version {@code v} (e.g. 3.12.1), or null when not installed. */
    static Path pyenv(String v) {
        Path p = Path.of(System.getProperty("user.home"), ".pyenv/versions", v, "bin/python3");
        return Files.isExecutable(p) ? p : null;
    }

    /** {@code python3} on the PATH, or null. */
    static Path onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "python3");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Starts {@code python -c code} and waits until it prints its first line (it is set up). */
    static RealPython start(Path python, String code) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-c", code));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        RealPython r = new RealPython(p);
        int c = p.getInputStream().read();
        if (c < 0) {
            r.close();
            throw new IOException("python exited before it was ready: " + cmd);
        }
        return r;
    }

    /** The interpreter's own pid (pyenv's shim execs, so it is the started process's). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** N threads spinning in Python code, at this switch interval; prints a line when they run. */
    static String cpuThreads(int n, double switchInterval) {
        return "import sys, threading, time\n"
                + "sys.setswitchinterval(" + switchInterval + ")\n"
                + "def spin():\n    x = 0\n    while True: x += 1\n"
                + "for _ in range(" + n + "): threading.Thread(target=spin, daemon=True).start()\n"
                + "print('ready', flush=True)\n"
                + "time.sleep(600)\n";
    }
}
