package org.wfm.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.wfm.forecast.io.CsvSource;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.Problems;
import org.wfm.forecast.io.TimestampParser;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Reads holidays.csv ({@code date,name[,effect]}, through {@link CsvSource}: a {@code ;} or tab separator is read too) and, through the Jollyday library, a country's public
 * holidays. {@code effect} is {@code closed}, a factor such as {@code 0.6}, or empty: learn it from history.
 */
public final class HolidayReader {
    private HolidayReader() {
    }

    public static List<Holiday> read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, 0, null, "file not found: " + file);
        }
        Problems problems = new Problems(name);
        List<Holiday> out = new ArrayList<>();
        Map<LocalDate, Long> seen = new HashMap<>();
        try (CsvSource csv = CsvSource.open(file, problems, null)) {
            CsvSource.Row head = csv.next();
            if (head == null) {
                problems.throwIfAny();
                throw new InputException(name, 0, null, "the file is empty; expected a header date,name[,effect]");
            }
            List<String> header = java.util.Arrays.stream(head.values()).map(h -> h.toLowerCase(Locale.ROOT)).toList();
            for (String col : List.of("date", "name")) {
                if (!header.contains(col)) {
                    problems.add(head.line(), col, "missing column; expected a header date,name[,effect]");
                }
            }
            problems.throwIfAny();
            int dateCol = header.indexOf("date");
            int nameCol = header.indexOf("name");
            int effectCol = header.indexOf("effect");
            for (CsvSource.Row rec = csv.next(); rec != null; rec = csv.next()) {
                int line = rec.line();
                String dateText = rec.get(dateCol);
                String holidayName = rec.get(nameCol);
                String effect = rec.get(effectCol);
                LocalDate date = TimestampParser.date(dateText, TimestampParser.DateOrder.ISO);
                if (date == null) {
                    problems.add(line, "date", "\"" + dateText + "\" is not a date; expected e.g. 2025-12-25");
                }
                double factor = parseEffect(effect);
                if (Double.isInfinite(factor)) {
                    problems.add(line, "effect", "\"" + effect + "\" is not an effect; expected closed, a factor such as 0.6, or empty");
                }
                if (date != null) {
                    Long previous = seen.putIfAbsent(date, (long) line);
                    if (previous != null) {
                        problems.add(line, "date", "duplicate of line " + previous + " for " + date);
                    } else if (!Double.isInfinite(factor)) {
                        out.add(new Holiday(date, holidayName, factor));
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(0, null, "cannot be read: " + e.getMessage());
        }
        problems.throwIfAny();
        out.sort(Comparator.comparing(Holiday::date));
        return out;
    }

    /** 0 for closed, the factor, NaN for "learn it"; infinity flags a bad value. */
    private static double parseEffect(String effect) {
        String e = effect.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty()) {
            return Double.NaN;
        }
        if (e.equals("closed")) {
            return 0.0;
        }
        if (!e.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
            return Double.POSITIVE_INFINITY;
        }
        double v = Double.parseDouble(e);
        return v > 10 ? Double.POSITIVE_INFINITY : v;
    }

    /**
     * Public holidays of a country (ISO 3166 code such as {@code GB} or {@code DE}, optionally with a
     * Jollyday region such as {@code GB-eng} for England) between two dates,
     * from Jollyday; their effect is learnt from history (NaN). The observed date is used when a holiday
     * falling on a weekend is moved to a weekday.
     *
     * @throws IllegalArgumentException when the country code is unknown to Jollyday
     */
    public static List<Holiday> forCountry(String countryCode, LocalDate from, LocalDate to) {
        String[] parts = countryCode.trim().split("-", 2);
        String code = parts[0].toUpperCase(Locale.ROOT);
        Set<String> supported = HolidayManager.getSupportedCalendarCodes();
        if (!supported.contains(code)) {
            throw new IllegalArgumentException("unknown country code " + countryCode + " for holidays; expected one of "
                    + new java.util.TreeSet<>(supported));
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        String[] region = parts.length > 1 ? new String[] {parts[1].toLowerCase(Locale.ROOT)} : new String[0];
        List<Holiday> out = new ArrayList<>();
        for (de.focus_shift.jollyday.core.Holiday h : manager.getHolidays(from, to, region)) {
            out.add(new Holiday(h.getActualDate(), h.getDescription(Locale.ENGLISH), Double.NaN));
        }
        out.sort(Comparator.comparing(Holiday::date));
        return out;
    }

    /** Joins file and country holidays; a date given in the file wins (it may carry an effect). */
    public static List<Holiday> merge(List<Holiday> fromFile, List<Holiday> fromCountry) {
        Map<LocalDate, Holiday> byDate = new HashMap<>();
        fromCountry.forEach(h -> byDate.put(h.date(), h));
        fromFile.forEach(h -> byDate.put(h.date(), h));
        List<Holiday> out = new ArrayList<>(byDate.values());
        out.sort(Comparator.comparing(Holiday::date));
        return out;
    }
}
