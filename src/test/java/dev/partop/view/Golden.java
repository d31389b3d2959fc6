package dev.partop.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden screens under src/test/resources/golden. A missing file fails (a silently created golden
 * checks nothing); regenerate on purpose with {@code -Dpartop.updateGolden=true}, then look at the diff.
 */
public final class Golden {

    static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("partop.updateGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail("no golden screen " + file + ": make it with -Dpartop.updateGolden=true and check it by eye");
        }
        assertThat(actual).as("golden screen %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
