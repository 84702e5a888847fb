package org.wfm.forecast.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wfm.forecast.io.CsvSource.Separator;
import org.wfm.forecast.io.TimestampParser.DateOrder;

/**
 * How a history file is written, as far as the planner says it: which header is the timestamp (or the date and
 * the time of day), the channel, the volume and the AHT, the separator, the date format and the decimal mark.
 * Every part is optional (null): what is not given is recognised from the header ({@link HistoryColumns}) and the
 * values. Given once, as {@code --columns timestamp=Interval Start,channel=Queue,...} or as the same keys under
 * {@code history:} in plan.yaml.
 */
public record HistoryFormat(String timestamp, String date, String time, String channel, String volume, String aht,
                            Separator separator, DateOrder dateOrder, Character decimal) {

    /** Everything recognised from the file. */
    public static final HistoryFormat AUTO = new HistoryFormat(null, null, null, null, null, null, null, null, null);

    /** The keys, in the order the documentation lists them. */
    public static final List<String> KEYS = List.of("timestamp", "date", "time", "channel", "volume", "aht",
            "separator", "date_format", "decimal");

    public HistoryFormat {
        if (timestamp != null && (date != null || time != null)) {
            throw new IllegalArgumentException("give either timestamp or date and time, not both");
        }
        if ((date == null) != (time == null)) {
            throw new IllegalArgumentException(date == null ? "time is given without date; give both (date=...,"
                    + "time=...) or timestamp" : "date is given without time; give both (date=...,time=...) or timestamp");
        }
    }

    /**
     * The format from key-value pairs ({@code --columns}' or plan.yaml's); a key or value it does not know is an
     * {@link IllegalArgumentException} whose message says what is expected.
     */
    public static HistoryFormat of(Map<String, String> pairs) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String key = e.getKey().trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (key.equals("dateformat")) {
                key = "date_format";
            }
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key `" + e.getKey().trim() + "`; expected "
                        + String.join(", ", KEYS));
            }
            String value = e.getValue();
            if (value == null || (value.isBlank() && !value.equals("\t"))) {
                throw new IllegalArgumentException("`" + key + "` has no value; expected e.g. " + example(key));
            }
            if (v.put(key, value) != null) {
                throw new IllegalArgumentException("`" + key + "` is given twice");
            }
        }
        Separator sep = null;
        if (v.containsKey("separator")) {
            sep = Separator.parse(v.get("separator"));
            if (sep == null) {
                throw new IllegalArgumentException("separator \"" + v.get("separator") + "\" is not one wfm reads;"
                        + " expected comma, semicolon (or ;) or tab");
            }
        }
        DateOrder order = null;
        if (v.containsKey("date_format")) {
            order = DateOrder.parse(v.get("date_format"));
            if (order == null) {
                throw new IllegalArgumentException("date_format \"" + v.get("date_format") + "\" is not one wfm reads;"
                        + " expected dd/MM/yyyy, MM/dd/yyyy or yyyy-MM-dd (iso)");
            }
        }
        Character decimal = null;
        if (v.containsKey("decimal")) {
            String d = v.get("decimal").trim().toLowerCase(Locale.ROOT);
            decimal = switch (d) {
                case "comma", "," -> ',';
                case "dot", "point", "." -> '.';
                default -> throw new IllegalArgumentException("decimal \"" + v.get("decimal") + "\" is not a decimal"
                        + " mark; expected dot or comma");
            };
        }
        return new HistoryFormat(name(v, "timestamp"), name(v, "date"), name(v, "time"), name(v, "channel"),
                name(v, "volume"), name(v, "aht"), sep, order, decimal);
    }

    /**
     * {@code --columns}: {@code key=value} pairs separated by commas, e.g.
     * {@code timestamp=Interval Start,channel=Queue,volume=Offered,aht=AHT,separator=;,date_format=dd/MM/yyyy}.
     */
    public static HistoryFormat parse(String spec) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("\"" + part.trim() + "\" is not key=value; expected e.g."
                        + " timestamp=Interval Start,channel=Queue,volume=Offered,aht=AHT");
            }
            String key = part.substring(0, eq).trim();
            if (pairs.containsKey(key)) {
                throw new IllegalArgumentException("`" + key + "` is given twice");
            }
            pairs.put(key, part.substring(eq + 1));
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no key=value pairs; expected e.g. timestamp=Interval Start,channel=Queue");
        }
        return of(pairs);
    }

    /** True when nothing is given: the file alone says how it is written. */
    public boolean isAuto() {
        return equals(AUTO);
    }

    private static String name(Map<String, String> v, String key) {
        String s = v.get(key);
        return s == null ? null : s.trim();
    }

    private static String example(String key) {
        return switch (key) {
            case "separator" -> "semicolon";
            case "date_format" -> "dd/MM/yyyy";
            case "decimal" -> "comma";
            default -> key + "=<a header of the file>";
        };
    }
}
