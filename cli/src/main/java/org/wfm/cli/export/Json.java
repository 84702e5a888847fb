package org.wfm.cli.export;

import com.fasterxml.jackson.databind.JsonNode;

/** Tolerant reads from summary.json's tree: a missing, null or non-numeric value is NaN, not an error. */
final class Json {
    private Json() {
    }

    static double number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.textValue());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** Text of a scalar; empty for missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }
}
