package org.wfm.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wfm.scheduler.domain.CoverageRollup;
import org.wfm.scheduler.domain.Summary;

/** summary.json: the Summary record in snake_case, pretty-printed, keys in the record's order. */
public final class SummaryJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private SummaryJson() {
    }

    public static ObjectNode toTree(Summary s) {
        ObjectNode tree = MAPPER.valueToTree(s);
        // lower_bound.note only where the bound was skipped on purpose (docs/formats.md)
        if (tree.path("lower_bound").path("note").isNull() && tree.get("lower_bound") instanceof ObjectNode lb) {
            lb.remove("note");
        }
        return tree;
    }

    /**
     * summary.json's {@code rollup}: agent-hours per day and per week and channel (see {@link CoverageRollup}), with
     * the interval length used, so that the figures can be recomputed from coverage.csv. A day's worst stretch is
     * {@code worst_start}..{@code worst_end} (null when the day is not short) with {@code worst_peak_agents}, its
     * largest shortfall in one interval.
     */
    public static ObjectNode rollup(CoverageRollup r) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("interval_minutes", r.intervalMinutes());
        var daily = out.putArray("daily");
        for (CoverageRollup.Day d : r.daily()) {
            ObjectNode n = daily.addObject();
            n.put("date", d.date().toString());
            n.put("channel", d.channel());
            hours(n, d.hours());
            n.put("worst_start", d.worst() == null ? null : Timestamps.format(d.worst().start()));
            n.put("worst_end", d.worst() == null ? null : Timestamps.format(d.worst().end()));
            if (d.worst() == null) {
                n.putNull("worst_peak_agents");
            } else {
                n.put("worst_peak_agents", d.worst().peakAgents());
            }
        }
        var weekly = out.putArray("weekly");
        for (CoverageRollup.Week w : r.weekly()) {
            ObjectNode n = weekly.addObject();
            n.put("week_start", w.weekStart().toString());
            n.put("channel", w.channel());
            hours(n, w.hours());
        }
        return out;
    }

    private static void hours(ObjectNode n, CoverageRollup.Hours h) {
        n.put("required_hours", h.required());
        n.put("scheduled_hours", h.scheduled());
        n.put("short_hours", h.shortfall());
        n.put("surplus_hours", h.surplus());
    }

    public static void write(Path file, JsonNode tree) {
        round(tree);
        try {
            MAPPER.writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rounds every number to 4 decimals so figures read cleanly and stay stable across platforms. JSON has no
     * Infinity or NaN (Jackson would write the text "Infinity"): such a value is written as null, with a warning
     * naming its key, since it means a figure could not be computed. The readers' ranges keep inputs from
     * producing one.
     */
    static void round(JsonNode node) {
        round(node, "");
    }

    private static void round(JsonNode node, String path) {
        if (node instanceof ObjectNode o) {
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                String at = path.isEmpty() ? name : path + "." + name;
                if (v.isFloatingPointNumber()) {
                    if (finite(v.doubleValue(), at)) {
                        o.put(name, Numbers.round(v.doubleValue(), 4));
                    } else {
                        o.putNull(name);
                    }
                } else {
                    round(v, at);
                }
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                String at = path + "[" + i + "]";
                if (v.isFloatingPointNumber()) {
                    a.set(i, finite(v.doubleValue(), at) ? a.numberNode(Numbers.round(v.doubleValue(), 4))
                            : a.nullNode());
                } else {
                    round(v, at);
                }
            }
        }
    }

    private static boolean finite(double v, String at) {
        if (Double.isFinite(v)) {
            return true;
        }
        org.wfm.cli.Console.note("summary.json: " + at + " is " + v + " (not a finite number); written as null");
        return false;
    }

    /**
     * summary.json as a tree; a missing file, a file that is not JSON (with the line) or not a JSON object is an input
     * error naming summary.json. Read a run folder's through {@code org.wfm.cli.export.RunFolder}.
     */
    public static ObjectNode read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (!(n instanceof ObjectNode o)) {
                throw new org.wfm.forecast.io.InputException(name, 1, null, "expected a JSON object");
            }
            return o;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new org.wfm.forecast.io.InputException(name, line, null, "not valid JSON: " + e.getOriginalMessage()
                    .lines().findFirst().orElse(""));
        } catch (IOException e) {
            if (!java.nio.file.Files.exists(file)) {
                throw new org.wfm.forecast.io.InputException(name, 0, null, "file not found: " + file);
            }
            throw new org.wfm.forecast.io.InputException(name, 0, null, "cannot be read: " + e.getMessage()
                    .lines().findFirst().orElse(""));
        }
    }

    /**
     * The tree read back into the {@link Summary} record it was written from: keys the record lacks (options,
     * rollup, forecast, later additions) are skipped, keys an older run lacks are null or NaN, and a figure written as
     * null because it could not be computed is NaN again.
     */
    public static Summary toRecord(JsonNode tree, String fileLabel) {
        try {
            return READER.treeToValue(tree, Summary.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new org.wfm.forecast.io.InputException(fileLabel, 0, null, "does not hold a run's summary: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Reads summary.json: unknown keys skipped, null into a primitive number is NaN (how NaN was written). */
    private static final ObjectMapper READER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                    .addDeserializer(Double.TYPE, new NaNForNull()));

    private static final class NaNForNull extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<Double> {
        NaNForNull() {
            super(Double.TYPE);
        }

        @Override
        public Double deserialize(com.fasterxml.jackson.core.JsonParser p,
                                  com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
            return p.getValueAsDouble(Double.NaN);
        }

        @Override
        public Double getNullValue(com.fasterxml.jackson.databind.DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
