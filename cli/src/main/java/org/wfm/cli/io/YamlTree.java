package org.wfm.cli.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.Problems;

/**
 * A YAML document as a tree that remembers the line of every key and value, built from Jackson's YAML
 * token stream. Jackson's own tree ({@code JsonNode}) drops locations, and binding to classes stops at the
 * first error; keeping lines lets a reader report every problem of a file with its line at once.
 * Duplicate keys, which YAML forbids but Jackson passes through, are reported here.
 */
final class YamlTree {

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();
    }

    /** A key of a mapping: its own line (where problems about it are reported) and its value. */
    record Entry(String key, int line, Node value) {
    }

    record MapNode(int line, Map<String, Entry> entries) implements Node {
    }

    record ListNode(int line, List<Node> items) implements Node {
    }

    /** A scalar; {@code token} tells a YAML number, string, boolean or null apart. */
    record Scalar(int line, JsonToken token, String text) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /**
     * Parses the first document of {@code text}. Throws an {@link InputException} for a syntax error (with
     * the line and column where the parser stopped) or an empty document; duplicate keys go to
     * {@code problems}.
     */
    static Node parse(String text, Problems problems, Notes notes) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(problems.file(), 0, null, "has no settings (only comments or blank lines)");
            }
            Node root = node(parser, "", problems);
            if (parser.nextToken() != null) {
                notes.add(problems.file(), line(parser.currentTokenLocation()), null,
                        "only the first YAML document is read; the rest, after `---`, is ignored");
            }
            return root;
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw syntaxError(problems.file(), e);
        }
    }

    private static Node node(JsonParser parser, String path, Problems problems) throws IOException {
        JsonToken token = parser.currentToken();
        int line = line(parser.currentTokenLocation());
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser.currentTokenLocation());
                parser.nextToken();
                String keyPath = path.isEmpty() ? key : path + "." + key;
                Node value = node(parser, keyPath, problems);
                Entry previous = entries.putIfAbsent(key, new Entry(key, keyLine, value));
                if (previous != null) {
                    problems.add(keyLine, keyPath, "key `" + key + "` appears twice (also on line " + previous.line() + ")");
                }
            }
            return new MapNode(line, entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, path + "[" + items.size() + "]", problems));
            }
            return new ListNode(line, items);
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands an alias (*name) over as its name; settings files have no use for them.
            problems.add(line, path, "YAML aliases (*" + parser.getText() + ") are not supported here; write the value out");
        }
        return new Scalar(line, token, token == JsonToken.VALUE_NULL ? null : parser.getText());
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static InputException syntaxError(String file, Exception e) {
        int line = 0;
        int column = 0;
        String problem = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                problem = marked.getProblem();
                if (marked.getContext() != null && marked.getContextMark() != null) {
                    problem += " (" + marked.getContext() + " that starts on line "
                            + (marked.getContextMark().getLine() + 1) + ")";
                }
                if (marked.getProblemMark() != null) {
                    line = marked.getProblemMark().getLine() + 1;
                    column = marked.getProblemMark().getColumn() + 1;
                }
                break;
            }
            if (t instanceof com.fasterxml.jackson.core.JacksonException jackson && jackson.getLocation() != null) {
                line = jackson.getLocation().getLineNr();
                column = jackson.getLocation().getColumnNr();
            }
        }
        if (problem == null) {
            problem = firstLine(e.getMessage());
        }
        String hint = "";
        if (problem.contains("\t") || problem.contains("TAB")) {
            problem = "a tab character";
            hint = " (YAML indentation must use spaces, not tabs)";
        } else if (problem.contains("mapping values are not allowed")) {
            hint = " (check the indentation, and quote a value that contains \": \")";
        }
        return new InputException(file, Math.max(line, 0), column > 0 ? Integer.toString(column) : null,
                "YAML syntax error: " + visible(problem) + hint);
    }

    /**
     * The parser's text with control characters shown as escapes: SnakeYAML quotes the character it found
     * as-is ("found \n(10)"), and an error is one line.
     */
    static String visible(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format(java.util.Locale.ROOT, "U+%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable YAML";
        }
        String first = message.strip().lines().findFirst().orElse(message);
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
