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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.wfm.scheduler.domain.CoverageRow;

/**
 * The Coverage sheet: interval × channel with required and scheduled agents, the gap and the planned (and, after
 * {@code wfm simulate}, simulated) service level; one native line chart per channel of required against scheduled.
 * Rows are grouped by channel so each chart reads one contiguous block.
 */
final class CoverageSheet {
    static final String NAME = "Coverage";
    private static final String[] HEADER = {"Interval start", "Channel", "Forecast volume", "Required", "Scheduled",
        "Scheduled − required", "Service level (planned)", "Occupancy", "Service level (simulated)"};
    private static final int CHART_COLUMN = HEADER.length + 1;
    private static final int CHART_WIDTH = 14;
    private static final int CHART_HEIGHT = 20;

    private final RunFolder run;
    private final Styles styles;

    CoverageSheet(RunFolder run, Styles styles) {
        this.run = run;
        this.styles = styles;
    }

    void write(SXSSFWorkbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        Row head = sheet.createRow(0);
        for (int i = 0; i < HEADER.length; i++) {
            styles.text(head, i, HEADER[i], styles.header);
        }
        head.setHeightInPoints(30);
        Map<String, Double> simulated = new HashMap<>();
        for (RunFolder.SimulationRow s : run.simulation()) {
            simulated.put(s.channel() + "|" + s.intervalStart(), s.serviceLevel());
        }
        CellStyle shortStyle = styles.fill(Palette.SHORT, "#,##0.0#", false);
        int r = 1;
        XSSFDrawing drawing = Charts.drawing(wb, NAME);
        int chartIndex = 0;
        for (String channel : run.channels()) {
            List<CoverageRow> rows = new ArrayList<>();
            for (CoverageRow c : run.coverage()) {
                if (c.channel().equals(channel)) {
                    rows.add(c);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            int first = r;
            for (CoverageRow c : rows) {
                Row row = sheet.createRow(r++);
                styles.when(row, 0, c.intervalStart(), styles.dateTime);
                styles.text(row, 1, c.channel());
                styles.number(row, 2, c.forecastVolume(), styles.decimal1);
                styles.number(row, 3, c.required(), styles.staff);
                styles.number(row, 4, c.scheduled(), styles.staff);
                double gap = c.scheduled() - c.required();
                styles.number(row, 5, gap, gap < -1e-9 ? shortStyle : styles.staff);
                styles.number(row, 6, c.serviceLevel(), styles.percent);
                styles.number(row, 7, c.occupancy(), styles.percent);
                Double sim = simulated.get(c.channel() + "|" + c.intervalStart());
                styles.number(row, 8, sim == null ? Double.NaN : sim, styles.percent);
            }
            int[] anchor = {CHART_COLUMN, 1 + chartIndex * (CHART_HEIGHT + 1), CHART_COLUMN + CHART_WIDTH,
                1 + chartIndex * (CHART_HEIGHT + 1) + CHART_HEIGHT};
            new Charts(drawing, NAME, anchor, channel + ": required vs scheduled agents", 0, first, r - 1,
                    Charts.serials(rows, CoverageRow::intervalStart), pointsPerDay(rows), "agents")
                    .line(3, Charts.values(rows, CoverageRow::required), "Required", Palette.REQUIRED, 1.5, true)
                    .line(4, Charts.values(rows, CoverageRow::scheduled), "Scheduled",
                            Palette.channel(run.channels().indexOf(channel)), 2, false)
                    .plot();
            chartIndex++;
        }
        if (r > 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, HEADER.length - 1));
        }
        sheet.createFreezePane(0, 1);
        Styles.print(sheet, 1, 1, 0);
        int[] widths = {17, 10, 10, 10, 10, 12, 12, 11, 12};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    /** Intervals on the busiest day of a channel: one axis label per day. */
    static int pointsPerDay(List<CoverageRow> rows) {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (CoverageRow c : rows) {
            perDay.merge(c.intervalStart().toLocalDate(), 1, Integer::sum);
        }
        return perDay.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
