package dev.partop.snapshot;

/**
 * An interpreter a run's CPython phases use, and its calibration: partop's kernel converted to
 * that interpreter's loop, measured there on one thread.
 *
 * @param python          as the scenario names it ({@code python3}, a path)
 * @param version         e.g. {@code 3.11.7}
 * @param loopsPerSecond  kernel loops one Python thread does per second
 * @param calibrationMs   how long that measurement took
 */
public record PythonRuntime(String python, String version, double loopsPerSecond, double calibrationMs) {

    /** "CPython 3.11.7". */
    public String label() {
        return "CPython " + version;
    }
}
