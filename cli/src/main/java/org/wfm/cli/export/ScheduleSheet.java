package org.wfm.cli.export;

import java.awt.Color;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * The Schedule sheet: one row per agent, one narrow column per interval of every day, each cell filled with the
 * colour of what the agent does there (work per channel, break, lunch, training; off is blank) and a letter for
 * printing in black and white. Rows are written top to bottom so the sheet can be streamed (SXSSF).
 *
 * <p>Agents are ordered by site (remote last), then by their usual start time: the start time of day most of their
 * shifts have (the earliest of equally common ones), then by name. The grid has one row per agent across all days,
 * so it cannot be sorted per day; the usual start makes each site a staircase from early to late on most days,
 * since the solver keeps an agent's start times similar, and one odd day does not move an agent the way sorting by
 * the first shift would. Above the hours, one head-count row per channel: agents working the channel in the
 * column (coverage.csv's {@code scheduled}; the mean over the intervals of a coarser column), red where fewer than
 * required, frozen with the header so it stays in view.
 */
final class ScheduleSheet {
    static final String NAME = "Schedule";
    /** Header rows above the grid without head-count rows: title and legend, days, hours. */
    static final int HEADER_ROWS = 3;
    /** Name, agent id, site, paid hours. */
    static final int FIXED_COLUMNS = 4;
    private static final int MAX_GRID_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns() - FIXED_COLUMNS;

    private final RunFolder run;
    private final Styles styles;
    private final int step;
    private final LocalDate firstDay;
    private final int days;
    private final int dayStartMinute;
    private final int perDay;
    private final List<String> channels;
    private final Map<String, String> letters;
    /** Cell styles by (activity or channel, first-column-of-day). */
    private final Map<String, CellStyle> cellStyles = new HashMap<>();
    /** Coverage rows by channel and interval start, for the head-count rows. */
    private final Map<String, org.wfm.scheduler.domain.CoverageRow> coverage = new HashMap<>();
    /** Title, days, one head-count row per channel with coverage, hours. */
    private final int headerRows;
    private final List<String> countedChannels;

    ScheduleSheet(RunFolder run, Styles styles) {
        this.run = run;
        this.styles = styles;
        LocalDate[] horizon = run.horizon();
        this.firstDay = horizon == null ? LocalDate.EPOCH : horizon[0];
        this.days = horizon == null ? 0 : (int) ChronoUnit.DAYS.between(horizon[0], horizon[1]) + 1;
        int[] window = dailyWindow(run.schedule());
        this.dayStartMinute = window[0];
        this.step = gridStep(run.intervalMinutes(), days, window[1] - window[0]);
        this.perDay = (window[1] - window[0] + step - 1) / step;
        this.channels = run.channels();
        this.letters = letters(channels);
        run.coverage().forEach(c -> coverage.put(c.channel() + "|" + c.intervalStart(), c));
        this.countedChannels = channels.stream()
                .filter(ch -> run.coverage().stream().anyMatch(c -> c.channel().equals(ch))).toList();
        this.headerRows = HEADER_ROWS + countedChannels.size();
    }

    /**
     * The plan's interval, or a coarser one when a long horizon would pass a sheet's 16,384 columns (Excel's limit;
     * 15-minute columns over whole days reach it after 170 days).
     */
    static int gridStep(int interval, int days, int windowMinutes) {
        int step = interval;
        for (int candidate : new int[] {interval, 30, 60, 120, 180, 240, 360, 720, 1440}) {
            step = Math.max(interval, candidate);
            if ((long) days * ((windowMinutes + step - 1) / step) <= MAX_GRID_COLUMNS) {
                break;
            }
        }
        return step;
    }

    /**
     * Hours shown per day: the same window every day, from the earliest start to the latest end (whole hours), so
     * columns line up down the days; the full day when a shift crosses midnight.
     */
    private static int[] dailyWindow(List<ScheduleRow> rows) {
        int from = 24 * 60;
        int to = 0;
        for (ScheduleRow r : rows) {
            if (!r.start().toLocalDate().equals(r.end().minusNanos(1).toLocalDate())) {
                return new int[] {0, 24 * 60};
            }
            from = Math.min(from, r.start().getHour() * 60);
            int end = r.end().toLocalTime().toSecondOfDay() / 60;
            to = Math.max(to, end == 0 ? 24 * 60 : (end + 59) / 60 * 60);
        }
        return from >= to ? new int[] {0, 24 * 60} : new int[] {from, to};
    }

    /** One letter per channel (two when first letters clash), for reading the grid without colour. */
    private static Map<String, String> letters(List<String> channels) {
        Map<String, Integer> firsts = new HashMap<>();
        for (String c : channels) {
            firsts.merge(c.isEmpty() ? "?" : c.substring(0, 1).toUpperCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : channels) {
            String first = c.isEmpty() ? "?" : c.substring(0, 1).toUpperCase(Locale.ROOT);
            out.put(c, firsts.get(first) > 1 && c.length() > 1 ? first + c.charAt(1) : first);
        }
        return out;
    }

    void write(Workbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        writeHeader(sheet);
        int rowIndex = headerRows;
        Map<String, List<ScheduleRow>> byAgent = new LinkedHashMap<>();
        for (ScheduleRow r : run.schedule()) {
            byAgent.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r);
        }
        for (JsonNode a : run.summary().path("agents")) {
            String id = a.path("agent_id").asText("");
            if (!id.isEmpty()) {
                byAgent.computeIfAbsent(id, k -> new ArrayList<>());
            }
        }
        List<String> agents = new ArrayList<>(byAgent.keySet());
        Map<String, String> sites = sites();
        Map<String, Integer> usualStart = new HashMap<>();
        byAgent.forEach((id, blocks) -> usualStart.put(id, usualStart(blocks)));
        agents.sort(Comparator.comparing((String id) -> siteOrder(sites.get(id)))
                .thenComparing(id -> sites.getOrDefault(id, ""), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(usualStart::get)
                .thenComparing(id -> run.name(id), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Comparator.naturalOrder()));
        for (String agent : agents) {
            writeAgent(sheet.createRow(rowIndex++), agent, byAgent.get(agent), sites.get(agent));
        }
        sheet.createFreezePane(FIXED_COLUMNS, headerRows);
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 10 * 256);
        sheet.setColumnWidth(3, 7 * 256);
        int gridWidth = step >= 30 ? 4 * 256 : 3 * 256;
        for (int c = 0; c < days * perDay; c++) {
            sheet.setColumnWidth(FIXED_COLUMNS + c, gridWidth);
        }
        if (rowIndex > headerRows) {
            sheet.setAutoFilter(new CellRangeAddress(headerRows - 1, rowIndex - 1, 0, FIXED_COLUMNS - 1));
        }
        writeLegendNote(sheet, rowIndex + 1);
        // About one day per printed page, names and header repeated on each.
        Styles.print(sheet, days, headerRows, FIXED_COLUMNS);
    }

    /** Sites first (by name), then remote agents ("home"), then agents with no site known. */
    private static int siteOrder(String site) {
        return site == null || site.isEmpty() ? 2 : "home".equalsIgnoreCase(site) ? 1 : 0;
    }

    /**
     * Minute of the day most of the agent's shifts start at (a shift's start is its first block of the day it is
     * dated); the earliest of equally common ones; agents without shifts after everyone (a day and more).
     */
    static int usualStart(List<ScheduleRow> blocks) {
        Map<LocalDate, LocalDateTime> starts = new HashMap<>();
        for (ScheduleRow b : blocks) {
            starts.merge(b.date(), b.start(), (x, y) -> x.isBefore(y) ? x : y);
        }
        Map<Integer, Integer> counts = new HashMap<>();
        starts.values().forEach(t -> counts.merge(t.getHour() * 60 + t.getMinute(), 1, Integer::sum));
        return counts.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<Integer, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(24 * 60);
    }

    private Map<String, String> sites() {
        Map<String, String> out = new HashMap<>();
        for (JsonNode a : run.summary().path("agents")) {
            String site = a.path("site").asText("");
            if (!site.isEmpty()) {
                out.put(a.path("agent_id").asText(""), site);
            }
        }
        for (ScheduleRow r : run.schedule()) {
            if (r.location() != null && !r.location().isEmpty() && !"home".equalsIgnoreCase(r.location())) {
                out.putIfAbsent(r.agentId(), r.location());
            }
        }
        // Remote agents have no site; say so rather than leave the cell empty.
        for (ScheduleRow r : run.schedule()) {
            if ("home".equalsIgnoreCase(r.location())) {
                out.putIfAbsent(r.agentId(), "home");
            }
        }
        return out;
    }

    private void writeHeader(Sheet sheet) {
        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(20);
        styles.text(titleRow, 0, days == 0 ? "Schedule (no shifts)"
                : "Schedule " + firstDay + " to " + firstDay.plusDays(days - 1L), styles.title);
        // Legend on the title row: always in view above the frozen panes.
        int col = FIXED_COLUMNS;
        for (int i = 0; i < channels.size(); i++) {
            col = legendItem(titleRow, col, styleFor("c:" + channels.get(i), Edge.NONE), letters.get(channels.get(i)),
                    "work " + channels.get(i));
        }
        col = legendItem(titleRow, col, styleFor("a:break", Edge.NONE), "B", "break");
        col = legendItem(titleRow, col, styleFor("a:lunch", Edge.NONE), "L", "lunch");
        col = legendItem(titleRow, col, styleFor("a:training", Edge.NONE), "T", "training");
        styles.text(titleRow, col, "lower case = working at home, blank = off");

        Row dayRow = sheet.createRow(1);
        for (int k = 0; k < countedChannels.size(); k++) {
            writeHeadCount(sheet.createRow(2 + k), countedChannels.get(k));
        }
        Row hourRow = sheet.createRow(headerRows - 1);
        hourRow.setHeightInPoints(15);
        String[] fixed = {"Agent", "Id", "Site", "Paid h"};
        for (int i = 0; i < fixed.length; i++) {
            styles.text(hourRow, i, fixed[i], styles.header);
            styles.text(dayRow, i, "", styles.header);
        }
        CellStyle dayStyle = headerStyle(Styles.DAY, true);
        CellStyle hourStyle = headerStyle("hh", true);
        CellStyle hourInner = headerStyle("hh", false);
        hourInner.setBorderLeft(BorderStyle.HAIR);
        hourInner.setLeftBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
        CellStyle blankInner = headerStyle(null, false);
        for (int d = 0; d < days; d++) {
            int first = FIXED_COLUMNS + d * perDay;
            Cell dayCell = dayRow.createCell(first);
            dayCell.setCellValue(firstDay.plusDays(d));
            dayCell.setCellStyle(dayStyle);
            for (int i = 1; i < perDay; i++) {
                dayRow.createCell(first + i).setCellStyle(blankInner);
            }
            if (perDay > 1) {
                sheet.addMergedRegion(new CellRangeAddress(1, 1, first, first + perDay - 1));
            }
            for (int i = 0; i < perDay; i++) {
                int minute = dayStartMinute + i * step;
                Cell c = hourRow.createCell(first + i);
                if (minute % 60 == 0) {
                    c.setCellValue((minute % 1440) / 1440.0);
                }
                c.setCellStyle(i == 0 ? hourStyle : (minute % 60 == 0 ? hourInner : blankInner));
            }
        }
    }

    /**
     * Agents working {@code channel} per grid column: coverage.csv's scheduled (part intervals as their fraction),
     * averaged over the intervals of a coarser column; red where below the required; blank where closed.
     */
    private void writeHeadCount(Row row, String channel) {
        styles.text(row, 0, "Working " + channel, styles.bold);
        styles.text(row, 2, "head-count");
        int interval = run.intervalMinutes();
        for (int col = 0; col < days * perDay; col++) {
            LocalDateTime from = firstDay.plusDays(col / perDay).atStartOfDay()
                    .plusMinutes(dayStartMinute + (long) (col % perDay) * step);
            double scheduled = 0;
            double required = 0;
            int n = 0;
            for (int m = 0; m < step; m += interval) {
                org.wfm.scheduler.domain.CoverageRow c = coverage.get(channel + "|" + from.plusMinutes(m));
                if (c != null) {
                    scheduled += Double.isFinite(c.scheduled()) ? c.scheduled() : 0;
                    required += Double.isFinite(c.required()) ? c.required() : 0;
                    n++;
                }
            }
            Edge edge = edge(col);
            if (n == 0) {
                if (edge != Edge.NONE) {
                    row.createCell(FIXED_COLUMNS + col).setCellStyle(styleFor(null, edge));
                }
                continue;
            }
            boolean isShort = scheduled < required - 1e-9;
            styles.number(row, FIXED_COLUMNS + col, scheduled / n,
                    countStyle(isShort ? null : channel, edge));
        }
    }

    /** A head-count cell: the channel's light colour, or red ({@code channel} null) where short. */
    private CellStyle countStyle(String channel, Edge edge) {
        return cellStyles.computeIfAbsent("n:" + channel + "|" + edge, k -> {
            Color colour = channel == null ? Palette.SHORT
                    : Palette.channelFill(Math.max(0, channels.indexOf(channel)));
            CellStyle s = styles.format("0");
            s.cloneStyleFrom(styles.fill(colour, "0", false));
            s.setAlignment(HorizontalAlignment.CENTER);
            edgeBorder(s, edge);
            return s;
        });
    }

    /** A day's first column gets a medium left border, an hour's first column a hairline. */
    private static void edgeBorder(CellStyle s, Edge edge) {
        if (edge == Edge.DAY) {
            s.setBorderLeft(BorderStyle.MEDIUM);
        } else if (edge == Edge.HOUR) {
            s.setBorderLeft(BorderStyle.HAIR);
            s.setLeftBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
        }
    }

    private CellStyle headerStyle(String format, boolean dayStart) {
        CellStyle s = styles.format(format == null ? "General" : format);
        short dataFormat = s.getDataFormat();
        s.cloneStyleFrom(styles.header);
        s.setDataFormat(dataFormat);
        s.setWrapText(false);
        s.setAlignment(HorizontalAlignment.LEFT);
        if (dayStart) {
            s.setBorderLeft(BorderStyle.MEDIUM);
        }
        return s;
    }

    private int legendItem(Row row, int col, CellStyle style, String letter, String label) {
        styles.text(row, col, letter, style);
        styles.text(row, col + 1, label);
        return col + Math.max(4, (label.length() + 6) / 3 + 1);
    }

    private void writeLegendNote(Sheet sheet, int rowIndex) {
        Row note = sheet.createRow(rowIndex);
        styles.text(note, 0, "Each column is " + step + " minutes; a cell shows what fills most of it. "
                + "Letters: channel worked, B break, L lunch, T training; lower case: work or training at home. "
                + "Head-count rows: agents working the channel (a part interval counts as its fraction; shown "
                + "rounded), red where fewer than required. Agents by site, then usual start time.");
    }

    private void writeAgent(Row row, String agent, List<ScheduleRow> blocks, String site) {
        styles.text(row, 0, run.name(agent), styles.bold);
        styles.text(row, 1, agent);
        styles.text(row, 2, site == null ? "" : site);
        double paid = 0;
        for (ScheduleRow b : blocks) {
            if (b.activity().paid()) {
                paid += Duration.between(b.start(), b.end()).toMinutes() / 60.0;
            }
        }
        styles.number(row, 3, paid, styles.decimal1);

        int columns = days * perDay;
        String[] what = new String[columns];
        int[] minutes = new int[columns];
        boolean[] home = new boolean[columns];
        for (ScheduleRow b : blocks) {
            paint(b, what, minutes, home);
        }
        for (int i = 0; i < columns; i++) {
            Edge edge = edge(i);
            if (what[i] == null && edge == Edge.NONE) {
                continue;
            }
            if (what[i] == null) {
                row.createCell(FIXED_COLUMNS + i).setCellStyle(styleFor(null, edge));
            } else {
                String letter = letter(what[i]);
                styles.text(row, FIXED_COLUMNS + i, home[i] ? letter.toLowerCase(Locale.ROOT) : letter,
                        styleFor(what[i], edge));
            }
        }
    }

    /**
     * Marks the columns a block overlaps; a column goes to the activity filling most of it, and on a tie to the
     * pause or training, so that a 10-minute break in a 30-minute grid still shows.
     */
    private void paint(ScheduleRow b, String[] what, int[] minutes, boolean[] home) {
        String key = b.activity() == Activity.WORK ? "c:" + b.channel() : "a:" + b.activity().csv();
        LocalDateTime origin = firstDay.atStartOfDay();
        long from = Duration.between(origin, b.start()).toMinutes();
        long to = Duration.between(origin, b.end()).toMinutes();
        for (long m = from - Math.floorMod(from, step); m < to; m += step) {
            long day = Math.floorDiv(m, 1440);
            long inDay = m - day * 1440 - dayStartMinute;
            if (day < 0 || day >= days || inDay < 0 || inDay >= (long) perDay * step) {
                continue;
            }
            int col = (int) (day * perDay + inDay / step);
            int overlap = (int) (Math.min(to, m + step) - Math.max(from, m));
            boolean wins = overlap > minutes[col]
                    || (overlap == minutes[col] && b.activity() != Activity.WORK);
            if (wins) {
                what[col] = key;
                minutes[col] = overlap;
                // Only work and training count as hours at home (remote share); a pause keeps its capital.
                home[col] = "home".equalsIgnoreCase(b.location())
                        && (b.activity() == Activity.WORK || b.activity() == Activity.TRAINING);
            }
        }
    }

    /** Left edge of a grid column: a strong line between days, a faint one between hours. */
    private enum Edge { NONE, HOUR, DAY }

    private Edge edge(int column) {
        int inDay = column % perDay;
        if (inDay == 0) {
            return Edge.DAY;
        }
        return (dayStartMinute + inDay * step) % 60 == 0 ? Edge.HOUR : Edge.NONE;
    }

    private String letter(String key) {
        return switch (key) {
            case "a:break" -> "B";
            case "a:lunch" -> "L";
            case "a:training" -> "T";
            default -> letters.getOrDefault(key.substring(2), "?");
        };
    }

    private CellStyle styleFor(String key, Edge edge) {
        String k = key + "|" + edge;
        return cellStyles.computeIfAbsent(k, x -> {
            CellStyle s;
            if (key == null) {
                s = styles.format("General");
            } else {
                Color colour = switch (key) {
                    case "a:break" -> Palette.BREAK;
                    case "a:lunch" -> Palette.LUNCH;
                    case "a:training" -> Palette.TRAINING;
                    default -> Palette.channelFill(Math.max(0, channels.indexOf(key.substring(2))));
                };
                boolean dark = "a:training".equals(key) || "a:lunch".equals(key);
                s = styles.format("General");
                s.cloneStyleFrom(styles.fill(colour, null, dark));
            }
            edgeBorder(s, edge);
            return s;
        });
    }
}
