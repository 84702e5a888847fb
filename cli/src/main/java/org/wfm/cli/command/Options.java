package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.wfm.cli.WfmException;

/** Option value checks shared by the commands: a malformed or out-of-range value is a usage error (exit 2). */
final class Options {
    private Options() {
    }

    static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    static LocalDate date(String value, String option) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw WfmException.usage(option + " \"" + value + "\" is not a date, expected YYYY-MM-DD");
        }
    }

    static int positive(int value, String option) {
        if (value <= 0) {
            throw WfmException.usage(option + " must be at least 1, got " + value);
        }
        return value;
    }

    static double inRange(double value, double min, double max, String option) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw WfmException.usage(option + " must be between " + trim(min) + " and " + trim(max) + ", got "
                    + trim(value));
        }
        return value;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
