package org.wfm.forecast.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wfm.forecast.io.Problems;

/**
 * Which column of a history header plays which part (timestamp, or date and time of day; channel; volume; AHT),
 * from the planner's mapping ({@link HistoryFormat}) where given and otherwise from the headers platforms export.
 * Headers are compared ignoring case, spaces and punctuation, so {@code Interval Start}, {@code interval_start}
 * and {@code INTERVAL-START} are one name. Recognised without a mapping:
 * <ul>
 * <li>timestamp: interval_start, Interval, Interval Start, Start Time, Start, Timestamp, Date Time; or a Date
 * column with a Time column (or an Interval column holding times of day);</li>
 * <li>channel: channel, Queue, Skill, Split (and their "... Name" forms);</li>
 * <li>volume: volume, Offered, Contacts, Calls, Calls Offered, Contacts Offered; Handled (Calls Handled,
 * Answered) only when there is no offered-like column, and then said;</li>
 * <li>AHT: aht_seconds, AHT, Avg Handle Time, Average Handle Time (seconds, or mm:ss / h:mm:ss).</li>
 * </ul>
 * Two columns that could both be one part are refused (which one is meant cannot be guessed).
 */
final class HistoryColumns {
    static final Set<String> TIMESTAMP = Set.of("intervalstart", "interval", "intervalstarttime", "starttime", "start",
            "timestamp", "datetime", "intervalbegin", "periodstart", "startdatetime", "intervalstartdatetime");
    static final Set<String> DATE = Set.of("date", "day", "intervaldate", "reportdate", "calldate");
    static final Set<String> TIME = Set.of("time", "intervaltime", "timeofday", "timeinterval");
    static final Set<String> CHANNEL = Set.of("channel", "queue", "queuename", "skill", "skillname", "split",
            "splitname", "splitskill", "skillsplit");
    static final Set<String> OFFERED = Set.of("volume", "offered", "contacts", "calls", "callsoffered",
            "contactsoffered", "offeredcalls", "offeredcontacts", "callsreceived", "contactsreceived");
    static final Set<String> HANDLED = Set.of("handled", "callshandled", "contactshandled", "handledcalls",
            "handledcontacts", "answered", "callsanswered");
    static final Set<String> AHT = Set.of("ahtseconds", "aht", "ahts", "ahtsec", "ahtsecs", "ahtinseconds",
            "avghandletime", "averagehandletime", "avghandlingtime", "averagehandlingtime", "avgaht", "averageaht");

    /** The contract's own names: a file using them needs no "read as" line. */
    private static final Map<String, String> CANONICAL = Map.of("timestamp", "interval_start", "channel", "channel",
            "volume", "volume", "aht", "aht_seconds");

    final List<String> raw;
    int timestamp = -1;
    int date = -1;
    int time = -1;
    int channel = -1;
    int volume = -1;
    int aht = -1;
    /** The volume column is a handled count (no offered-like column). */
    boolean handled;
    /** A date column and a timestamp-named column: whether they combine is decided on the first row's value. */
    boolean dateWithTimestampCandidate;
    /** Columns that look like a part but were not used (a second handled column, the other of two). */
    final List<String> unused = new ArrayList<>();

    private HistoryColumns(List<String> raw) {
        this.raw = raw;
    }

    /** Lower case, letters and digits only: the form headers are compared in. */
    static String norm(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * The parts of {@code header} (line 1 of {@code problems}' file); problems are added for a mapped column the
     * header lacks and for two candidates of one part. {@code mappingLabel} names where the mapping came from.
     */
    static HistoryColumns resolve(List<String> header, HistoryFormat format, String mappingLabel, Problems problems) {
        HistoryColumns c = new HistoryColumns(header);
        List<String> names = header.stream().map(h -> h == null ? "" : norm(h)).toList();
        c.timestamp = c.mapped(names, format.timestamp(), "timestamp", mappingLabel, problems);
        c.date = c.mapped(names, format.date(), "date", mappingLabel, problems);
        c.time = c.mapped(names, format.time(), "time", mappingLabel, problems);
        c.channel = c.mapped(names, format.channel(), "channel", mappingLabel, problems);
        c.volume = c.mapped(names, format.volume(), "volume", mappingLabel, problems);
        c.aht = c.mapped(names, format.aht(), "aht", mappingLabel, problems);
        boolean timeMapped = format.timestamp() != null || format.date() != null;
        if (!timeMapped) {
            c.timestamp = c.recognise(names, TIMESTAMP, "timestamp", problems);
            int d = c.recognise(names, DATE, "date", problems);
            int t = c.recognise(names, TIME, "time", problems);
            if (d >= 0 && t >= 0) {
                c.date = d;
                c.time = t;
                if (c.timestamp >= 0) {
                    c.unused.add(header.get(c.timestamp));
                    c.timestamp = -1;
                }
            } else if (d >= 0 && c.timestamp >= 0) {
                c.date = d;
                c.dateWithTimestampCandidate = true;
            } else if (d >= 0) {
                c.timestamp = d;
            }
        }
        if (format.channel() == null) {
            c.channel = c.recognise(names, CHANNEL, "channel", problems);
        }
        if (format.volume() == null) {
            c.volume = c.recognise(names, OFFERED, "volume", problems);
            int h = c.recognise(names, HANDLED, "handled volume", problems);
            if (c.volume < 0 && h >= 0) {
                c.volume = h;
                c.handled = true;
            } else if (h >= 0) {
                c.unused.add(header.get(h));
            }
        }
        if (format.aht() == null) {
            c.aht = c.recognise(names, AHT, "aht", problems);
        }
        return c;
    }

    /** Combines the date column with the timestamp-named one, whose values turned out to be times of day. */
    void combineDateAndTime() {
        time = timestamp;
        timestamp = -1;
        dateWithTimestampCandidate = false;
    }

    /** Keeps the timestamp column as it is; the date column beside it is not used. */
    void keepTimestamp() {
        unused.add(raw.get(date));
        date = -1;
        dateWithTimestampCandidate = false;
    }

    boolean isUsed(int i) {
        return i == timestamp || i == date || i == time || i == channel || i == volume || i == aht;
    }

    /** "Interval Start→timestamp, Queue→channel" for the parts whose header is not the contract's own name. */
    List<String> renamed(boolean ahtClock) {
        List<String> out = new ArrayList<>();
        if (timestamp >= 0 && !isCanonical(timestamp, "timestamp")) {
            out.add(raw.get(timestamp) + "→timestamp");
        }
        if (date >= 0) {
            out.add(raw.get(date) + " + " + raw.get(time) + "→timestamp");
        }
        if (channel >= 0 && !isCanonical(channel, "channel")) {
            out.add(raw.get(channel) + "→channel");
        }
        if (volume >= 0 && (handled || !isCanonical(volume, "volume"))) {
            out.add(raw.get(volume) + "→volume" + (handled ? " (no offered column: handled contacts, which leave out"
                    + " the abandoned ones)" : ""));
        }
        if (aht >= 0 && (ahtClock || !isCanonical(aht, "aht"))) {
            out.add(raw.get(aht) + (ahtClock ? " (mm:ss)" : "") + "→aht");
        }
        return out;
    }

    private boolean isCanonical(int col, String part) {
        return raw.get(col).trim().equalsIgnoreCase(CANONICAL.get(part));
    }

    private int mapped(List<String> names, String given, String part, String mappingLabel, Problems problems) {
        if (given == null) {
            return -1;
        }
        String n = norm(given);
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) != null && raw.get(i).trim().equals(given)) {
                return i;
            }
        }
        int found = names.indexOf(n);
        if (found < 0 || n.isEmpty()) {
            problems.add(1, null, mappingLabel + " names `" + given + "` as the " + part + " column, but the header has"
                    + " no such column (it has " + String.join(", ", raw.stream().map(h -> "`" + h + "`").toList())
                    + ")");
            return -1;
        }
        return found;
    }

    /** The one column whose name is in {@code known} and not yet used; -1 when none, a problem when two. */
    private int recognise(List<String> names, Set<String> known, String part, Problems problems) {
        Map<Integer, String> hits = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (known.contains(names.get(i)) && !isUsed(i)) {
                hits.put(i, raw.get(i));
            }
        }
        if (hits.size() > 1) {
            String key = part.equals("handled volume") ? "volume" : part;
            problems.add(1, null, "columns " + String.join(" and ", hits.values().stream().map(h -> "`" + h + "`")
                    .toList()) + " could each be the " + part + "; name the one to use (" + key + "=... in --columns,"
                    + " or under history: columns: in plan.yaml)");
            return -1;
        }
        return hits.isEmpty() ? -1 : hits.keySet().iterator().next();
    }

    /** True when the header names a long-form part (offered, handled, AHT) that a wide file would not have. */
    boolean looksLong() {
        return volume >= 0 || aht >= 0;
    }
}
