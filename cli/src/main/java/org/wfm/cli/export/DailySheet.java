package org.wfm.cli.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.wfm.scheduler.domain.CoverageRollup;

/**
 * The Daily sheet: coverage rolled up into agent-hours per day and channel ({@link CoverageRollup}, the same figures
 * as summary.json's {@code rollup}) with each day's worst short stretch, the same per week below, and a native
 * column chart of the short agent-hours per day and channel. The chart reads a day × channel table right of the
 * daily one, with every day of the span (0 where a channel is closed), so the days stay evenly spaced.
 */
final class DailySheet {
    static final String NAME = "Daily";
    static final String[] HEADER = {"Date", "Channel", "Required agent-hours", "Scheduled agent-hours",
        "Short agent-hours", "Surplus agent-hours", "Worst stretch from", "Worst stretch to",
        "Worst interval short (agents)"};
    static final String[] WEEK_HEADER = {"Week from", "Channel", "Required agent-hours", "Scheduled agent-hours",
        "Short agent-hours", "Surplus agent-hours"};
    /** First column of the day × channel table the chart reads. */
    static final int PIVOT_COLUMN = HEADER.length + 1;
    private static final int CHART_HEIGHT = 22;
    private static final int CHART_WIDTH = 14;

    private final RunFolder run;
    private final Styles styles;

    DailySheet(RunFolder run, Styles styles) {
        this.run = run;
        this.styles = styles;
    }

    void write(SXSSFWorkbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        CoverageRollup rollup = CoverageRollup.of(run.coverage(), run.intervalMinutes());
        List<String> channels = rollup.channels();
        List<LocalDate> days = new ArrayList<>();
        Map<String, Double> shortBy = new HashMap<>();
        if (!rollup.daily().isEmpty()) {
            LocalDate first = rollup.daily().get(0).date();
            LocalDate last = rollup.daily().get(rollup.daily().size() - 1).date();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        rollup.daily().forEach(d -> shortBy.put(d.date() + "|" + d.channel(), d.hours().shortfall()));

        int weekHeader = rollup.daily().size() + 2;
        int lastRow = Math.max(weekHeader + rollup.weekly().size(), days.size());
        CellStyle shortStyle = styles.fill(Palette.SHORT, "#,##0.0", false);
        CellStyle hours = styles.decimal1;
        CellStyle dayStyle = styles.format(Styles.DAY);
        for (int r = 0; r <= lastRow; r++) {
            Row row = sheet.createRow(r);
            if (r == 0) {
                header(row, 0, HEADER);
                styles.text(row, PIVOT_COLUMN, "Day", styles.header);
                for (int k = 0; k < channels.size(); k++) {
                    styles.text(row, PIVOT_COLUMN + 1 + k, channels.get(k) + " short agent-hours", styles.header);
                }
                row.setHeightInPoints(44);
            } else if (r <= rollup.daily().size()) {
                CoverageRollup.Day d = rollup.daily().get(r - 1);
                styles.when(row, 0, d.date(), dayStyle);
                styles.text(row, 1, d.channel());
                hoursCells(row, d.hours(), d.hours().shortfall() > 0.05 ? shortStyle : hours);
                if (d.worst() != null) {
                    styles.when(row, 6, d.worst().start(), styles.dateTime);
                    styles.when(row, 7, d.worst().end(), styles.dateTime);
                    styles.number(row, 8, d.worst().peakAgents(), styles.staff);
                }
            } else if (r == weekHeader) {
                header(row, 0, WEEK_HEADER);
                row.setHeightInPoints(44);
            } else if (r > weekHeader && r - weekHeader - 1 < rollup.weekly().size()) {
                CoverageRollup.Week w = rollup.weekly().get(r - weekHeader - 1);
                styles.when(row, 0, w.weekStart(), dayStyle);
                styles.text(row, 1, w.channel());
                hoursCells(row, w.hours(), w.hours().shortfall() > 0.05 ? shortStyle : hours);
            }
            if (r >= 1 && r <= days.size()) {
                LocalDate day = days.get(r - 1);
                styles.when(row, PIVOT_COLUMN, day, dayStyle);
                for (int k = 0; k < channels.size(); k++) {
                    styles.number(row, PIVOT_COLUMN + 1 + k, shortBy.getOrDefault(day + "|" + channels.get(k), 0.0),
                            hours);
                }
            }
        }
        if (!days.isEmpty()) {
            chart(wb, channels, days, shortBy);
        }
        if (!rollup.daily().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, rollup.daily().size(), 0, HEADER.length - 1));
        }
        sheet.createFreezePane(0, 1);
        Styles.print(sheet, 1, 1, 0);
        int[] widths = {16, 10, 11, 11, 11, 11, 17, 17, 14, 2, 16};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        for (int k = 0; k < channels.size(); k++) {
            sheet.setColumnWidth(PIVOT_COLUMN + 1 + k, 12 * 256);
        }
    }

    private void header(Row row, int col, String[] names) {
        for (int i = 0; i < names.length; i++) {
            styles.text(row, col + i, names[i], styles.header);
        }
    }

    private void hoursCells(Row row, CoverageRollup.Hours h, CellStyle shortStyle) {
        styles.number(row, 2, h.required(), styles.decimal1);
        styles.number(row, 3, h.scheduled(), styles.decimal1);
        styles.number(row, 4, h.shortfall(), shortStyle);
        styles.number(row, 5, h.surplus(), styles.decimal1);
    }

    private void chart(SXSSFWorkbook wb, List<String> channels, List<LocalDate> days, Map<String, Double> shortBy) {
        int left = PIVOT_COLUMN + channels.size() + 2;
        Double[] categories = Charts.serials(days, LocalDate::atStartOfDay);
        Charts chart = new Charts(Charts.drawing(wb, NAME), NAME, new int[] {left, 1, left + CHART_WIDTH,
            1 + CHART_HEIGHT}, "Short agent-hours per day", PIVOT_COLUMN, 1, days.size(), categories, 1,
                "agent-hours short", ChartTypes.BAR);
        for (int k = 0; k < channels.size(); k++) {
            String ch = channels.get(k);
            Double[] values = new Double[days.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = shortBy.getOrDefault(days.get(i) + "|" + ch, 0.0);
            }
            chart.filled(PIVOT_COLUMN + 1 + k, values, run.label(ch), Palette.channel(run.channels().indexOf(ch)));
        }
        chart.valueFormat("#,##0.#").plot();
    }
}
