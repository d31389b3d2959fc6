package dev.partop.model.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partop.model.ChildProcesses;
import dev.partop.snapshot.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Asks an interpreter, through the agent, what it is and how fast it runs the kernel. Each
 * answer is kept for the life of partop: a run's phases all use the one calibration, so
 * {@code cpu: 1s} is the same work in every phase of the same interpreter.
 */
public final class Interpreters {

    /** How long calibration runs in the interpreter (partop's own takes about as long). */
    static final double CALIBRATION_S = 0.3;
    private static final long PROBE_TIMEOUT_S = 30;

    private static final Map<String, Interpreter> PROBED = new ConcurrentHashMap<>();
    private static final Map<String, Interpreter> CALIBRATED = new ConcurrentHashMap<>();

    private Interpreters() {
    }

    /** What {@code python} is; throws with one line saying why it cannot be used. */
    public static Interpreter probe(String python) throws IOException {
        Interpreter i = PROBED.get(python);
        if (i == null) {
            Interpreter c = CALIBRATED.get(python);
            i = c != null ? c : ask(python, false);
            PROBED.put(python, i);
        }
        return i;
    }

    /** {@link #probe} with the kernel's rate measured (once per interpreter). */
    public static Interpreter calibrated(String python) throws IOException {
        Interpreter i = CALIBRATED.get(python);
        if (i == null) {
            i = ask(python, true);
            CALIBRATED.put(python, i);
        }
        return i;
    }

    /** The calibrated interpreter if there is one yet, else null (never blocks). */
    public static Interpreter known(String python) {
        Interpreter i = CALIBRATED.get(python);
        return i != null ? i : PROBED.get(python);
    }

    private static Interpreter ask(String python, boolean calibrate) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(python, AgentScript.path().toString(), "--probe"));
        if (calibrate) cmd.addAll(List.of("--calibrate", String.valueOf(CALIBRATION_S)));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IOException("cannot start '" + python + "'" + reason(e), e);
        }
        ChildProcesses.register(p);
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(PROBE_TIMEOUT_S, TimeUnit.SECONDS)) throw new IOException("'" + python + "' did not answer");
            if (p.exitValue() != 0) {
                throw new IOException("'" + python + "' cannot run partop's agent: " + lastLine(new String(err, StandardCharsets.UTF_8)));
            }
            return parse(python, new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking '" + python + "'");
        } finally {
            p.destroyForcibly();
            ChildProcesses.unregister(p);
        }
    }

    static Interpreter parse(String python, String json) throws IOException {
        JsonNode n;
        try {
            n = Json.mapper().readTree(json.strip());
        } catch (IOException e) {
            throw new IOException("'" + python + "' answered partop's agent with something else: " + lastLine(json));
        }
        if (n == null || !n.has("version")) throw new IOException("'" + python + "' gave partop's agent no version");
        if (!"CPython".equals(n.path("impl").asText())) {
            throw new IOException("'" + python + "' is " + n.path("impl").asText() + ", not CPython");
        }
        Map<String, String> lacks = new LinkedHashMap<>();
        n.path("lacks").fields().forEachRemaining(e -> lacks.put(e.getKey(), e.getValue().asText()));
        List<String> methods = new ArrayList<>();
        n.path("start_methods").forEach(m -> methods.add(m.asText()));
        return new Interpreter(python, n.path("version").asText(), n.path("executable").asText(), Map.copyOf(lacks),
                List.copyOf(methods), n.path("loops_per_s").asDouble(0), n.path("calibration_ms").asDouble(0));
    }

    /** "No such file or directory" out of Java's "Cannot run program ...: error=2, No such file or directory". */
    private static String reason(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int i = m.lastIndexOf(", ");
        return i >= 0 ? ": " + m.substring(i + 2).toLowerCase(java.util.Locale.ROOT) : m.isEmpty() ? "" : ": " + m;
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) return lines[i].strip();
        }
        return "no output";
    }
}
