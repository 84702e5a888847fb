package org.wfm.cli.output;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.wfm.forecast.io.TimestampParser;

/** The contract's timestamp forms: written as {@code 2026-01-05T08:00}; read also with seconds, a space or an offset. */
public final class Timestamps {
    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    public static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private Timestamps() {
    }

    public static String format(LocalDateTime t) {
        return t.format(MINUTE);
    }

    public static String format(LocalTime t) {
        return t.format(HH_MM);
    }

    public static String format(LocalDate d) {
        return d.toString();
    }

    /**
     * Parses a local or offset timestamp into the plan's zone (an offset is converted to it); null if it is not one.
     * The one timestamp parser of all readers is {@link TimestampParser}; this is its ISO form for wfm's own files.
     */
    public static LocalDateTime parse(String text, ZoneId zone) {
        TimestampParser.Parsed p = TimestampParser.iso(text);
        return p == null ? null : p.in(zone);
    }
}
