package dev.partop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process checks for tests. */
public final class TestProcesses {

    private TestProcesses() {
    }

    /**
     * Whether {@code pid} is still running. A zombie is not: an orphan's exit status waits for
     * pid 1 to collect it, which in a container may never happen.
     */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
