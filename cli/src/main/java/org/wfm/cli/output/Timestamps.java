package org.wfm.cli.output;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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

    /** Parses a local or offset timestamp into the plan's zone; null if it is not one. */
    public static LocalDateTime parse(String text, ZoneId zone) {
        String s = text.trim().replace(' ', 'T');
        try {
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
