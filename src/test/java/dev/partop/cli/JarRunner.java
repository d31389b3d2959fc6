package dev.partop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built jar as a user would, with no terminal, and collects what it printed; and the
 * set-up the end-to-end tests share: the command line, a scenario file, a short scenario, and
 * ending a partop they started.
 */
final class JarRunner {

    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    static Path jar() {
        Path jar = Path.of("target", "partop.jar").toAbsolutePath();
        if (!Files.exists(jar)) throw new IllegalStateException("build the jar first: mvn package");
        return jar;
    }

    /** The JVM the tests run on; partop runs on the same one. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar partop.jar ARGS}, for a process builder. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The same as one line for a shell (tmux): the words joined by spaces, none quoted. */
    static String commandLine(Object... args) {
        StringBuilder line = new StringBuilder(String.join(" ", command()));
        for (Object a : args) line.append(' ').append(a);
        return line.toString();
    }

    /** Starts partop with {@code args} in the background, its output thrown away; end it with {@link #destroy}. */
    static Process startQuietly(String... args) throws IOException {
        return new ProcessBuilder(command(args)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Ends a partop a test started and every process it started, whatever state it is in. */
    static void destroy(Process partop) {
        partop.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        partop.destroyForcibly();
    }

    /** Writes {@code text} to {@code dir/name}; the file's path. */
    static Path scenario(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /**
     * A scenario of two short phases, one thread then two GIL threads (then two free threads
     * where {@code freeThreads}), each of two tasks of {@code cpu}.
     */
    static String twoTasksScenario(String name, String description, String cpu, boolean freeThreads) {
        String text = """
                name: %s
                description: %s
                defaults:
                  workload: {tasks: 2, cpu: %s}
                phases:
                  - name: one thread
                    model: sequential
                  - name: two GIL threads
                    model: gil-threads
                    threads: 2
                """.formatted(name, description, cpu);
        return freeThreads ? text + """
                  - name: two free threads
                    model: free-threads
                    threads: 2
                """ : text;
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("partop-out", ".txt");
        Path err = Files.createTempFile("partop-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("partop did not finish in 120 s: " + String.join(" ", args));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }
}
