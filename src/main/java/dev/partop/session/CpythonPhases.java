package dev.partop.session;

import dev.partop.model.cpython.Interpreter;
import dev.partop.model.cpython.Interpreters;
import dev.partop.scenario.Phase;
import dev.partop.snapshot.PythonRuntime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The interpreters a run's CPython phases use: calibrated once each, named in the header and results. */
final class CpythonPhases {

    private CpythonPhases() {
    }

    /**
     * Calibrates every interpreter the phases name, once each, in the order they first appear.
     * One that cannot run is left out: its phase fails with the reason when it starts (the run
     * command has already refused to start with an interpreter that is missing).
     */
    static List<PythonRuntime> calibrate(List<Phase> phases) {
        Set<String> pythons = new LinkedHashSet<>();
        for (Phase p : phases) if (p.isCpython()) pythons.add(p.python());
        List<PythonRuntime> out = new ArrayList<>();
        for (String python : pythons) {
            try {
                out.add(of(Interpreters.calibrated(python)));
            } catch (IOException e) {
                // the phase says so when it runs
            }
        }
        return out;
    }

    /** The interpreter of a CPython phase as calibrated; null for a model phase or one that cannot run. */
    static PythonRuntime runtime(Phase phase) {
        if (!phase.isCpython()) return null;
        Interpreter i = Interpreters.known(phase.python());
        return i == null ? null : of(i);
    }

    private static PythonRuntime of(Interpreter i) {
        return new PythonRuntime(i.python(), i.version(), i.loopsPerSecond(), i.calibrationMs());
    }
}
