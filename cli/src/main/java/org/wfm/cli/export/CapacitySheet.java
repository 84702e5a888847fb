package org.wfm.cli.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.wfm.capacity.CapacityPlan;
import org.wfm.capacity.CapacityRow;

/**
 * capacity.xlsx, sheet {@code Capacity}: the plan's table (week × channel: required and available FTE, gap, hires
 * starting, projected service level, cost) and per channel a native line chart of required against available FTE
 * with the weeks a hiring class starts marked on the available line. The charts plot helper columns right of them
 * (week, then required, available and class starts per channel), since the table interleaves the channels.
 */
final class CapacitySheet {
    static final String NAME = "Capacity";
    private static final String[] HEADER = {"Week start", "Channel", "Scenario", "Required FTE", "Available FTE",
        "Gap FTE (required − available)", "Hires starting", "Projected service level", "Cost", "Contacts"};
    private static final int CHART_COLUMN = HEADER.length + 1;
    private static final int CHART_WIDTH = 14;
    private static final int CHART_HEIGHT = 20;
    private static final int GRID_COLUMN = CHART_COLUMN + CHART_WIDTH + 1;

    private CapacitySheet() {
    }

    /** The table holds every scenario's rows; the charts show the first (the baseline). */
    static void write(Path file, List<CapacityPlan> plans) {
        try (OutputStream out = Files.newOutputStream(file); SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            fill(wb, plans);
            monthly(wb, plans);
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(SXSSFWorkbook wb, List<CapacityPlan> plans) {
        Styles styles = new Styles(wb);
        Sheet sheet = wb.createSheet(NAME);
        CapacityPlan plan = plans.get(0);
        List<CapacityRow> table = plans.stream().flatMap(p -> p.rows().stream()).toList();
        List<CapacityRow> baseline = plan.rows();
        List<String> channels = new ArrayList<>(plan.channels().keySet());
        List<LocalDate> weeks = baseline.stream().map(CapacityRow::weekStart).distinct().sorted().toList();
        Row head = sheet.createRow(0);
        for (int i = 0; i < HEADER.length; i++) {
            styles.text(head, i, HEADER[i], styles.header);
        }
        styles.text(head, GRID_COLUMN, "Chart grid: week", styles.header);
        for (int k = 0; k < channels.size(); k++) {
            styles.text(head, GRID_COLUMN + 1 + 3 * k, channels.get(k) + " required", styles.header);
            styles.text(head, GRID_COLUMN + 2 + 3 * k, channels.get(k) + " available", styles.header);
            styles.text(head, GRID_COLUMN + 3 + 3 * k, channels.get(k) + " class starts", styles.header);
        }
        head.setHeightInPoints(30);
        CellStyle shortStyle = styles.fill(Palette.SHORT, "#,##0.0#", false);
        int n = Math.max(table.size(), weeks.size());
        for (int i = 0; i < n; i++) {
            Row row = sheet.createRow(i + 1);
            if (i < table.size()) {
                CapacityRow r = table.get(i);
                styles.when(row, 0, r.weekStart(), styles.date);
                styles.text(row, 1, r.channel());
                styles.text(row, 2, r.scenario());
                styles.number(row, 3, r.requiredFte(), styles.decimal2);
                styles.number(row, 4, r.availableFte(), styles.decimal2);
                styles.number(row, 5, r.gapFte(), r.gapFte() > 1e-6 ? shortStyle : styles.decimal2);
                styles.number(row, 6, r.hiresStarting(), styles.integer);
                styles.number(row, 7, r.projectedServiceLevel(), styles.percent);
                styles.number(row, 8, r.cost(), styles.money);
                styles.number(row, 9, r.contacts(), styles.integer);
            }
            if (i < weeks.size()) {
                styles.when(row, GRID_COLUMN, weeks.get(i), styles.date);
                for (int k = 0; k < channels.size(); k++) {
                    CapacityRow r = rowOf(baseline, weeks.get(i), channels.get(k));
                    styles.number(row, GRID_COLUMN + 1 + 3 * k, r.requiredFte(), styles.decimal2);
                    styles.number(row, GRID_COLUMN + 2 + 3 * k, r.availableFte(), styles.decimal2);
                    styles.number(row, GRID_COLUMN + 3 + 3 * k, r.hiresStarting() > 0 ? r.availableFte() : Double.NaN,
                            styles.decimal2);
                }
            }
        }
        if (!weeks.isEmpty()) {
            charts(wb, plan, channels, weeks, baseline);
            sheet.setAutoFilter(new CellRangeAddress(0, table.size(), 0, HEADER.length - 1));
        }
        sheet.createFreezePane(0, 1);
        Styles.print(sheet, 1, 1, 0);
        int[] widths = {12, 10, 11, 10, 10, 14, 9, 12, 12, 10};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.setColumnWidth(GRID_COLUMN, 12 * 256);
    }

    static final String MONTHLY = "Monthly";
    private static final String[] MONTH_HEADER = {"Month", "Channel", "Scenario", "Days covered", "Required FTE",
        "Available FTE", "Gap FTE (required − available)", "Hires starting", "Projected service level", "Cost",
        "Contacts"};

    /** capacity-monthly.csv as a sheet: the same rows, shortfalls shaded as on the weekly sheet. */
    private static void monthly(SXSSFWorkbook wb, List<CapacityPlan> plans) {
        Styles styles = new Styles(wb);
        Sheet sheet = wb.createSheet(MONTHLY);
        Row head = sheet.createRow(0);
        for (int i = 0; i < MONTH_HEADER.length; i++) {
            styles.text(head, i, MONTH_HEADER[i], styles.header);
        }
        head.setHeightInPoints(30);
        CellStyle shortStyle = styles.fill(Palette.SHORT, "#,##0.0#", false);
        List<org.wfm.capacity.MonthRow> rows = CapacityOutputs.monthly(plans);
        for (int i = 0; i < rows.size(); i++) {
            org.wfm.capacity.MonthRow r = rows.get(i);
            Row row = sheet.createRow(i + 1);
            styles.text(row, 0, r.month().toString());
            styles.text(row, 1, r.channel());
            styles.text(row, 2, r.scenario());
            styles.number(row, 3, r.days(), styles.integer);
            styles.number(row, 4, r.requiredFte(), styles.decimal2);
            styles.number(row, 5, r.availableFte(), styles.decimal2);
            styles.number(row, 6, r.gapFte(), r.gapFte() > 1e-6 ? shortStyle : styles.decimal2);
            styles.number(row, 7, r.hiresStarting(), styles.integer);
            styles.number(row, 8, r.projectedServiceLevel(), styles.percent);
            styles.number(row, 9, r.cost(), styles.money);
            styles.number(row, 10, r.contacts(), styles.integer);
        }
        if (!rows.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, MONTH_HEADER.length - 1));
        }
        sheet.createFreezePane(0, 1);
        Styles.print(sheet, 1, 1, 0);
        int[] widths = {10, 10, 11, 9, 10, 10, 14, 9, 12, 12, 10};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static CapacityRow rowOf(List<CapacityRow> table, LocalDate week, String channel) {
        return table.stream().filter(r -> r.weekStart().equals(week) && r.channel().equals(channel)).findFirst()
                .orElseThrow();
    }

    private static void charts(SXSSFWorkbook wb, CapacityPlan plan, List<String> channels, List<LocalDate> weeks,
                               List<CapacityRow> table) {
        XSSFDrawing drawing = Charts.drawing(wb, NAME);
        int last = weeks.size();
        Double[] x = Charts.serials(weeks, LocalDate::atStartOfDay);
        for (int k = 0; k < channels.size(); k++) {
            String ch = channels.get(k);
            List<CapacityRow> rows = weeks.stream().map(w -> rowOf(table, w, ch)).toList();
            int[] anchor = {CHART_COLUMN, 1 + k * (CHART_HEIGHT + 1), CHART_COLUMN + CHART_WIDTH,
                1 + k * (CHART_HEIGHT + 1) + CHART_HEIGHT};
            int column = GRID_COLUMN + 1 + 3 * k;
            new Charts(drawing, NAME, anchor, ch + ": required and available FTE (" + plan.scenario()
                    + "), hiring classes marked", GRID_COLUMN, 1, last, x, 4, "FTE")
                    .line(column, Charts.values(rows, CapacityRow::requiredFte), "Required", Palette.REQUIRED, 2.0,
                            false)
                    .line(column + 1, Charts.values(rows, CapacityRow::availableFte), "Available", Palette.channel(k),
                            2.0, false)
                    .markers(column + 2, Charts.values(rows, r -> r.hiresStarting() > 0 ? r.availableFte() : Double.NaN),
                            "Class starts", Palette.PEAK, MarkerStyle.TRIANGLE)
                    .plot();
        }
    }
}
