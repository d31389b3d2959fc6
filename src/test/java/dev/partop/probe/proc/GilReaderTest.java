package dev.partop.probe.proc;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The GIL read from real interpreters' memory while four threads spin. */
class GilReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"3.11.7", "3.12.1", "3.13.0", "system"})
    void readsTheGilOfARealInterpreter(String version) throws Exception {
        Path python = version.equals("system") ? Path.of("/usr/bin/python3") : RealPython.pyenv(version);
        Assumptions.assumeTrue(python != null && python.toFile().canExecute(), "no python " + version + " here");
        try (RealPython p = RealPython.start(python, RealPython.cpuThreads(4, 0.007));
             GilReader gil = GilReader.locate(ProcReader.system(), p.pid())) {
            assertThat(gil.problem()).isNull();
            assertThat(gil.readable()).isTrue();
            GilReading first = gil.read();
            // the switch interval the program set, in µs: the layout is right
            assertThat(first.intervalUs()).isEqualTo(7000);
            long[] tids = ProcReader.system().tasks(p.pid());
            assertThat(tids).contains(first.holderTid());
            long t0 = System.nanoTime();
            Thread.sleep(1000);
            GilReading second = gil.read();
            double perS = (second.switchNumber() - first.switchNumber()) / ((System.nanoTime() - t0) / 1e9);
            // 4 spinning threads hand over about every switch interval (7 ms): ~140/s; loose on a busy machine
            assertThat(perS).isBetween(20.0, 1000.0);
        }
    }
}
