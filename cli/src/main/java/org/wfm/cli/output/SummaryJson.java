package org.wfm.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        return MAPPER.valueToTree(s);
    }

    public static void write(Path file, JsonNode tree) {
        round(tree);
        try {
            MAPPER.writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rounds every number to 4 decimals so figures read cleanly and stay stable across platforms. */
    static void round(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                JsonNode v = o.get(name);
                if (v.isFloatingPointNumber()) {
                    o.put(name, Numbers.round(v.doubleValue(), 4));
                } else {
                    round(v);
                }
            });
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isFloatingPointNumber()) {
                    a.set(i, a.numberNode(Numbers.round(v.doubleValue(), 4)));
                } else {
                    round(v);
                }
            }
        }
    }

    public static ObjectNode read(Path file) {
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (!(n instanceof ObjectNode o)) {
                throw new org.wfm.forecast.io.InputException(file.getFileName().toString(), 1, null,
                        "expected a JSON object");
            }
            return o;
        } catch (IOException e) {
            throw new org.wfm.forecast.io.InputException(file.getFileName().toString(), 0, null,
                    "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
