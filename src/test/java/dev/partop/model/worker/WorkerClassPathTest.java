package dev.partop.model.worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerClassPathTest {

    @TempDir
    Path dir;

    @Test
    void theThinJarGoesFirstWhenItHoldsTheSameClasses() throws IOException {
        Path fat = jar("partop.jar", Map.of("a/A.class", "one", "b/B.class", "two", "lib/L.class", "lib"));
        Path thin = jar(WorkerClassPath.THIN_JAR, Map.of("a/A.class", "one", "b/B.class", "two"));
        assertThat(WorkerClassPath.withThinJar(fat.toString())).isEqualTo(thin + File.pathSeparator + fat);
    }

    @Test
    void aThinJarFromAnotherBuildIsNotUsed() throws IOException {
        Path fat = jar("partop.jar", Map.of("a/A.class", "one", "b/B.class", "two"));
        jar(WorkerClassPath.THIN_JAR, Map.of("a/A.class", "one", "b/B.class", "changed"));
        assertThat(WorkerClassPath.withThinJar(fat.toString())).isEqualTo(fat.toString());
    }

    @Test
    void withoutAThinJarOrWithSeveralEntriesTheClassPathStaysAsItIs() throws IOException {
        Path fat = jar("partop.jar", Map.of("a/A.class", "one"));
        assertThat(WorkerClassPath.withThinJar(fat.toString())).isEqualTo(fat.toString());
        String several = fat + File.pathSeparator + dir.resolve("other.jar");
        assertThat(WorkerClassPath.withThinJar(several)).isEqualTo(several);
        assertThat(WorkerClassPath.withThinJar("target/classes")).isEqualTo("target/classes");
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return p;
    }
}
