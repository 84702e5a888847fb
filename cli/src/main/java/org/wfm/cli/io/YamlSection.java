package org.wfm.cli.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonToken;
import org.wfm.cli.io.YamlTree.Entry;
import org.wfm.cli.io.YamlTree.ListNode;
import org.wfm.cli.io.YamlTree.MapNode;
import org.wfm.cli.io.YamlTree.Node;
import org.wfm.cli.io.YamlTree.Scalar;
import org.wfm.forecast.io.Problems;

/**
 * Typed, validated access to one YAML mapping. Each getter records the key as known, reads and checks the
 * value, and on a problem adds it (line of the value, key path as the column) and returns the default, so
 * reading goes on and every problem of the file is reported. {@link #finish()} reports keys nobody asked
 * for, with a "did you mean" suggestion: a misspelt optional key would otherwise silently fall back to
 * its default.
 */
final class YamlSection {
    private final MapNode map;
    private final String path;
    private final int line;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    private YamlSection(MapNode map, String path, int line, Problems problems) {
        this.map = map;
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    /** The document's top level; adds a problem and returns an empty section when it is not a mapping. */
    static YamlSection root(Node root, Problems problems) {
        if (root instanceof MapNode m) {
            return new YamlSection(m, "", 1, problems);
        }
        problems.add(root.line(), null, "expected settings as `key: value` lines at the top level");
        return new YamlSection(new MapNode(1, Map.of()), "", 1, problems);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        return map.entries().containsKey(key);
    }

    /** Keys in file order (for mappings whose keys are names, such as channels and sites). */
    List<String> keys() {
        known.addAll(map.entries().keySet());
        return new ArrayList<>(map.entries().keySet());
    }

    /** The line of a key, or of this section when the key is absent. */
    int lineOf(String key) {
        Entry e = map.entries().get(key);
        return e == null ? line : e.line();
    }

    void problem(String key, String message) {
        Entry e = map.entries().get(key);
        problems.add(e == null ? line : e.value().line() > 0 ? e.value().line() : e.line(), path(key), message);
    }

    void missing(String key, String why) {
        problems.add(line, path(key), "missing" + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    private Node node(String key) {
        known.add(key);
        Entry e = map.entries().get(key);
        if (e == null || e.value() instanceof Scalar s && s.isNull()) {
            return null;
        }
        return e.value();
    }

    /** True when the key is not there or has no value ({@code key:} alone). */
    boolean isAbsent(String key) {
        return node(key) == null;
    }

    boolean isMapping(String key) {
        return node(key) instanceof MapNode;
    }

    /** A nested mapping, or null when absent (or not a mapping: problem added). */
    YamlSection section(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof MapNode m) {
            return new YamlSection(m, path(key), map.entries().get(key).line(), problems);
        }
        problem(key, "expected a mapping of `key: value` settings, found " + describe(n));
        return null;
    }

    /** The text of a scalar, or null when absent (or not a scalar: problem added). */
    String text(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s) {
            return s.text();
        }
        problem(key, "expected a single value, found " + describe(n));
        return null;
    }

    String string(String key, String dflt) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        if (s.isBlank()) {
            problem(key, "is empty");
            return dflt;
        }
        return s.trim();
    }

    /** A number in range; {@code dflt} when absent or wrong (problem added). */
    double number(String key, double dflt, Range range) {
        Node n = node(key);
        if (n == null) {
            return dflt;
        }
        try {
            return Values.inRange(numberOf(n), range);
        } catch (BadValue e) {
            problem(key, e.getMessage());
            return dflt;
        }
    }

    /** A number that may be absent, NaN then (the domain's "unset"). */
    double optionalNumber(String key, Range range) {
        return number(key, Double.NaN, range);
    }

    /** A required number: NaN and a "missing" problem naming {@code why} when absent. */
    double requiredNumber(String key, Range range, String why) {
        if (node(key) == null) {
            missing(key, why);
            return Double.NaN;
        }
        return number(key, Double.NaN, range);
    }

    /**
     * A share written as a fraction, a percent or with a percent sign ({@code 0.8}, {@code 80}, {@code 80%}: the one
     * rule of {@link Values#share}), as a fraction checked against {@code range}; {@code dflt} when absent.
     */
    double share(String key, double dflt, Range range) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        try {
            return Values.inRange(Values.share(s), range);
        } catch (BadValue e) {
            problem(key, e.getMessage());
            return dflt;
        }
    }

    /** A required share: NaN and a "missing" problem naming {@code why} when absent. */
    double requiredShare(String key, Range range, String why) {
        if (node(key) == null) {
            missing(key, why);
            return Double.NaN;
        }
        return share(key, Double.NaN, range);
    }

    int integer(String key, int dflt, Range range) {
        Node n = node(key);
        if (n == null) {
            return dflt;
        }
        try {
            return Values.wholeNumber(numberOf(n), range);
        } catch (BadValue e) {
            problem(key, e.getMessage());
            return dflt;
        }
    }

    /** A required whole number, or null with a problem added. */
    Integer requiredInteger(String key, Range range, String why) {
        if (node(key) == null) {
            missing(key, why);
            return null;
        }
        Node n = node(key);
        try {
            return Values.wholeNumber(numberOf(n), range);
        } catch (BadValue e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    /** A list of numbers in range (a single number is taken as a list of one), or {@code dflt} when absent. */
    List<Double> numbers(String key, List<Double> dflt, Range range) {
        Node n = node(key);
        if (n == null) {
            return dflt;
        }
        List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                out.add(Values.inRange(numberOf(items.get(i)), range));
            } catch (BadValue e) {
                problems.add(items.get(i).line(), path(key) + "[" + i + "]", e.getMessage());
            }
        }
        if (out.isEmpty() && items.isEmpty()) {
            problem(key, "is an empty list (expected numbers such as [4, 6, 8])");
        }
        return out;
    }

    /**
     * The texts of a list of scalars ({@code [a, b]}), or of one scalar as a list of one; null when absent. An item
     * that is not a single value is a problem (and left out).
     */
    List<String> texts(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Scalar s) {
                out.add(s.text());
            } else {
                problems.add(items.get(i).line(), path(key) + "[" + i + "]", "expected a single value, found "
                        + describe(items.get(i)));
            }
        }
        return out;
    }

    /** The line a section starts on. */
    int line() {
        return line;
    }

    /** One of fixed words; {@code dflt} when absent or wrong (problem added). */
    <E> E choice(String key, E dflt, Map<String, E> options) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        try {
            return Values.choice(s, options);
        } catch (BadValue e) {
            problem(key, e.getMessage());
            return dflt;
        }
    }

    /** A value parsed by a field parser; {@code dflt} when absent or wrong (problem added). */
    <T> T value(String key, T dflt, CsvTable.ValueParser<T> parser) {
        String s = text(key);
        if (s == null) {
            return dflt;
        }
        try {
            return parser.parse(s);
        } catch (BadValue e) {
            problem(key, e.getMessage());
            return dflt;
        }
    }

    /** A path relative to {@code base} (the YAML file's folder); null when absent. */
    Path path(String key, Path base) {
        String s = string(key, null);
        if (s == null) {
            return null;
        }
        try {
            Path p = Path.of(s);
            return base == null || p.isAbsolute() ? p : base.resolve(p).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problem(key, Values.quote(s) + " is not a valid path");
            return null;
        }
    }

    /** Reports every key that no getter asked for, with the closest known key. */
    void finish() {
        for (Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                problems.add(e.line(), path(e.key()), "unknown key `" + e.key() + "`" + Suggest.hint(e.key(), known));
            }
        }
    }

    private static double numberOf(Node n) throws BadValue {
        if (n instanceof Scalar s) {
            if (s.token() == JsonToken.VALUE_NUMBER_INT || s.token() == JsonToken.VALUE_NUMBER_FLOAT
                    || s.token() == JsonToken.VALUE_STRING) {
                // YAML 1.1 allows 1_000 for a thousand; Jackson marks it a number but keeps the text.
                String text = s.token() == JsonToken.VALUE_STRING ? s.text() : s.text().replace("_", "");
                double x = Values.number(text);
                if (!Double.isFinite(x)) {
                    throw new BadValue(Values.quote(s.text()) + " is not a finite number");
                }
                return x;
            }
            throw new BadValue(Values.quote(String.valueOf(s.text())) + " is not a number");
        }
        throw new BadValue("expected a number, found " + describe(n));
    }

    private static String describe(Node n) {
        if (n instanceof MapNode) {
            return "a mapping";
        }
        if (n instanceof ListNode) {
            return "a list";
        }
        return "the value " + Values.quote(String.valueOf(((Scalar) n).text()));
    }
}
