package dev.partop.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.partop.scenario.YamlNode.Entry;
import dev.partop.scenario.YamlNode.Mapping;
import dev.partop.scenario.YamlNode.ScalarKind;
import dev.partop.scenario.YamlNode.Scalar;
import dev.partop.scenario.YamlNode.Sequence;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming YAML parser, keeping the
 * line and column of every key and value. Supports anchors, aliases and {@code <<} merge keys;
 * rejects duplicate keys and more than one document. Syntax errors become one-line
 * {@link ScenarioException}s at the place the YAML parser reports.
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final String MERGE_KEY = "<<";

    private final String source;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private YAMLParser parser;

    private YamlReader(String source) {
        this.source = source;
    }

    /** The document's root node, or null when the text holds no YAML content (empty or only comments). */
    static YamlNode read(String text, String source) throws ScenarioException {
        return new YamlReader(source).readDocument(text);
    }

    private YamlNode readDocument(String text) throws ScenarioException {
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = (YAMLParser) p;
            JsonToken first = parser.nextToken();
            if (first == null) return null;
            YamlNode root = readValue(first, "");
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw error(parser.currentTokenLocation(),
                        "a second YAML document starts here; a scenario file holds exactly one (remove the '---')");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new ScenarioException(source, 0, 0, "cannot read the YAML: " + e.getMessage());
        }
    }

    private YamlNode readValue(JsonToken token, String path) throws IOException, ScenarioException {
        JsonLocation at = parser.currentTokenLocation();
        String anchor = parser.getCurrentAnchor();
        YamlNode node = switch (token) {
            case START_OBJECT -> readMapping(path, at);
            case START_ARRAY -> readSequence(path, at);
            default -> readScalar(token, path, at);
        };
        if (anchor != null) anchors.put(anchor, node);
        return node;
    }

    private YamlNode readScalar(JsonToken token, String path, JsonLocation at) throws IOException, ScenarioException {
        int line = at.getLineNr();
        int col = at.getColumnNr();
        String text = parser.getText();
        if (parser.isCurrentAlias()) {
            YamlNode target = anchors.get(text);
            if (target == null) {
                throw new ScenarioException(source, line, col,
                        "alias '*" + text + "' names no anchor defined above it; define it first with '&" + text + "'");
            }
            return target;
        }
        return switch (token) {
            case VALUE_NUMBER_INT -> new Scalar(path, line, col, text, ScalarKind.INTEGER,
                    new BigDecimal(parser.getBigIntegerValue()));
            case VALUE_NUMBER_FLOAT -> decimal(path, line, col, text);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(path, line, col, text, ScalarKind.BOOLEAN, null);
            case VALUE_NULL -> new Scalar(path, line, col, text == null ? "" : text, ScalarKind.NULL, null);
            default -> new Scalar(path, line, col, text == null ? "" : text, ScalarKind.STRING, null);
        };
    }

    /** A decimal, or a string for the YAML specials {@code .inf} and {@code .nan} that no setting accepts. */
    private Scalar decimal(String path, int line, int col, String text) {
        try {
            return new Scalar(path, line, col, text, ScalarKind.DECIMAL, parser.getDecimalValue());
        } catch (IOException | NumberFormatException e) {
            return new Scalar(path, line, col, text, ScalarKind.STRING, null);
        }
    }

    private Mapping readMapping(String path, JsonLocation at) throws IOException, ScenarioException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<YamlNode> merges = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode value = readValue(parser.nextToken(), childPath);
            if (MERGE_KEY.equals(key)) {
                merges.add(value);
                continue;
            }
            Entry previous = entries.get(key);
            if (previous != null) {
                throw error(keyAt, "duplicate key '" + key + "'" + where(path) + " (first at line " + previous.line()
                        + "); give each key once");
            }
            entries.put(key, new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
        }
        if (t != JsonToken.END_OBJECT) {
            throw error(parser.currentTokenLocation(), "unexpected YAML structure" + where(path));
        }
        for (YamlNode m : merges) merge(entries, m);
        return new Mapping(path, at.getLineNr(), at.getColumnNr(), entries);
    }

    /** YAML merge key: entries of the merged mapping(s) fill keys the mapping does not set itself. */
    private void merge(Map<String, Entry> entries, YamlNode from) throws ScenarioException {
        if (from instanceof Mapping m) {
            for (Entry e : m.entries().values()) entries.putIfAbsent(e.key(), e);
        } else if (from instanceof Sequence s) {
            for (YamlNode item : s.items()) merge(entries, item);
        } else {
            throw new ScenarioException(source, from.line(), from.column(),
                    "'<<' merges a mapping (e.g. '<<: *base'), not " + from.describe());
        }
    }

    private Sequence readSequence(String path, JsonLocation at) throws IOException, ScenarioException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw error(parser.currentTokenLocation(), "unexpected end of YAML in " + path);
            items.add(readValue(t, path + "[" + items.size() + "]"));
        }
        return new Sequence(path, at.getLineNr(), at.getColumnNr(), items);
    }

    private static String where(String path) {
        return path.isEmpty() ? " at the top level" : " in " + path;
    }

    private ScenarioException error(JsonLocation at, String problem) {
        return new ScenarioException(source, at.getLineNr(), at.getColumnNr(), problem);
    }

    /** The YAML parser's complaint as one line at the exact mark, without its snippet and caret. */
    private ScenarioException syntaxError(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
                int line = mark == null ? 0 : mark.getLine() + 1;
                int col = mark == null ? 0 : mark.getColumn() + 1;
                return new ScenarioException(source, line, col, "bad YAML: " + explain(m.getProblem(), m.getContext()));
            }
        }
        JsonLocation at = e.getLocation();
        String original = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        String firstLine = original.lines().findFirst().orElse(original);
        return new ScenarioException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "bad YAML: " + firstLine);
    }

    private static String explain(String problem, String context) {
        String p = problem == null ? "unreadable" : problem;
        if (p.contains("\\t(TAB)") || p.contains("\t")) {
            return "a tab character here; YAML indents with spaces, not tabs";
        }
        if (p.startsWith("mapping values are not allowed here")) {
            return "a ':' where no key can start; check the indentation, or quote a value that contains ': '";
        }
        String text = context == null ? p : p + " (" + context + ")";
        return text.replace("<stream end>", "the end of the file");
    }
}
