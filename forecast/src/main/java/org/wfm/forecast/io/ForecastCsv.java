package org.wfm.forecast.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.Peak;

/**
 * forecast.csv and peaks.csv in the contract's columns: writing (to any {@link Appendable}, so the caller
 * decides about temporary files and renaming) and reading forecast.csv back for the staffing step.
 * Numbers have a dot and at most three decimals; an unknown AHT is an empty cell.
 */
public final class ForecastCsv {
    public static final List<String> FORECAST_COLUMNS = List.of("interval_start", "channel", "volume", "volume_lower",
            "volume_upper", "aht_seconds");
    public static final List<String> PEAK_COLUMNS = List.of("channel", "kind", "start", "end", "mean_volume",
            "ratio_to_average");

    private ForecastCsv() {
    }

    public static void writeForecast(List<ForecastPoint> points, Appendable out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(FORECAST_COLUMNS.toArray(String[]::new)).get())) {
            for (ForecastPoint f : points) {
                p.printRecord(f.intervalStart(), f.channel(), number(f.volume()), number(f.volumeLower()),
                        number(f.volumeUpper()), number(f.ahtSeconds()));
            }
        }
    }

    public static void writePeaks(List<Peak> peaks, Appendable out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(PEAK_COLUMNS.toArray(String[]::new)).get())) {
            for (Peak k : peaks) {
                p.printRecord(k.channel(), k.kind(), k.start(), k.end(), number(k.meanVolume()), number(k.ratioToAverage()));
            }
        }
    }

    /** Up to three decimals, no exponent, no trailing zeros; empty for NaN. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads forecast.csv (extra columns ignored; {@code volume_lower}, {@code volume_upper} and
     * {@code aht_seconds} optional, NaN when absent or empty). All problems are reported together.
     */
    public static List<ForecastPoint> readForecast(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, 0, null, "file not found: " + file);
        }
        Problems problems = new Problems(name);
        List<ForecastPoint> out = new ArrayList<>();
        try (Reader raw = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
             PushbackReader reader = new PushbackReader(raw, 1)) {
            int c = reader.read();
            if (c != -1 && c != '\uFEFF') {
                reader.unread(c);
            }
            CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                    .setTrim(true).setAllowMissingColumnNames(true).get().parse(reader);
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (header.isEmpty()) {
                throw new InputException(name, 0, null, "the file is empty; expected a header " + String.join(",", FORECAST_COLUMNS));
            }
            for (String col : List.of("interval_start", "channel", "volume")) {
                if (!header.contains(col)) {
                    problems.add(1, col, "missing column; expected " + String.join(",", FORECAST_COLUMNS));
                }
            }
            problems.throwIfAny();
            for (CSVRecord rec : parser) {
                int line = (int) rec.getRecordNumber() + 1;
                LocalDateTime t = null;
                String ts = value(rec, "interval_start");
                try {
                    t = LocalDateTime.parse(ts.replace(' ', 'T'));
                } catch (DateTimeParseException e) {
                    problems.add(line, "interval_start", "\"" + ts + "\" is not a date-time; expected e.g. 2026-01-05T08:00");
                }
                String channel = value(rec, "channel");
                if (channel.isEmpty()) {
                    problems.add(line, "channel", "missing; expected a channel name");
                }
                double volume = number(rec, "volume", line, problems, true);
                double lower = number(rec, "volume_lower", line, problems, false);
                double upper = number(rec, "volume_upper", line, problems, false);
                double aht = number(rec, "aht_seconds", line, problems, false);
                if (t != null && !channel.isEmpty() && !Double.isInfinite(volume)) {
                    out.add(new ForecastPoint(t, channel, volume, lower, upper, aht));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(0, null, "cannot be read: " + e.getMessage());
        }
        problems.throwIfAny();
        return out;
    }

    private static String value(CSVRecord rec, String column) {
        return rec.isMapped(column) && rec.isSet(column) ? rec.get(column).trim() : "";
    }

    /** NaN when optional and empty; infinity marks a reported problem. */
    private static double number(CSVRecord rec, String column, int line, Problems problems, boolean required) {
        String text = value(rec, column);
        if (text.isEmpty()) {
            if (required) {
                problems.add(line, column, "missing; expected a number");
                return Double.POSITIVE_INFINITY;
            }
            return Double.NaN;
        }
        boolean plain = text.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == '-' || ch == '+'
                || ch == 'e' || ch == 'E');
        try {
            double v = plain ? Double.parseDouble(text) : Double.NaN;
            if (!plain || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            if (v < 0) {
                problems.add(line, column, "\"" + text + "\" is negative; expected 0 or more");
                return Double.POSITIVE_INFINITY;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(line, column, "\"" + text + "\" is not a number");
            return Double.POSITIVE_INFINITY;
        }
    }
}
