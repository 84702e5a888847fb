package org.wfm.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.wfm.cli.io.ChannelNames;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.history.HistoryReader;
import org.wfm.forecast.io.CsvSource;
import org.wfm.forecast.io.Ids;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.Plausible;
import org.wfm.forecast.io.Problems;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Reads wfm's own CSV outputs back when they are another command's input (forecast.csv for requirements,
 * requirements.csv for schedule; schedule.csv, coverage.csv, forecast.csv, peaks.csv and simulation.csv of a run
 * folder through {@link org.wfm.cli.export.RunFolder}, the one run-folder reader), with the same line-and-column
 * validation as any other input.
 *
 * <p>forecast.csv and requirements.csv are checked against channels.yaml: every channel must be one of its channels
 * (names compared as {@link Ids#key} does, and written as channels.yaml spells them), the rows' interval length
 * must be its {@code interval_minutes}, and every number within {@link Plausible}'s ranges (volumes, AHT, agents,
 * dates). Text cells that {@link CsvCells} protected from spreadsheets are read back to the original text.
 */
public final class OutputReaders {
    private OutputReaders() {
    }

    /**
     * forecast.csv, or requirements.csv read as demand (forecast_volume becomes the volume), checked against
     * {@code plan} (see the class comment); {@code channelsLabel} names the channels file in messages.
     */
    public static List<ForecastPoint> readDemand(Path file, ChannelPlan plan, String channelsLabel) {
        ChannelNames names = channelNames(plan, channelsLabel);
        List<ForecastPoint> points = read(file, new String[]{"interval_start", "channel"}, (row) -> {
            boolean isRequirements = row.has("forecast_volume");
            String volCol = isRequirements ? "forecast_volume" : "volume";
            LocalDateTime t = row.timestamp("interval_start", plan.zone());
            String ch = row.channel("channel", names);
            double v = row.number(volCol, Plausible.VOLUME);
            double lo = row.optionalNumber("volume_lower", Plausible.VOLUME);
            double hi = row.optionalNumber("volume_upper", Plausible.VOLUME);
            double aht = row.has("aht_seconds") ? row.aht("aht_seconds", v, false) : Double.NaN;
            return t == null || ch == null ? null : new ForecastPoint(t, ch, v, lo, hi, aht);
        }, "volume or forecast_volume", r -> r.has("volume") || r.has("forecast_volume"),
                p -> p.intervalStart() + "|" + p.channel());
        checkChannels(file, names);
        checkInterval(file, points, ForecastPoint::channel, ForecastPoint::intervalStart, plan, channelsLabel);
        return points;
    }

    /**
     * The line of the row of {@code channel} at {@code intervalStart} in a file {@link #readDemand} read, 0 if none:
     * for a message about a row found bad after reading (a load no staffing can meet).
     */
    public static int lineOf(Path file, ChannelPlan plan, String channelsLabel, String channel,
                             LocalDateTime intervalStart) {
        int[] found = {0};
        ChannelNames names = channelNames(plan, channelsLabel);
        read(file, new String[]{"interval_start", "channel"}, row -> {
            if (found[0] == 0 && channel.equals(row.channel("channel", names))
                    && intervalStart.equals(row.timestamp("interval_start", plan.zone()))) {
                found[0] = row.line;
            }
            return null;
        }, null, r -> true, null);
        return found[0];
    }

    /** requirements.csv, checked against {@code plan} as {@link #readDemand} is. */
    public static List<Requirement> readRequirements(Path file, ChannelPlan plan, String channelsLabel) {
        ChannelNames names = channelNames(plan, channelsLabel);
        List<Requirement> reqs = read(file, new String[]{"interval_start", "channel", "forecast_volume", "aht_seconds",
            "required_agents", "required_staff"}, row -> {
                LocalDateTime t = row.timestamp("interval_start", plan.zone());
                String ch = row.channel("channel", names);
                double v = row.number("forecast_volume", Plausible.VOLUME);
                double aht = row.aht("aht_seconds", v, true);
                double ra = row.number("required_agents", Plausible.AGENTS);
                double rs = row.number("required_staff", Plausible.AGENTS);
                return t == null || ch == null ? null : new Requirement(t, ch, v, aht, ra, rs);
            }, null, r -> true, r -> r.intervalStart() + "|" + r.channel());
        checkChannels(file, names);
        checkInterval(file, reqs, Requirement::channel, Requirement::intervalStart, plan, channelsLabel);
        return reqs;
    }

    private static ChannelNames channelNames(ChannelPlan plan, String channelsLabel) {
        return new ChannelNames(plan.channels().stream().map(Channel::name).toList(), channelsLabel);
    }

    /**
     * A channel that channels.yaml lacks is an input error, named once with the row count and the near match
     * ({@link ChannelNames}); a channel written differently from channels.yaml (case, surrounding spaces) is read as
     * that channel with a note.
     */
    private static void checkChannels(Path file, ChannelNames names) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Problems problems = new Problems(name);
        for (ChannelNames.Unknown u : names.unknown()) {
            problems.add(u.firstLine(), "channel", names.notInChannels(u.written(), u.rows()));
        }
        problems.throwIfAny();
        names.notes(new org.wfm.cli.io.Notes(org.wfm.cli.Console::note), name, "channel");
    }

    /**
     * The rows' interval length (as the history's is inferred) must be channels.yaml's {@code interval_minutes}, and
     * every row must start on its grid: a 15-minute forecast read as 30-minute intervals would halve the load.
     */
    private static <T> void checkInterval(Path file, List<T> rows, Function<T, String> channel,
                                          Function<T, LocalDateTime> start, ChannelPlan plan, String channelsLabel) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        int minutes = plan.intervalMinutes();
        Map<String, java.util.TreeSet<LocalDateTime>> byChannel = new java.util.TreeMap<>();
        for (T r : rows) {
            byChannel.computeIfAbsent(channel.apply(r), c -> new java.util.TreeSet<>()).add(start.apply(r));
        }
        int gap = HistoryReader.gapMinutes(byChannel.values());
        if (gap != 0 && gap != minutes) {
            throw new InputException(name, 0, "interval_start", "rows are " + gap + " minutes apart but "
                    + channelsLabel + " has interval_minutes: " + minutes + " (expected one row per " + minutes
                    + "-minute interval; make the file with the same interval_minutes, or change it in "
                    + channelsLabel + ")");
        }
        for (T r : rows) {
            LocalDateTime t = start.apply(r);
            if ((t.getHour() * 60 + t.getMinute()) % minutes != 0) {
                throw new InputException(name, 0, "interval_start", t + " (channel " + channel.apply(r)
                        + ") does not start a " + minutes + "-minute interval (interval_minutes of " + channelsLabel + ")");
            }
        }
    }

    public static List<org.wfm.scheduler.domain.CoverageRow> readCoverage(Path file, ZoneId zone) {
        return read(file, new String[]{"interval_start", "channel", "forecast_volume", "required", "scheduled",
            "service_level", "occupancy"}, row -> {
                LocalDateTime t = row.timestamp("interval_start", zone);
                String ch = row.text("channel");
                return t == null || ch == null ? null : new org.wfm.scheduler.domain.CoverageRow(t, ch,
                        row.number("forecast_volume", true), row.number("required", true),
                        row.number("scheduled", true), row.optionalNumber("service_level"),
                        row.optionalNumber("occupancy"));
            }, null, r -> true, c -> c.intervalStart() + "|" + c.channel());
    }

    public static List<ScheduleRow> readSchedule(Path file) {
        return placeAfterMidnight(read(file, new String[]{"agent_id", "date", "start", "end", "activity", "channel", "location"}, row -> {
            String agent = row.text("agent_id");
            LocalDate date = row.date("date");
            LocalTime start = row.time("start");
            LocalTime end = row.time("end");
            Activity act = row.activity("activity");
            String ch = row.optionalText("channel");
            String loc = row.optionalText("location");
            if (agent == null || date == null || start == null || end == null || act == null) {
                return null;
            }
            LocalDateTime s = date.atTime(start);
            LocalDateTime e = date.atTime(end);
            if (!e.isAfter(s)) {
                e = e.plusDays(1);
            }
            return new ScheduleRow(agent, date, s, e, act, ch, loc);
        }, null, r -> true, null));
    }

    /**
     * Rows are in time order per agent and {@code date} is the day the shift starts, so in an overnight shift
     * a block whose clock time is earlier than the block before it belongs to the next day.
     */
    private static List<ScheduleRow> placeAfterMidnight(List<ScheduleRow> rows) {
        Map<String, LocalDateTime> last = new java.util.HashMap<>();
        List<ScheduleRow> out = new ArrayList<>(rows.size());
        for (ScheduleRow r : rows) {
            String k = r.agentId() + "|" + r.date();
            LocalDateTime prev = last.get(k);
            ScheduleRow x = r;
            if (prev != null && r.start().isBefore(prev)) {
                long days = java.time.Duration.between(r.start(), prev).toDays() + 1;
                if (r.start().plusDays(days).isBefore(prev)) {
                    days++;
                }
                x = new ScheduleRow(r.agentId(), r.date(), r.start().plusDays(days), r.end().plusDays(days),
                        r.activity(), r.channel(), r.location());
            }
            last.put(k, x.start());
            out.add(x);
        }
        return out;
    }

    /**
     * forecast.csv of a run folder, as written (no channels.yaml at hand: channels are taken as they are). Run-folder
     * files carry local times and wfm writes no offsets, so the zone only matters for a file edited by hand.
     */
    public static List<ForecastPoint> readForecast(Path file, ZoneId zone) {
        return read(file, CsvFiles.FORECAST, row -> {
            LocalDateTime t = row.timestamp("interval_start", zone);
            String ch = row.text("channel");
            return t == null || ch == null ? null : new ForecastPoint(t, ch, row.number("volume", true),
                    row.optionalNumber("volume_lower"), row.optionalNumber("volume_upper"),
                    row.optionalNumber("aht_seconds"));
        }, null, r -> true, p -> p.intervalStart() + "|" + p.channel());
    }

    /** peaks.csv of a run folder ({@code kind} in lower case). */
    public static List<org.wfm.forecast.Peak> readPeaks(Path file, ZoneId zone) {
        return read(file, CsvFiles.PEAKS, row -> {
            String ch = row.text("channel");
            String kind = row.text("kind");
            LocalDateTime start = row.timestamp("start", zone);
            LocalDateTime end = row.timestamp("end", zone);
            return ch == null || kind == null || start == null || end == null ? null
                    : new org.wfm.forecast.Peak(ch, kind.toLowerCase(Locale.ROOT), start, end,
                    row.optionalNumber("mean_volume"), row.optionalNumber("ratio_to_average"));
        }, null, r -> true, null);
    }

    /** simulation.csv of a run folder (means over replications; a figure that does not apply is empty, NaN). */
    public static List<org.wfm.scheduler.simulation.SimulationRow> readSimulation(Path file, ZoneId zone) {
        return read(file, CsvFiles.SIMULATION, row -> {
            LocalDateTime t = row.timestamp("interval_start", zone);
            String ch = row.text("channel");
            return t == null || ch == null ? null : new org.wfm.scheduler.simulation.SimulationRow(t, ch,
                    row.number("offered", true), row.optionalNumber("answered_in_target"),
                    row.optionalNumber("abandoned"), row.optionalNumber("service_level"),
                    row.optionalNumber("service_level_ci95"), row.optionalNumber("asa_seconds"),
                    row.optionalNumber("occupancy"));
        }, null, r -> true, s -> s.intervalStart() + "|" + s.channel());
    }

    /** Agent names from the extra {@code name} column of schedule.csv (empty map if absent). */
    public static Map<String, String> readNames(Path file) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        try (CsvSource csv = CsvSource.open(file, new Problems(String.valueOf(file.getFileName())),
                CsvSource.Separator.COMMA)) {
            CsvSource.Row head = csv.next();
            List<String> header = head == null ? List.of() : List.of(head.values());
            int id = header.indexOf("agent_id");
            int name = header.indexOf("name");
            if (id < 0 || name < 0) {
                return names;
            }
            for (CsvSource.Row r = csv.next(); r != null; r = csv.next()) {
                names.putIfAbsent(CsvCells.read(r.get(id)), CsvCells.read(r.get(name)));
            }
        } catch (IOException | RuntimeException e) {
            // names are a nicety of the workbook: a schedule.csv without them shows agent ids
            return names;
        }
        return names;
    }

    private static <T> List<T> read(Path file, String[] required, Function<Row, T> mapper, String alternative,
                                    java.util.function.Predicate<Row> alternativeOk, Function<T, String> key) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new InputException(name, 0, null, "file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new InputException(name, 0, null, "is a folder, expected a CSV file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, 0, null, "is not a regular file (a named pipe or a device?); expected a"
                    + " CSV file saved on disk");
        }
        Problems problems = new Problems(name);
        List<T> out = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(file, problems, CsvSource.Separator.COMMA)) {
            CsvSource.Row head = csv.next();
            Map<String, Integer> header = new java.util.HashMap<>();
            if (head != null) {
                for (int i = 0; i < head.size(); i++) {
                    String col = head.get(i).toLowerCase(Locale.ROOT);
                    if (header.putIfAbsent(col, i) != null && !col.isEmpty()) {
                        problems.add(1, col, "column `" + col + "` appears twice");
                    }
                }
            }
            if (header.isEmpty()) {
                throw new InputException(name, 1, null, "empty file, expected a header row");
            }
            for (String col : required) {
                if (!header.containsKey(col)) {
                    problems.add(1, col, "missing column (expected columns: " + String.join(",", required) + ")");
                }
            }
            Row probe = new Row(null, header, problems, 1);
            if (alternative != null && !alternativeOk.test(probe)) {
                problems.add(1, alternative, "missing column");
            }
            problems.throwIfAny();
            Set<String> seen = new HashSet<>();
            for (CsvSource.Row rec = csv.next(); rec != null; rec = csv.next()) {
                int line = rec.line();
                if (rec.size() > head.size()) {
                    // An unquoted decimal comma ("12,5") splits a value in two and shifts the rest silently.
                    problems.add(line, null, "has " + rec.size() + " values but the header has " + head.size()
                            + " columns (a value containing a comma, such as a decimal comma, must be in double"
                            + " quotes; numbers take a dot)");
                    continue;
                }
                Row row = new Row(rec.values(), header, problems, line);
                int before = problems.size();
                T value = mapper.apply(row);
                if (value != null && problems.size() == before) {
                    if (key != null && !seen.add(key.apply(value))) {
                        problems.add(line, null, "duplicate row for " + key.apply(value).replace('|', ' '));
                    }
                    out.add(value);
                }
                if (problems.size() > 200) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.throwIfAny();
        return out;
    }

    /** One record with typed getters that report problems with the line and column. */
    static final class Row {
        private final String[] rec;
        private final Map<String, Integer> header;
        private final Problems problems;
        private final int line;

        Row(String[] rec, Map<String, Integer> header, Problems problems, int line) {
            this.rec = rec;
            this.header = header;
            this.problems = problems;
            this.line = line;
        }

        boolean has(String col) {
            return header.containsKey(col);
        }

        private String raw(String col) {
            Integer i = header.get(col);
            if (i == null || rec == null || i >= rec.length) {
                return "";
            }
            return CsvCells.read(rec[i].trim());
        }

        String optionalText(String col) {
            String s = raw(col);
            return s.isEmpty() ? null : s;
        }

        String text(String col) {
            String s = raw(col);
            if (s.isEmpty()) {
                problems.add(line, col, "empty, expected a value");
                return null;
            }
            return s;
        }

        /** A number; empty, {@code NaN} or {@code -} mean "does not apply" (as in a run folder) and give NaN. */
        double optionalNumber(String col) {
            String s = raw(col);
            return s.isEmpty() || s.equalsIgnoreCase("nan") || s.equals("-") ? Double.NaN : number(col, false);
        }

        double number(String col, boolean nonNegative) {
            String s = raw(col);
            try {
                double v = Double.parseDouble(s);
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                if (nonNegative && v < 0) {
                    problems.add(line, col, "\"" + s + "\" is negative, expected a number >= 0");
                }
                return v;
            } catch (NumberFormatException e) {
                String hint = s.matches("-?\\d+,\\d+") ? " (use a dot for decimals)" : "";
                problems.add(line, col, "\"" + s + "\" is not a number" + hint);
                return Double.NaN;
            }
        }

        /** A number within {@code limit}; NaN when the column is absent or empty. */
        double optionalNumber(String col, Plausible.Limit limit) {
            return raw(col).isEmpty() ? Double.NaN : number(col, limit);
        }

        /** A number within {@code limit}; NaN with a problem otherwise. */
        double number(String col, Plausible.Limit limit) {
            String s = raw(col);
            int before = problems.size();
            double v = number(col, false);
            if (problems.size() == before && !limit.contains(v)) {
                problems.add(line, col, limit.problem(v));
                return Double.NaN;
            }
            return v;
        }

        /**
         * An AHT in seconds within {@link Plausible#AHT_SECONDS} (with a hint when it looks like milliseconds);
         * empty, or 0 on a row without contacts, is NaN (the channel's AHT) unless {@code required}.
         */
        double aht(String col, double volume, boolean required) {
            String s = raw(col);
            if (s.isEmpty() && !required) {
                return Double.NaN;
            }
            int before = problems.size();
            double v = number(col, false);
            if (problems.size() > before) {
                return Double.NaN;
            }
            if (v == 0 && volume == 0) {
                return required ? 0 : Double.NaN;
            }
            if (!Plausible.AHT_SECONDS.contains(v)) {
                problems.add(line, col, Plausible.AHT_SECONDS.problem(v) + Plausible.ahtUnitHint(v));
                return Double.NaN;
            }
            return v;
        }

        /**
         * A channel of channels.yaml, as it spells it; null when there is none such (with a problem for an invisible
         * character; a name of no channel is kept in {@code names} and reported once per name by the caller).
         */
        String channel(String col, ChannelNames names) {
            String s = text(col);
            if (s == null) {
                return null;
            }
            String bad = Ids.invisible(s);
            if (bad != null) {
                problems.add(line, col, "channel name contains " + bad + " (expected a channel of " + names.label() + ")");
                return null;
            }
            return names.resolve(s, line).orElse(null);
        }

        LocalDateTime timestamp(String col, ZoneId zone) {
            String s = raw(col);
            LocalDateTime t = Timestamps.parse(s, zone);
            if (t == null) {
                problems.add(line, col, "\"" + s + "\" is not a timestamp, expected e.g. 2026-01-05T08:00");
            } else if (Plausible.dateProblem(t.toLocalDate()) != null) {
                problems.add(line, col, Plausible.dateProblem(t.toLocalDate()));
                return null;
            }
            return t;
        }

        LocalDate date(String col) {
            LocalDate d = parsed(col, LocalDate::parse, "a date, expected e.g. 2026-01-05");
            if (d != null && Plausible.dateProblem(d) != null) {
                problems.add(line, col, Plausible.dateProblem(d));
                return null;
            }
            return d;
        }

        LocalTime time(String col) {
            return parsed(col, LocalTime::parse, "a time, expected HH:MM");
        }

        Activity activity(String col) {
            return parsed(col, s -> Activity.valueOf(s.toUpperCase(Locale.ROOT)),
                    "an activity, expected work, break, lunch or training");
        }

        /** The cell parsed, or null with the problem noted ("is not " + {@code expected}). */
        private <T> T parsed(String col, Function<String, T> parse, String expected) {
            String s = raw(col);
            try {
                return parse.apply(s);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                problems.add(line, col, "\"" + s + "\" is not " + expected);
                return null;
            }
        }
    }
}
