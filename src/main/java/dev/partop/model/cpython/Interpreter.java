package dev.partop.model.cpython;

import java.util.List;
import java.util.Map;

/**
 * What partop's agent found out about one interpreter.
 *
 * @param python        as the scenario names it ({@code python3}, a path)
 * @param version       e.g. {@code 3.11.7}, {@code 3.13.0t} for a free-threaded build
 * @param executable    its sys.executable
 * @param lacks         model keyword to what this interpreter lacks to run it
 * @param startMethods  multiprocessing start methods it has
 * @param loopsPerSecond kernel loops one thread does per second here; 0 until calibrated
 * @param calibrationMs how long that took
 */
public record Interpreter(String python, String version, String executable, Map<String, String> lacks,
                          List<String> startMethods, double loopsPerSecond, double calibrationMs) {

    /** "CPython 3.11.7": the runtime column of the results. */
    public String label() {
        return "CPython " + version;
    }
}
