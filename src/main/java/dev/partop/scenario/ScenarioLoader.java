package dev.partop.scenario;

import dev.partop.scenario.YamlNode.Mapping;
import dev.partop.scenario.YamlNode.Sequence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns scenario files into validated {@link Scenario}s. Every problem, from a missing file to a
 * value over its limit, is a {@link ScenarioException} whose message is one line naming the file,
 * line and column, what is wrong and what is allowed.
 */
public final class ScenarioLoader {

    static final List<String> TOP_KEYS = List.of("name", "description", "baseline", "defaults", "phases");
    /** Larger files are surely not scenarios; refuse before reading them whole. */
    static final long MAX_FILE_BYTES = 1L << 20;

    private static final String NEEDS = "a scenario needs at least `name:` and `phases:`";

    private ScenarioLoader() {
    }

    /**
     * Reads and validates a scenario file.
     *
     * @param file the file as the user named it; error messages and {@link Scenario#source()} use this text
     */
    public static Scenario load(Path file) throws ScenarioException {
        String shown = file.toString();
        if (Files.isDirectory(file)) {
            throw new ScenarioException(shown, 0, 0, "is a directory, not a scenario file; name a .yaml file");
        }
        if (!Files.exists(file)) {
            throw new ScenarioException(shown, 0, 0, "no such file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ScenarioException(shown, 0, 0, "is " + ByteSizes.format(size)
                        + "; a scenario file is YAML text of at most " + ByteSizes.format(MAX_FILE_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new ScenarioException(shown, 0, 0, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new ScenarioException(shown, 0, 0, "cannot read the file: " + e.getMessage());
        }
        return parse(decode(bytes, shown), shown);
    }

    /**
     * Parses and validates scenario text.
     *
     * @param sourceName how errors name the text (a path, or {@code builtin:NAME}); becomes {@link Scenario#source()}
     */
    public static Scenario parse(String text, String sourceName) throws ScenarioException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) throw new ScenarioException(sourceName, 0, 0, "the file is empty; " + NEEDS);
        YamlNode root = YamlReader.read(body, sourceName);
        if (root == null) {
            throw new ScenarioException(sourceName, 0, 0, "the file holds only comments; " + NEEDS);
        }
        return new ScenarioLoader.Reader(sourceName).scenario(root, text);
    }

    /**
     * What {@code partop SCENARIO} names: an existing file, else a built-in scenario (with or without
     * {@code .yaml}); null or blank means the built-in default.
     */
    public static Scenario resolve(String arg) throws ScenarioException {
        if (arg == null || arg.isBlank()) return BuiltinScenarios.load(BuiltinScenarios.defaultName());
        Path path = null;
        try {
            path = Path.of(arg);
        } catch (InvalidPathException e) {
            // not a usable path: it can still be a built-in's name
        }
        if (path != null && Files.exists(path)) return load(path);
        String name = stripExtension(arg.strip());
        if (BuiltinScenarios.names().contains(name)) return BuiltinScenarios.load(name);
        if (path != null && path.getParent() != null) {
            // a path with a directory names a file, never a built-in
            Path dir = path.getParent();
            throw new ScenarioException(arg, 0, 0, Files.isDirectory(dir) ? "no such file"
                    : "no such file (there is no directory " + dir + ")");
        }
        String base = stripExtension(path != null && path.getFileName() != null ? path.getFileName().toString() : name);
        Optional<String> guess = Suggestions.closest(base, BuiltinScenarios.names());
        String builtins = guess.map(g -> "; did you mean '" + g + "'?").orElse("") + (guess.isPresent() ? " " : "; ")
                + "built-ins: " + String.join(", ", BuiltinScenarios.names());
        if (!name.equals(arg.strip())) {
            // named with .yaml: a file first
            throw new ScenarioException(arg, 0, 0, "no such file, and no built-in named '" + name + "'" + builtins);
        }
        throw new ScenarioException(null, 0, 0, "no scenario file or built-in named '" + arg + "'" + builtins);
    }

    private static String stripExtension(String s) {
        if (s.endsWith(".yaml")) return s.substring(0, s.length() - 5);
        if (s.endsWith(".yml")) return s.substring(0, s.length() - 4);
        return s;
    }

    /** Strict UTF-8: a binary file is named as such, at the first byte that is not text. */
    private static String decode(byte[] bytes, String shown) throws ScenarioException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw notText(bytes, i, shown);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // the decoder stops at the bad input; find it again to say where it is
            return findBadByte(bytes, shown);
        }
    }

    private static String findBadByte(byte[] bytes, String shown) throws ScenarioException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        throw notText(bytes, in.position(), shown);
    }

    private static ScenarioException notText(byte[] bytes, int offset, String shown) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ScenarioException(shown, line, offset - lineStart + 1, String.format(
                "not a text file (byte 0x%02X); a scenario is YAML text in UTF-8", bytes[offset] & 0xFF));
    }

    /** Reads the top level of one document. */
    private static final class Reader {

        private final String source;
        private final Values values;
        private final PhaseReader phases;

        Reader(String source) {
            this.source = source;
            this.values = new Values(source);
            this.phases = new PhaseReader(values);
        }

        Scenario scenario(YamlNode root, String text) throws ScenarioException {
            if (!(root instanceof Mapping top)) {
                throw values.at(root, "a scenario is a mapping with `name:` and `phases:` at the top level, not "
                        + root.describe());
            }
            values.checkKeys(top, TOP_KEYS);
            if (!top.has("name")) {
                throw values.at(top, "the scenario has no `name`; add one at the top, e.g. `name: CPU-heavy work`");
            }
            String name = values.text(top.get("name"), "name: CPU-heavy work");
            String description = description(top.get("description"));
            Mapping defaults = null;
            if (top.has("defaults")) {
                defaults = values.mapping(top.get("defaults"), "defaults: {workload: {tasks: 4, cpu: 1s}}");
                phases.checkDefaults(defaults);
            }
            List<Phase> list = readPhases(top, defaults);
            String baseline = list.get(0).name();
            if (top.has("baseline")) {
                YamlNode node = top.get("baseline");
                baseline = values.text(node, "baseline: " + list.get(0).name());
                List<String> names = list.stream().map(Phase::name).toList();
                if (!names.contains(baseline)) {
                    String hint = Suggestions.closest(baseline, names).map(g -> "; did you mean '" + g + "'?").orElse("");
                    throw values.at(node, "baseline '" + baseline + "' names no phase" + hint
                            + (hint.isEmpty() ? "; " : " ") + "phases: " + String.join(", ", names));
                }
            }
            return new Scenario(name, description, baseline, List.copyOf(list), source, text);
        }

        private String description(YamlNode node) throws ScenarioException {
            if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) return "";
            return values.text(node, "description: Eight tasks of one second of CPU work each.");
        }

        private List<Phase> readPhases(Mapping top, Mapping defaults) throws ScenarioException {
            if (!top.has("phases")) {
                throw values.at(top, "the scenario has no `phases`; add a list of phases, e.g."
                        + " `phases: [{name: one thread, model: sequential}]`");
            }
            YamlNode node = top.get("phases");
            if (!(node instanceof Sequence seq) || seq.items().isEmpty()) {
                throw values.at(node, "phases must be a non-empty list of phases, e.g. `- {name: one thread,"
                        + " model: sequential}`, not " + (node instanceof Sequence ? "an empty list" : node.describe()));
            }
            List<Phase> list = new ArrayList<>();
            Map<String, Integer> lines = new HashMap<>();
            for (YamlNode item : seq.items()) {
                Mapping raw = values.mapping(item, "- {name: one thread, model: sequential}");
                Phase phase = phases.read(raw, defaults);
                Integer first = lines.putIfAbsent(phase.name(), phase.line());
                if (first != null) {
                    throw values.at(raw.get("name"), "duplicate phase name '" + phase.name() + "' (also at line " + first
                            + "); phase names must be unique");
                }
                list.add(phase);
            }
            return list;
        }
    }
}
