package org.wfm.forecast.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.wfm.forecast.io.CsvSource;
import org.wfm.forecast.io.CsvSource.Separator;
import org.wfm.forecast.io.Ids;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.NumberParser;
import org.wfm.forecast.io.Plausible;
import org.wfm.forecast.io.Problems;
import org.wfm.forecast.io.TimestampParser;
import org.wfm.forecast.io.TimestampParser.DateOrder;
import org.wfm.forecast.io.TimestampParser.Parsed;

/**
 * Reads history.csv (long or wide) or history.xlsx (first sheet) into a {@link History}.
 *
 * <p>Long format: {@code interval_start,channel,volume[,aht_seconds]}. Wide format (no channel column): every other
 * numeric column is a channel; a column named {@code <channel>_aht_seconds} is that channel's AHT. Platform exports
 * are read as they come ({@link HistoryColumns} for the headers, {@link HistoryFormat} for a planner's mapping):
 * separators {@code ,} {@code ;} tab ({@link CsvSource}), a decimal comma where the separator is not a comma, dates
 * ISO, {@code dd/MM/yyyy} or {@code MM/dd/yyyy} (decided over the whole file, an undecidable file refused) or a
 * date and a time column ({@link TimestampParser}), AHT in seconds or {@code mm:ss} ({@link NumberParser}). What
 * was read how is said in {@link Result#dialect()}. Rows are streamed and folded into one accumulator per interval
 * and channel, so memory grows with the number of distinct intervals, not with the file's text.
 *
 * <p>Time zones: with a zone given (the planner's {@code --timezone} or channels.yaml), a timestamp with an offset
 * is converted to it, and a note says how many were shifted (offsets of another zone). Without one, a timestamp
 * with an offset is read as the local time written, never shifted: the offset only tells apart the two copies of the
 * repeated hour when clocks go back. Local timestamps are in the system's zone then, unless the file's offsets show
 * it is not the file's zone: the history is then read as wall-clock time without DST rules, and a note says so.
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
    /** The largest DST shift there is (Antarctica/Troll: 2 h): offsets further apart are two zones, not a repeat. */
    private static final long MAX_DST_SECONDS = 2 * 3600;

    /**
     * The history, the notes worth telling the planner (ignored columns, DST hours summed...), and
     * {@code dialect}: one line saying how a file not in the contract's own form was read (separator, decimal
     * comma, date format, which header became which column), or null for a plain ISO comma file.
     */
    public record Result(History history, List<String> notes, String dialect) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * How to read a file: its {@link HistoryFormat}, the zone, and whether the planner gave that zone
     * ({@code zoneGiven}; otherwise it is the system's, and offsets are never shifted into it); {@code mappingLabel}
     * names where the format came from, for messages ({@code --columns}, {@code plan.yaml history:}).
     */
    public record Options(HistoryFormat format, ZoneId zone, boolean zoneGiven, String mappingLabel) {
        public Options {
            format = format == null ? HistoryFormat.AUTO : format;
            mappingLabel = mappingLabel == null ? "the column mapping" : mappingLabel;
        }

        /** The file as it is, in {@code zone} given by the planner. */
        public static Options in(ZoneId zone) {
            return new Options(HistoryFormat.AUTO, zone, true, null);
        }
    }

    private HistoryReader() {
    }

    /** Reads the file; notes are dropped. See {@link #readWithNotes(Path, ZoneId)}. */
    public static History read(Path file, ZoneId zone) {
        return readWithNotes(file, zone).history();
    }

    /** Reads the file in {@code zone}, given by the planner (offsets are converted to it). */
    public static Result readWithNotes(Path file, ZoneId zone) {
        return read(file, Options.in(zone));
    }

    public static Result read(Path file, Options options) {
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
        Builder builder = new Builder(name, options, problems);
        try {
            boolean xlsx = name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
            Source source = xlsx ? new XlsxSource(file) : new CsvFileSource(file, problems, options.format().separator());
            read(source, builder, xlsx);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, "file not found: " + file);
        } catch (java.io.UncheckedIOException e) {
            problems.add(0, null, "cannot be read: " + e.getCause().getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            problems.add(0, null, "cannot be read: " + e.getMessage());
        }
        problems.throwIfAny();
        return builder.build();
    }

    /** Rows of a file, header first, each with its line; read again from the start when asked twice. */
    private interface Source {
        /** @return false when the file has no table at all (a workbook without a sheet) */
        boolean rows(XlsxRows.RowHandler handler) throws IOException;

        /** The separator of a CSV file (known after the first {@link #rows}), null for a workbook. */
        Separator separator();
    }

    private static final class CsvFileSource implements Source {
        private final Path file;
        private final Problems problems;
        private Separator separator;

        CsvFileSource(Path file, Problems problems, Separator separator) {
            this.file = file;
            this.problems = problems;
            this.separator = separator;
        }

        @Override
        public boolean rows(XlsxRows.RowHandler handler) throws IOException {
            try (CsvSource csv = CsvSource.open(file, problems, separator)) {
                separator = csv.separator();
                for (CsvSource.Row row = csv.next(); row != null; row = csv.next()) {
                    if (!handler.row(row.line(), row.values())) {
                        break;
                    }
                }
            }
            return true;
        }

        @Override
        public Separator separator() {
            return separator;
        }
    }

    private record XlsxSource(Path file) implements Source {
        @Override
        public boolean rows(XlsxRows.RowHandler handler) throws IOException {
            return XlsxRows.read(file, handler);
        }

        @Override
        public Separator separator() {
            return null;
        }
    }

    private static void read(Source source, Builder builder, boolean xlsx) throws IOException {
        String where = xlsx ? "the first sheet" : "the file";
        boolean[] headerSeen = {false};
        boolean[] any = {false};
        int[] headerSize = {0};
        boolean hasSheet = source.rows((line, values) -> {
            if (!headerSeen[0]) {
                headerSeen[0] = true;
                headerSize[0] = values.length;
                builder.separator = source.separator();
                return builder.header(Arrays.asList(values), line);
            }
            any[0] = true;
            if (!xlsx && values.length > headerSize[0] && !allBlank(values, headerSize[0])) {
                // An unquoted decimal comma ("12,5") splits a value in two and shifts the rest silently.
                builder.problems.add(line, null, "has " + values.length + " values but the header has " + headerSize[0]
                        + " columns" + (source.separator() == Separator.COMMA ? " (a value containing a comma, such"
                        + " as a decimal comma, must be in double quotes; numbers take a dot)" : ""));
            } else {
                if (builder.needsDateOrder(values)) {
                    try {
                        decideDateOrder(source, builder);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (!builder.problems.isEmpty()) {
                        return false;
                    }
                }
                builder.row(line, values);
            }
            return builder.problems.size() < MAX_PROBLEMS;
        });
        if (!hasSheet) {
            builder.problems.add(0, null, "the workbook has no sheet");
        } else if (!headerSeen[0]) {
            builder.problems.add(0, null, (xlsx ? "the first sheet" : "the file") + " is empty; expected a header"
                    + " interval_start,channel,volume");
        } else if (!any[0] && builder.problems.isEmpty()) {
            builder.problems.add(0, null, where + " has a header but no rows");
        }
    }

    /** Trailing separators ("a;b;c;") make empty values past the header: not a shifted row. */
    private static boolean allBlank(String[] values, int from) {
        for (int i = from; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Day-first or month-first from the file's dates, read until one of them proves it (a day above 12); a file
     * where none does is refused with both readings of its first date.
     */
    private static void decideDateOrder(Source source, Builder builder) throws IOException {
        TimestampParser.OrderEvidence evidence = new TimestampParser.OrderEvidence();
        boolean[] header = {true};
        source.rows((line, values) -> {
            if (header[0]) {
                header[0] = false;
                return true;
            }
            evidence.add(line, builder.dateText(values));
            return !evidence.decided();
        });
        DateOrder order = evidence.order();
        if (order == null) {
            builder.problems.add(evidence.firstLine(), builder.dateColumnName(), evidence.ambiguity());
        } else {
            builder.dateOrder = order;
            builder.orderProof = evidence.proof();
        }
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

    /** A local time without offset in the system's zone, checked once the file's zone is known. */
    private record PendingGap(int line, String column, String text, LocalDateTime local) {
    }

    private static final class Builder {
        final String file;
        final ZoneId zone;
        final boolean zoneGiven;
        final HistoryFormat format;
        final String mappingLabel;
        final Problems problems;
        final List<String> notes = new ArrayList<>();
        final Map<String, Map<LocalDateTime, Acc>> byChannel = new LinkedHashMap<>();
        HistoryColumns cols;
        List<String> columns;
        Separator separator;
        DateOrder dateOrder;
        /** The value that showed the order of day and month ("line 2 has 13/12/2026 08:00"), null if given. */
        String orderProof;
        int timeCol = -1;
        int channelCol = -1;
        int volumeCol = -1;
        int ahtCol = -1;
        String timeName = "interval_start";
        String channelName = "channel";
        String volumeName = "volume";
        String ahtName = "aht_seconds";
        /** Wide format: channel name by column, and the AHT column of each channel. */
        final Map<Integer, String> wideChannels = new LinkedHashMap<>();
        final Map<String, Integer> wideAht = new HashMap<>();
        boolean wideDecided;
        boolean firstRowSeen;
        int summedDst;
        int zeroAhtRows;
        /** Lines of the first value with a decimal dot and with a decimal comma (0: none yet). */
        int dotLine;
        int commaLine;
        boolean ahtClock;
        /** Offsets converted into the given zone (another zone's offsets): count and first line. */
        int shifted;
        int shiftedLine;
        /** Without a given zone: the first offset the system's zone does not use (0: none). */
        int foreignOffsetLine;
        String foreignOffsetText;
        final List<PendingGap> pendingGaps = new ArrayList<>();
        /** Each channel's spelling and first line by {@link Ids#key}: look-alike spellings are one channel twice. */
        final Map<String, String> spellings = new HashMap<>();
        final Map<String, Integer> spellingLines = new HashMap<>();
        final java.util.Set<String> accepted = new java.util.HashSet<>();

        Builder(String file, Options options, Problems problems) {
            this.file = file;
            this.zone = options.zone();
            this.zoneGiven = options.zoneGiven();
            this.format = options.format();
            this.mappingLabel = options.mappingLabel();
            this.problems = problems;
            this.dateOrder = format.dateOrder();
        }

        boolean header(List<String> raw, int line) {
            columns = new ArrayList<>();
            for (String c : raw) {
                columns.add(c == null ? "" : c.trim().toLowerCase(Locale.ROOT));
            }
            if (raw.size() == 1 && raw.get(0) != null && separator != null && format.separator() != null
                    && (raw.get(0).contains(";") || raw.get(0).contains("\t") || raw.get(0).contains(","))) {
                problems.add(line, null, "the header has one column with the separator " + separator.describe()
                        + " given in " + mappingLabel + "; is the separator right?");
                return false;
            }
            int before = problems.size();
            cols = HistoryColumns.resolve(raw, format, mappingLabel, problems);
            if (problems.size() > before) {
                return false;
            }
            if (cols.timestamp < 0 && cols.date < 0) {
                problems.add(1, "interval_start", "missing column; expected a header interval_start,channel,volume[,aht_seconds]"
                        + " (or a platform's Interval Start, Queue, Offered, AHT; or Date and Time)"
                        + " or interval_start followed by one column per channel");
                return false;
            }
            timeCol = cols.timestamp;
            channelCol = cols.channel;
            volumeCol = cols.volume;
            ahtCol = cols.aht;
            timeName = timeCol >= 0 ? raw.get(timeCol).trim() : raw.get(cols.date).trim();
            if (channelCol >= 0) {
                channelName = raw.get(channelCol).trim();
                if (volumeCol < 0) {
                    problems.add(1, "volume", "missing column; expected interval_start,channel,volume[,aht_seconds]"
                            + " (or Offered, Contacts, Calls or Handled beside " + channelName + ")");
                    return false;
                }
                volumeName = raw.get(volumeCol).trim();
                if (ahtCol >= 0) {
                    ahtName = raw.get(ahtCol).trim();
                }
                if (cols.handled) {
                    notes.add(file + ": no offered column; volume read from `" + volumeName + "` (handled contacts"
                            + " leave out the abandoned ones, so demand is understated)");
                }
                List<String> ignored = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (!cols.isUsed(i)) {
                        ignored.add(raw.get(i));
                    }
                }
                if (!ignored.isEmpty()) {
                    notes.add(file + ": ignored extra columns " + String.join(", ", ignored));
                }
            } else if (cols.looksLong() && format.channel() == null) {
                problems.add(1, "channel", "missing column: the header has "
                        + (volumeCol >= 0 ? "`" + raw.get(volumeCol).trim() + "`" : "`" + raw.get(ahtCol).trim() + "`")
                        + " but no channel column (Queue, Skill, Split or channel); expected a channel column, or one"
                        + " column of volumes per channel (wide form)");
                return false;
            } else if (columns.size() < 2) {
                problems.add(1, "channel", "missing column; expected interval_start,channel,volume or one column per channel");
                return false;
            }
            return true;
        }

        /** The text holding the date of a row: the timestamp, or the date column. */
        String dateText(String[] values) {
            return get(values, cols.date >= 0 ? cols.date : timeCol);
        }

        String dateColumnName() {
            return timeName;
        }

        /**
         * On the first row: whether a date column and an Interval-like column combine (its value a time of day),
         * and whether the file's dates are slashed with no order given, so that the order must be found first.
         */
        boolean needsDateOrder(String[] values) {
            if (!firstRowSeen) {
                firstRowSeen = true;
                if (cols.dateWithTimestampCandidate) {
                    String t = get(values, cols.timestamp);
                    if (TimestampParser.timeOfDay(t) != null && TimestampParser.iso(t) == null
                            && !TimestampParser.looksSlashed(t)) {
                        cols.combineDateAndTime();
                    } else {
                        cols.keepTimestamp();
                        notes.add(file + ": ignored the column `" + cols.raw.get(timeColumnIndexOfDate()) + "` (the"
                                + " dates are in `" + timeName + "`)");
                    }
                    timeCol = cols.timestamp;
                }
                if (dateOrder == null) {
                    String d = dateText(values);
                    if (TimestampParser.looksSlashed(d)) {
                        return true;
                    }
                    dateOrder = DateOrder.ISO;
                }
            }
            return false;
        }

        private int timeColumnIndexOfDate() {
            for (int i = 0; i < cols.raw.size(); i++) {
                if (HistoryColumns.DATE.contains(HistoryColumns.norm(String.valueOf(cols.raw.get(i))))) {
                    return i;
                }
            }
            return 0;
        }

        /** Wide format: a column is a channel when its first non-empty value is a number. */
        private void decideWide(String[] values) {
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (i == timeCol || i == cols.date || i == cols.time) {
                    continue;
                }
                String v = i < values.length ? values[i].trim() : "";
                String name = columns.get(i);
                if (name.endsWith("_aht_seconds")) {
                    continue;
                }
                if (name.isEmpty() || (!v.isEmpty() && NumberParser.plain(v) == null && !v.contains(","))) {
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

        /** The row's timestamp as written, or null with a problem. */
        private Parsed timestamp(int line, String[] values) {
            if (cols.date >= 0) {
                String dateText = get(values, cols.date);
                String timeText = get(values, cols.time);
                String dateCol = cols.raw.get(cols.date).trim();
                String timeCol = cols.raw.get(cols.time).trim();
                if (dateText.isEmpty()) {
                    problems.add(line, dateCol, "missing; expected a date such as " + example(dateOrder, false));
                    return null;
                }
                LocalDate d = TimestampParser.date(dateText.length() > 10 && dateOrder == DateOrder.ISO
                        ? dateText.substring(0, 10) : dateText.split(" ")[0], dateOrder);
                if (d == null) {
                    problems.add(line, dateCol, "\"" + dateText + "\" is not a date " + dateOrder.pattern
                            + "; expected e.g. " + example(dateOrder, false));
                    return null;
                }
                if (timeText.isEmpty()) {
                    problems.add(line, timeCol, "missing; expected a time of day such as 08:15");
                    return null;
                }
                LocalTime t = TimestampParser.timeOfDay(timeText);
                if (t == null) {
                    problems.add(line, timeCol, "\"" + timeText + "\" is not a time of day; expected e.g. 08:15");
                    return null;
                }
                return new Parsed(d.atTime(t), null);
            }
            String text = get(values, timeCol);
            if (text.isEmpty()) {
                problems.add(line, timeName, "missing; expected a date-time such as " + example(dateOrder, true));
                return null;
            }
            Parsed p = TimestampParser.parse(text, dateOrder);
            if (p == null) {
                String form = dateOrder == DateOrder.ISO ? "" : " " + dateOrder.pattern + " HH:mm";
                problems.add(line, timeName, "\"" + text + "\" is not a date-time" + form + "; expected e.g. "
                        + example(dateOrder, true) + (orderProof == null ? "" : " (the file's dates are "
                        + (dateOrder == DateOrder.DAY_FIRST ? "day-first" : "month-first") + ": " + orderProof + ")"));
            }
            return p;
        }

        private static String example(DateOrder order, boolean withTime) {
            String date = switch (order == null ? DateOrder.ISO : order) {
                case ISO -> "2025-03-03";
                case DAY_FIRST -> "31/03/2025";
                case MONTH_FIRST -> "03/31/2025";
            };
            return !withTime ? date : order == null || order == DateOrder.ISO ? date + "T07:00" : date + " 07:00";
        }

        /**
         * The local time of a row (see the class comment on zones); null with a problem for a local time the clocks
         * skip or a date out of range.
         */
        private Parsed localTime(int line, String[] values) {
            Parsed p = timestamp(line, values);
            if (p == null) {
                return null;
            }
            LocalDateTime local;
            String column = cols.date >= 0 ? cols.raw.get(cols.date).trim() : timeName;
            if (p.offset() != null) {
                if (zoneGiven) {
                    local = p.in(zone);
                    if (!local.equals(p.local())) {
                        if (shifted++ == 0) {
                            shiftedLine = line;
                        }
                        java.time.ZonedDateTime z = p.local().atOffset(p.offset()).atZoneSameInstant(zone);
                        p = new Parsed(z.toLocalDateTime(), z.getOffset()); // the same instant, in the zone
                    }
                } else {
                    local = p.local();
                    if (foreignOffsetLine == 0 && !zone.getRules().isValidOffset(p.local(), p.offset())) {
                        foreignOffsetLine = line;
                        foreignOffsetText = get(values, timeCol);
                    }
                }
            } else {
                local = p.local();
                if (DstCalendar.intervalsAt(zone, local) == 0) {
                    String text = cols.date >= 0 ? get(values, cols.date) + " " + get(values, cols.time) : get(values, timeCol);
                    if (zoneGiven) {
                        problems.add(line, column, "\"" + text + "\" does not exist in " + zone
                                + " (the clocks skip that hour)");
                        return null;
                    }
                    pendingGaps.add(new PendingGap(line, column, text, local));
                }
            }
            String dateProblem = Plausible.dateProblem(local.toLocalDate());
            if (dateProblem != null) {
                problems.add(line, column, dateProblem);
                return null;
            }
            return p; // its local time is the zone's; its instant, when it has one, the file's
        }

        void row(int line, String[] values) {
            Parsed time = localTime(line, values);
            if (channelCol >= 0) {
                String channel = get(values, channelCol);
                if (channel.isEmpty()) {
                    problems.add(line, channelName, "missing; expected a channel name");
                } else if (!channelName(line, channelName, channel)) {
                    channel = "";
                }
                Double volume = volume(line, volumeName, get(values, volumeCol), true);
                double aht = ahtCol >= 0 ? aht(line, ahtName, get(values, ahtCol), volume) : Double.NaN;
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

        /** A decimal comma is read where it cannot be a separator or a thousands mark: see {@link HistoryFormat}. */
        private boolean commaIsDecimal() {
            if (format.decimal() != null) {
                return format.decimal() == ',';
            }
            return separator != Separator.COMMA;
        }

        /** A number with a dot, or a decimal comma where the file may use one; null with a problem otherwise. */
        private Double number(int line, String column, String text) {
            Double v = NumberParser.plain(text);
            if (v != null) {
                if (dotLine == 0 && text.indexOf('.') >= 0) {
                    dotLine = line;
                }
                return v;
            }
            if (NumberParser.hasDecimalComma(text)) {
                if (commaIsDecimal()) {
                    if (commaLine == 0) {
                        commaLine = line;
                    }
                    return NumberParser.decimalComma(text);
                }
                problems.add(line, column, "\"" + text + "\" is not a number: with columns separated by commas a"
                        + " comma in a number is not read as a decimal mark (it could be a thousands separator);"
                        + " write " + text.replace(',', '.') + ", or give decimal=comma in the column mapping");
                return null;
            }
            problems.add(line, column, "\"" + text + "\" is not a number");
            return null;
        }

        private Double volume(int line, String column, String text, boolean required) {
            if (text.isEmpty()) {
                if (required) {
                    problems.add(line, column, "missing; expected a number of contacts");
                }
                return null;
            }
            Double v = number(line, column, text);
            if (v == null) {
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

        /** Seconds (or mm:ss, h:mm:ss) in {@link Plausible#AHT_SECONDS}; 0 means no AHT measured (NaN). */
        private double aht(int line, String column, String text, Double volume) {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            Double v;
            if (NumberParser.isClock(text)) {
                v = NumberParser.clockSeconds(text, commaIsDecimal());
                if (v == null) {
                    problems.add(line, column, "\"" + text + "\" is not a duration; expected seconds (185), mm:ss"
                            + " (03:05) or h:mm:ss (1:03:05)");
                    return Double.NaN;
                }
                ahtClock = true;
            } else {
                v = number(line, column, text);
                if (v == null) {
                    return Double.NaN;
                }
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

        private void add(int line, String channel, Parsed time, double volume, double aht) {
            Map<LocalDateTime, Acc> map = byChannel.computeIfAbsent(channel, k -> new LinkedHashMap<>());
            Acc acc = map.get(time.local());
            if (acc == null) {
                acc = new Acc();
                acc.line = line;
                acc.instant = time.instant();
                map.put(time.local(), acc);
            } else {
                boolean overlap = DstCalendar.intervalsAt(zone, time.local()) > 1;
                // Two offsets of one local time: the hour the clocks go back, written twice (at most a DST shift apart).
                boolean distinctOffsets = time.instant() != null && acc.instant != null && !time.instant().equals(acc.instant)
                        && Math.abs(time.instant() - acc.instant) <= MAX_DST_SECONDS;
                boolean repeatedLocal = time.instant() == null && acc.instant == null;
                if (acc.count == 1 && ((distinctOffsets && (overlap || !zoneGiven)) || (repeatedLocal && overlap))) {
                    summedDst++;
                } else {
                    problems.add(line, cols.date >= 0 ? cols.raw.get(cols.date).trim() : timeName, "duplicate of line "
                            + acc.line + " for " + time.local() + " and channel " + channel);
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

        /** How the file was read, when it is not the contract's plain ISO comma form; null otherwise. */
        private String dialect() {
            List<String> parts = new ArrayList<>();
            if (separator != null && separator != Separator.COMMA) {
                parts.add(separator == Separator.TAB ? "tab-separated" : separator.describe() + "-separated");
            }
            if (commaLine > 0) {
                parts.add("decimal comma");
            }
            if (dateOrder != null && dateOrder != DateOrder.ISO) {
                parts.add(dateOrder.pattern + (cols.date >= 0 ? " and a time of day" : " HH:mm"));
            } else if (cols.date >= 0) {
                parts.add("date and time of day in two columns");
            }
            List<String> renamed = cols.renamed(ahtClock);
            if (!renamed.isEmpty()) {
                parts.add("columns " + String.join(", ", renamed));
            }
            if (channelCol < 0 && !wideChannels.isEmpty() && !renamed.isEmpty()) {
                parts.add("one column per channel (" + String.join(", ", wideChannels.values()) + ")");
            }
            return parts.isEmpty() ? null : "history: read " + file + " as " + String.join(", ", parts);
        }

        /** The zone the local times are in: the given or system zone, or none (UTC's rules) for foreign offsets. */
        private ZoneId historyZone() {
            if (!zoneGiven && foreignOffsetLine > 0) {
                return ZoneOffset.UTC;
            }
            return zone;
        }

        /** Problems and notes known only once every row is read: mixed decimal marks, skipped hours, zones. */
        private void finishRows() {
            if (dotLine > 0 && commaLine > 0 && format.decimal() == null) {
                problems.add(Math.max(dotLine, commaLine), null, "the numbers mix a decimal dot (line " + dotLine
                        + ") and a decimal comma (line " + commaLine + "); expected one decimal mark (give decimal=dot"
                        + " or decimal=comma in the column mapping)");
            }
            if (!zoneGiven && foreignOffsetLine > 0) {
                notes.add(file + ": timestamps carry UTC offsets that the system's time zone " + zone + " does not"
                        + " use (line " + foreignOffsetLine + ": " + foreignOffsetText + "), so they were read as the"
                        + " local time written, not shifted (an offset only tells apart the two copies of the hour the"
                        + " clocks go back), and without any zone's daylight-saving rules; give --timezone or --channels"
                        + " to name the zone");
            } else {
                for (PendingGap g : pendingGaps) {
                    problems.add(g.line(), g.column(), "\"" + g.text() + "\" does not exist in " + zone
                            + " (the clocks skip that hour; " + zone + " is the system's time zone: give --timezone"
                            + " or --channels if the file is in another)");
                }
            }
            if (shifted > 0) {
                notes.add(file + ": " + shifted + " timestamps had offsets of another zone than " + zone + " (first on"
                        + " line " + shiftedLine + ") and were converted to " + zone + " local time");
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
            finishRows();
            problems.throwIfAny();
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
                notes.add(file + ": " + zeroAhtRows + " rows with contacts but " + ahtName + " 0 were read as having no"
                        + " AHT measured (their contacts count, their AHT does not)");
            }
            if (summedDst > 0) {
                notes.add(file + ": " + summedDst + " intervals of the repeated DST hour were summed into one local interval");
            }
            return new Result(new History(historyZone(), minutes, channels), notes, dialect());
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
                            problems.add(stray.line, timeName, at + " and line "
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
                problems.add(0, timeName, "rows " + smallest + " minutes apart; expected intervals of "
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
                            problems.add(e.getValue().line, timeName, "\"" + t + "\" does not start a "
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
                            problems.add(line, timeName, "mixed interval lengths: " + rows.get(0).toLocalDate()
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
}
