package org.wfm.forecast.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.wfm.forecast.io.Ids;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.LineLimitReader;
import org.wfm.forecast.io.Plausible;
import org.wfm.forecast.io.Problems;

/**
 * Reads history.csv (long or wide) or history.xlsx (first sheet) into a {@link History}.
 *
 * <p>Long format: {@code interval_start,channel,volume[,aht_seconds]}. Wide format (no {@code channel}
 * column): every other numeric column is a channel; a column named {@code <channel>_aht_seconds} is that
 * channel's AHT. Rows are streamed and folded into one accumulator per interval and channel, so memory
 * grows with the number of distinct intervals, not with the file's text.
 *
 * <p>Values are checked against {@link Plausible}: volumes 0 to a million per interval, AHT 1 s to 8 h (an AHT of
 * 0 means "none measured", noted when the row has contacts), dates 1990..2100 with no gap of more than a year between two rows
 * of a channel; a channel whose median AHT is above an hour is noted (milliseconds?). Channel names are ids:
 * two spellings that agree after {@link Ids#key} (case, width, spaces) are refused, and so is a control
 * character in a name.
 *
 * <p>Every problem in the file is collected and thrown at once as an {@link InputException}.
 */
public final class HistoryReader {
    /** Interval lengths a contact-centre export uses; anything else is an input error. */
    static final int[] SUPPORTED_MINUTES = {5, 10, 15, 30, 60};
    private static final int MAX_PROBLEMS = 200;

    /** The history and the notes worth telling the planner (ignored columns, DST hours summed...). */
    public record Result(History history, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private HistoryReader() {
    }

    /** Reads the file; notes are dropped. See {@link #readWithNotes(Path, ZoneId)}. */
    public static History read(Path file, ZoneId zone) {
        return readWithNotes(file, zone).history();
    }

    public static Result readWithNotes(Path file, ZoneId zone) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Problems problems = new Problems(name);
        if (!Files.exists(file)) {
            throw new InputException(name, 0, null, "file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new InputException(name, 0, null, "is a folder, expected a history file (.csv or .xlsx)");
        }
        if (!Files.isRegularFile(file)) {
            // A named pipe or a device: reading it could block for ever or never end.
            throw new InputException(name, 0, null, "is not a regular file (a named pipe or a device?); expected a"
                    + " history file (.csv or .xlsx) saved on disk");
        }
        Builder builder = new Builder(name, zone, problems);
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                readXlsx(file, builder);
            } else {
                readCsv(file, builder);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, "file not found: " + file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            problems.add(0, null, "cannot be read: " + e.getMessage());
        }
        problems.throwIfAny();
        return builder.build();
    }

    private static void readCsv(Path file, Builder builder) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new LineLimitReader(skipBom(new InputStreamReader(in, StandardCharsets.UTF_8)),
                     builder.file, LineLimitReader.DEFAULT_MAX_CHARS);
             CSVParser parser = CSVFormat.DEFAULT.builder()
                     .setIgnoreSurroundingSpaces(true)
                     .setIgnoreEmptyLines(false)
                     .get().parse(reader)) {
            Iterator<CSVRecord> it = parser.iterator();
            CSVRecord header = null;
            while (header == null && it.hasNext()) {
                CSVRecord rec = it.next();
                header = isBlank(rec) ? null : rec;
            }
            if (header == null) {
                builder.problems.add(0, null, "the file is empty; expected a header interval_start,channel,volume");
                return;
            }
            if (!builder.header(header.toList())) {
                return;
            }
            boolean any = false;
            while (true) {
                // Blank lines come through as records so that line numbers stay physical: a record starts on
                // the line after those consumed before reading it (the record number would skip blank lines).
                int line = (int) parser.getCurrentLineNumber() + 1;
                if (!it.hasNext()) {
                    break;
                }
                CSVRecord rec = it.next();
                if (isBlank(rec)) {
                    continue;
                }
                any = true;
                if (rec.size() > header.size()) {
                    // An unquoted decimal comma ("12,5") splits a value in two and shifts the rest silently.
                    builder.problems.add(line, null, "has " + rec.size()
                            + " values but the header has " + header.size() + " columns (a value containing a comma,"
                            + " such as a decimal comma, must be in double quotes; numbers take a dot)");
                } else {
                    builder.row(line, rec.values());
                }
                if (builder.problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
            if (!any) {
                builder.problems.add(0, null, "the file has a header but no rows");
            }
        } catch (java.io.UncheckedIOException e) {
            builder.problems.add(0, null, "is not valid CSV: " + e.getCause().getMessage());
        }
    }

    private static boolean isBlank(CSVRecord rec) {
        return rec.size() == 1 && rec.get(0).isBlank();
    }

    private static Reader skipBom(Reader reader) throws IOException {
        PushbackReader pr = new PushbackReader(reader, 1);
        int c = pr.read();
        if (c != -1 && c != '\uFEFF') {
            pr.unread(c);
        }
        return pr;
    }

    private static void readXlsx(Path file, Builder builder) throws IOException {
        boolean[] headerSeen = {false};
        boolean[] any = {false};
        boolean hasSheet = XlsxRows.read(file, (line, values) -> {
            if (!headerSeen[0]) {
                headerSeen[0] = true;
                return builder.header(Arrays.asList(values));
            }
            any[0] = true;
            builder.row(line, values);
            return builder.problems.size() < MAX_PROBLEMS;
        });
        if (!hasSheet) {
            builder.problems.add(0, null, "the workbook has no sheet");
        } else if (!headerSeen[0]) {
            builder.problems.add(0, null, "the first sheet is empty; expected a header interval_start,channel,volume");
        } else if (!any[0] && builder.problems.isEmpty()) {
            builder.problems.add(0, null, "the first sheet has a header but no rows");
        }
    }

    /** Parses {@code 2025-03-03T07:00}, {@code 2025-03-03 07:00:00}, or either with an offset or Z. */
    static ParsedTime parseTime(String text, ZoneId zone) {
        String t = text.trim();
        LocalDateTime fast = fastLocal(t);
        if (fast != null) {
            return new ParsedTime(fast, null);
        }
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            return new ParsedTime(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME), null);
        } catch (DateTimeParseException e) {
            // fall through to the offset form
        }
        try {
            OffsetDateTime odt = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return new ParsedTime(odt.atZoneSameInstant(zone).toLocalDateTime(), odt.toEpochSecond());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm[:ss]} (T or space) read digit by digit: the common case costs a tenth of a
     * formatter parse, which matters at half a million rows. Anything else returns null for the formatter.
     */
    private static LocalDateTime fastLocal(String t) {
        int n = t.length();
        if ((n != 16 && n != 19) || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':' || (n == 19 && t.charAt(16) != ':')) {
            return null;
        }
        try {
            return LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2), digits(t, 11, 2), digits(t, 14, 2),
                    n == 19 ? digits(t, 17, 2) : 0);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(t);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A local time in the plan's zone; {@code instant} (epoch seconds) when the file gave an offset. */
    record ParsedTime(LocalDateTime local, Long instant) {
    }

    /** Volume and AHT of one interval and channel, folded from one or (DST fall-back) two rows. */
    private static final class Acc {
        double volume;
        double ahtWork; // aht × volume, to average AHT weighted by volume when two rows are summed
        double ahtWeight;
        int count;
        int line;
        Long instant;
    }

    private static final class Builder {
        final String file;
        final ZoneId zone;
        final Problems problems;
        final List<String> notes = new ArrayList<>();
        final Map<String, Map<LocalDateTime, Acc>> byChannel = new LinkedHashMap<>();
        List<String> columns;
        int timeCol = -1;
        int channelCol = -1;
        int volumeCol = -1;
        int ahtCol = -1;
        /** Wide format: channel name by column, and the AHT column of each channel. */
        final Map<Integer, String> wideChannels = new LinkedHashMap<>();
        final Map<String, Integer> wideAht = new HashMap<>();
        boolean wideDecided;
        int summedDst;
        int zeroAhtRows;
        /** Each channel's spelling and first line by {@link Ids#key}: look-alike spellings are one channel twice. */
        final Map<String, String> spellings = new HashMap<>();
        final Map<String, Integer> spellingLines = new HashMap<>();
        final java.util.Set<String> accepted = new java.util.HashSet<>();

        Builder(String file, ZoneId zone, Problems problems) {
            this.file = file;
            this.zone = zone;
            this.problems = problems;
        }

        boolean header(List<String> raw) {
            columns = new ArrayList<>();
            for (String c : raw) {
                columns.add(c == null ? "" : c.trim().toLowerCase(Locale.ROOT));
            }
            timeCol = columns.indexOf("interval_start");
            channelCol = columns.indexOf("channel");
            volumeCol = columns.indexOf("volume");
            ahtCol = columns.indexOf("aht_seconds");
            if (raw.size() == 1 && raw.get(0) != null && (raw.get(0).contains(";") || raw.get(0).contains("\t"))) {
                problems.add(1, null, "the columns are separated by " + (raw.get(0).contains(";") ? "semicolons (;)"
                        : "tabs") + "; expected commas, as in interval_start,channel,volume[,aht_seconds]");
                return false;
            }
            if (timeCol < 0) {
                problems.add(1, "interval_start", "missing column; expected a header interval_start,channel,volume[,aht_seconds]"
                        + " or interval_start followed by one column per channel");
                return false;
            }
            if (channelCol >= 0) {
                if (volumeCol < 0) {
                    problems.add(1, "volume", "missing column; expected interval_start,channel,volume[,aht_seconds]");
                    return false;
                }
                List<String> ignored = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (i != timeCol && i != channelCol && i != volumeCol && i != ahtCol) {
                        ignored.add(raw.get(i));
                    }
                }
                if (!ignored.isEmpty()) {
                    notes.add(file + ": ignored extra columns " + String.join(", ", ignored));
                }
            } else if (columns.size() < 2) {
                problems.add(1, "channel", "missing column; expected interval_start,channel,volume or one column per channel");
                return false;
            }
            return true;
        }

        /** Wide format: a column is a channel when its first non-empty value is a number. */
        private void decideWide(String[] values) {
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (i == timeCol) {
                    continue;
                }
                String v = i < values.length ? values[i].trim() : "";
                String name = columns.get(i);
                if (name.endsWith("_aht_seconds")) {
                    continue;
                }
                if (name.isEmpty() || (!v.isEmpty() && parseNumber(v) == null && !v.contains(","))) {
                    ignored.add(name.isEmpty() ? "(unnamed column " + (i + 1) + ")" : name);
                } else if (channelName(1, name, name)) {
                    wideChannels.put(i, name);
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i);
                if (name.endsWith("_aht_seconds")) {
                    String ch = name.substring(0, name.length() - "_aht_seconds".length());
                    if (wideChannels.containsValue(ch)) {
                        wideAht.put(ch, i);
                    } else {
                        ignored.add(name);
                    }
                }
            }
            if (!ignored.isEmpty()) {
                notes.add(file + ": ignored non-numeric columns " + String.join(", ", ignored));
            }
            if (wideChannels.isEmpty()) {
                problems.add(1, "channel", "no channel column and no numeric column; expected interval_start,channel,volume");
            }
            wideDecided = true;
        }

        void row(int line, String[] values) {
            String timeText = get(values, timeCol);
            ParsedTime time = null;
            if (timeText.isEmpty()) {
                problems.add(line, "interval_start", "missing; expected a date-time such as 2025-03-03T07:00");
            } else {
                time = parseTime(timeText, zone);
                if (time == null) {
                    problems.add(line, "interval_start", "\"" + timeText + "\" is not a date-time; expected e.g. 2025-03-03T07:00");
                } else if (time.instant() == null && DstCalendar.intervalsAt(zone, time.local()) == 0) {
                    problems.add(line, "interval_start", "\"" + timeText + "\" does not exist in " + zone
                            + " (the clocks skip that hour)");
                    time = null;
                } else if (Plausible.dateProblem(time.local().toLocalDate()) != null) {
                    problems.add(line, "interval_start", Plausible.dateProblem(time.local().toLocalDate()));
                    time = null;
                }
            }
            if (channelCol >= 0) {
                String channel = get(values, channelCol);
                if (channel.isEmpty()) {
                    problems.add(line, "channel", "missing; expected a channel name");
                } else if (!channelName(line, "channel", channel)) {
                    channel = "";
                }
                Double volume = volume(line, "volume", get(values, volumeCol), true);
                double aht = ahtCol >= 0 ? aht(line, "aht_seconds", get(values, ahtCol), volume) : Double.NaN;
                if (time != null && volume != null && !channel.isEmpty()) {
                    add(line, channel, time, volume, aht);
                }
            } else {
                if (!wideDecided) {
                    decideWide(values);
                }
                for (Map.Entry<Integer, String> e : wideChannels.entrySet()) {
                    Double volume = volume(line, e.getValue(), get(values, e.getKey()), false);
                    Integer ac = wideAht.get(e.getValue());
                    double aht = ac == null ? Double.NaN : aht(line, columns.get(ac), get(values, ac), volume);
                    if (time != null && volume != null) {
                        add(line, e.getValue(), time, volume, aht);
                    }
                }
            }
        }

        private static String get(String[] values, int col) {
            return col >= 0 && col < values.length && values[col] != null ? values[col].trim() : "";
        }

        private Double volume(int line, String column, String text, boolean required) {
            if (text.isEmpty()) {
                if (required) {
                    problems.add(line, column, "missing; expected a number of contacts");
                }
                return null;
            }
            Double v = parseNumber(text);
            if (v == null) {
                problems.add(line, column, "\"" + text + "\" is not a number");
                return null;
            }
            if (v < 0) {
                problems.add(line, column, "\"" + text + "\" is negative; expected a volume of 0 or more");
                return null;
            }
            if (!Plausible.VOLUME.contains(v)) {
                problems.add(line, column, Plausible.VOLUME.problem(v));
                return null;
            }
            return v;
        }

        /** Seconds in {@link Plausible#AHT_SECONDS}; 0 means no AHT measured (NaN). */
        private double aht(int line, String column, String text, Double volume) {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            Double v = parseNumber(text);
            if (v == null) {
                problems.add(line, column, "\"" + text + "\" is not a number");
                return Double.NaN;
            }
            if (v < 0) {
                problems.add(line, column, "\"" + text + "\" is negative; expected seconds of 0 or more");
                return Double.NaN;
            }
            if (v == 0) {
                // no AHT measured: no contacts, or contacts all abandoned before an answer (said in a note)
                if (volume != null && volume > 0) {
                    zeroAhtRows++;
                }
                return Double.NaN;
            }
            if (!Plausible.AHT_SECONDS.contains(v)) {
                problems.add(line, column, Plausible.AHT_SECONDS.problem(v) + Plausible.ahtUnitHint(v));
                return Double.NaN;
            }
            return v;
        }

        /**
         * False (problem added) for a name with a control character, or a second spelling of a channel already
         * met (compared by {@link Ids#key}: {@code Voice} and {@code voice} would be two channels of one queue).
         */
        private boolean channelName(int line, String column, String channel) {
            if (accepted.contains(channel)) {
                return true; // the usual case, once per row: no normalisation needed
            }
            String bad = Ids.invisible(channel);
            if (bad != null) {
                problems.add(line, column, "channel name \"" + channel.replaceAll("\\p{Cc}", "?") + "\" contains "
                        + bad + "; expected letters, digits, `_`, `-` or `.`");
                return false;
            }
            String key = Ids.key(channel);
            String first = spellings.putIfAbsent(key, channel);
            if (first == null) {
                spellingLines.put(key, line);
                accepted.add(channel);
                return true;
            }
            if (!first.equals(channel)) {
                problems.add(line, column, "channel `" + channel + "` is channel `" + first + "` of line "
                        + spellingLines.get(key) + " written differently (names are compared ignoring case, width"
                        + " and surrounding spaces); use one spelling");
                return false;
            }
            return true;
        }

        private void add(int line, String channel, ParsedTime time, double volume, double aht) {
            Map<LocalDateTime, Acc> map = byChannel.computeIfAbsent(channel, k -> new LinkedHashMap<>());
            Acc acc = map.get(time.local());
            if (acc == null) {
                acc = new Acc();
                acc.line = line;
                acc.instant = time.instant();
                map.put(time.local(), acc);
            } else {
                boolean overlap = DstCalendar.intervalsAt(zone, time.local()) > 1;
                boolean distinctOffsets = time.instant() != null && acc.instant != null && !time.instant().equals(acc.instant);
                boolean repeatedLocal = time.instant() == null && acc.instant == null;
                if (overlap && acc.count == 1 && (distinctOffsets || repeatedLocal)) {
                    summedDst++;
                } else {
                    problems.add(line, "interval_start", "duplicate of line " + acc.line + " for " + time.local()
                            + " and channel " + channel);
                    return;
                }
            }
            acc.count++;
            acc.volume += volume;
            if (!Double.isNaN(aht)) {
                acc.ahtWork += aht * volume;
                acc.ahtWeight += volume;
                if (volume == 0) {
                    acc.ahtWork += aht * 1e-9;
                    acc.ahtWeight += 1e-9;
                }
            }
        }

        /** The accumulators in time order; exports are usually sorted already, so most often no sort is needed. */
        Map<String, LinkedHashMap<LocalDateTime, Acc>> sorted;

        private static LinkedHashMap<LocalDateTime, Acc> inTimeOrder(Map<LocalDateTime, Acc> map) {
            LocalDateTime previous = null;
            boolean ordered = true;
            for (LocalDateTime t : map.keySet()) {
                if (previous != null && t.isBefore(previous)) {
                    ordered = false;
                    break;
                }
                previous = t;
            }
            if (ordered && map instanceof LinkedHashMap<LocalDateTime, Acc> linked) {
                return linked;
            }
            List<LocalDateTime> keys = new ArrayList<>(map.keySet());
            keys.sort(null);
            LinkedHashMap<LocalDateTime, Acc> out = new LinkedHashMap<>();
            keys.forEach(k -> out.put(k, map.get(k)));
            return out;
        }

        Result build() {
            sorted = new LinkedHashMap<>();
            byChannel.forEach((k, v) -> sorted.put(k, inTimeOrder(v)));
            byChannel.clear();
            int minutes = inferInterval();
            checkGaps();
            problems.throwIfAny();
            Map<String, ChannelHistory> channels = new LinkedHashMap<>();
            for (Map.Entry<String, LinkedHashMap<LocalDateTime, Acc>> e : sorted.entrySet()) {
                List<Observation> obs = new ArrayList<>(e.getValue().size());
                e.getValue().forEach((t, a) -> obs.add(new Observation(t, a.volume,
                        a.ahtWeight > 0 ? a.ahtWork / a.ahtWeight : Double.NaN)));
                channels.put(e.getKey(), new ChannelHistory(e.getKey(), obs));
                noteLargeAht(e.getKey(), obs);
            }
            if (zeroAhtRows > 0) {
                notes.add(file + ": " + zeroAhtRows + " rows with contacts but aht_seconds 0 were read as having no"
                        + " AHT measured (their contacts count, their AHT does not)");
            }
            if (summedDst > 0) {
                notes.add(file + ": " + summedDst + " intervals of the repeated DST hour were summed into one local interval");
            }
            return new Result(new History(zone, minutes, channels), notes);
        }

        /** A channel's rows more than a year apart: one of them has a mistyped year (2100 for 2026). */
        private void checkGaps() {
            for (Map.Entry<String, LinkedHashMap<LocalDateTime, Acc>> ch : sorted.entrySet()) {
                LocalDateTime prev = null;
                for (Map.Entry<LocalDateTime, Acc> e : ch.getValue().entrySet()) {
                    if (prev != null) {
                        long days = java.time.temporal.ChronoUnit.DAYS.between(prev.toLocalDate(), e.getKey().toLocalDate());
                        if (days > Plausible.MAX_GAP_DAYS) {
                            Acc before = ch.getValue().get(prev);
                            Acc after = e.getValue();
                            // name the row out of line: the lone first or last row, else the later one
                            boolean earlierIsStray = before == ch.getValue().values().iterator().next();
                            Acc stray = earlierIsStray ? before : after;
                            LocalDateTime at = earlierIsStray ? prev : e.getKey();
                            problems.add(stray.line, "interval_start", at + " and line "
                                    + (earlierIsStray ? after : before).line + " (" + (earlierIsStray ? e.getKey() : prev)
                                    + ") are " + days + " days apart with no row of channel " + ch.getKey()
                                    + " between them; expected a history without gaps of more than "
                                    + Plausible.MAX_GAP_DAYS + " days (is the year mistyped?)");
                            break;
                        }
                    }
                    prev = e.getKey();
                }
            }
        }

        /** A median AHT above an hour is more often milliseconds or a wrong column than a real queue: said. */
        private void noteLargeAht(String channel, List<Observation> obs) {
            double[] ahts = obs.stream().mapToDouble(Observation::ahtSeconds).filter(a -> !Double.isNaN(a)).sorted().toArray();
            if (ahts.length == 0) {
                return;
            }
            double median = ahts[ahts.length / 2];
            if (median > Plausible.AHT_WARN_SECONDS) {
                notes.add(file + ": channel " + channel + " has a median AHT of " + Plausible.format(Math.round(median))
                        + " s (" + String.format(Locale.ROOT, "%.1f", median / 3600) + " h); if aht_seconds is in"
                        + " milliseconds, divide it by 1000 (" + Plausible.format(Math.round(median / 10) / 100.0) + " s)");
            }
        }

        /**
         * The interval length is the commonest gap between consecutive rows of a channel on one day;
         * every row must start on a multiple of it, and no day may consistently use a longer length.
         */
        private int inferInterval() {
            List<java.util.Collection<LocalDateTime>> times = new ArrayList<>();
            sorted.values().forEach(m -> times.add(m.keySet()));
            int smallest = gapMinutes(times);
            if (smallest == 0) {
                // the contract's default when the file cannot tell
                notes.add(file + ": no two intervals on the same day; assumed 15-minute intervals");
                return checkAligned(15);
            }
            int best = Arrays.stream(SUPPORTED_MINUTES).filter(m -> m == smallest).findFirst().orElse(-1);
            if (best < 0) {
                problems.add(0, "interval_start", "rows " + smallest + " minutes apart; expected intervals of "
                        + "5, 10, 15, 30 or 60 minutes");
                return 15;
            }
            checkMixed(best);
            return checkAligned(best);
        }

        private int checkAligned(int minutes) {
            int reported = 0;
            for (LinkedHashMap<LocalDateTime, Acc> map : sorted.values()) {
                for (Map.Entry<LocalDateTime, Acc> e : map.entrySet()) {
                    LocalDateTime t = e.getKey();
                    if ((t.getHour() * 60 + t.getMinute()) % minutes != 0 || t.getSecond() != 0 || t.getNano() != 0) {
                        if (reported++ < 20) {
                            problems.add(e.getValue().line, "interval_start", "\"" + t + "\" does not start a "
                                    + minutes + "-minute interval (the length inferred from the file)");
                        }
                    }
                }
            }
            return minutes;
        }

        /** A day whose rows (8 or more) all sit on a longer supported grid means the export mixes lengths. */
        private void checkMixed(int minutes) {
            for (Map.Entry<String, LinkedHashMap<LocalDateTime, Acc>> ch : sorted.entrySet()) {
                List<LocalDateTime> day = new ArrayList<>();
                Consumer<List<LocalDateTime>> check = rows -> {
                    if (rows.size() < 8) {
                        return;
                    }
                    int gcd = 0;
                    for (int i = 1; i < rows.size(); i++) {
                        gcd = gcd(gcd, (int) java.time.Duration.between(rows.get(i - 1), rows.get(i)).toMinutes());
                    }
                    for (int m : SUPPORTED_MINUTES) {
                        if (m > minutes && gcd % m == 0) {
                            int line = ch.getValue().get(rows.get(0)).line;
                            problems.add(line, "interval_start", "mixed interval lengths: " + rows.get(0).toLocalDate()
                                    + " of channel " + ch.getKey() + " has " + m + "-minute intervals, other days "
                                    + minutes + "-minute; expected one length throughout");
                            return;
                        }
                    }
                };
                for (LocalDateTime t : ch.getValue().keySet()) {
                    if (!day.isEmpty() && !day.get(0).toLocalDate().equals(t.toLocalDate())) {
                        check.accept(day);
                        day.clear();
                        if (problems.size() > 0) {
                            return;
                        }
                    }
                    day.add(t);
                }
                check.accept(day);
                if (problems.size() > 0) {
                    return;
                }
            }
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    /**
     * The interval length of time-ordered rows (one collection per channel): the smallest gap in minutes between
     * consecutive rows of one day that is common (5 % of such gaps or more), so that a few stray rows off the
     * grid do not turn a 15-minute file into a 5-minute one; 0 when no two rows share a day. The history's
     * interval is inferred this way, and a forecast or requirements file's is checked against channels.yaml.
     */
    public static int gapMinutes(java.util.Collection<? extends java.util.Collection<LocalDateTime>> channels) {
        Map<Integer, Integer> gapCount = new TreeMap<>();
        for (java.util.Collection<LocalDateTime> times : channels) {
            LocalDateTime prev = null;
            for (LocalDateTime t : times) {
                if (prev != null && prev.toLocalDate().equals(t.toLocalDate())) {
                    int gap = (int) java.time.Duration.between(prev, t).toMinutes();
                    gapCount.merge(gap, 1, Integer::sum);
                }
                prev = t;
            }
        }
        if (gapCount.isEmpty()) {
            return 0;
        }
        int all = gapCount.values().stream().mapToInt(Integer::intValue).sum();
        return gapCount.entrySet().stream().filter(e -> e.getValue() * 20 >= all)
                .mapToInt(Map.Entry::getKey).min().orElse(gapCount.keySet().iterator().next());
    }

    /** A plain decimal number with a dot; a decimal comma, thousands separators or words are rejected. */
    static Double parseNumber(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        // Only digits, sign, dot and exponent: rejects "12,5", "1 000", "NaN", hex and type suffixes.
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E') {
                return null;
            }
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
