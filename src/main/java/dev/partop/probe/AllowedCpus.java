package dev.partop.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPUs this process may run on ({@code Cpus_allowed_list} in {@code /proc/self/status}):
 * a container's cpuset, or a {@code taskset}. Null where the OS does not say (not Linux).
 */
public final class AllowedCpus {

    private AllowedCpus() {
    }

    public static Set<Integer> read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) return parseList(line.substring(line.indexOf(':') + 1));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Parses a kernel CPU list such as {@code 0-3,8,10-11}. */
    static Set<Integer> parseList(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) continue;
            int dash = part.indexOf('-');
            if (dash < 0) {
                out.add(Integer.parseInt(part.trim()));
            } else {
                int from = Integer.parseInt(part.substring(0, dash).trim());
                int to = Integer.parseInt(part.substring(dash + 1).trim());
                for (int i = from; i <= to; i++) out.add(i);
            }
        }
        return out;
    }
}
