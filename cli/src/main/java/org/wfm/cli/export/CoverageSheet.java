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
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.wfm.scheduler.domain.CoverageRow;

/**
 * The Coverage sheet: interval × channel with required and scheduled agents, the gap and the planned (and, after
 * {@code wfm simulate}, simulated) service level; one native stacked-area chart per channel: the agents required and
 * covered, with the shortfall in red and the surplus in grey above them. Rows are grouped by channel.
 *
 * <p>The charts do not plot the table's rows: closed hours have no rows, so the days would crowd together on the
 * category axis. They plot a regular time grid ({@link CoverageGrid}) in helper columns right of the charts: one
 * time column and, per channel, covered, short and surplus.
 */
final class CoverageSheet {
    static final String NAME = "Coverage";
    private static final String[] HEADER = {"Interval start", "Channel", "Forecast volume", "Required", "Scheduled",
        "Scheduled − required", "Service level (planned)", "Occupancy", "Service level (simulated)"};
    private static final int CHART_COLUMN = HEADER.length + 1;
    private static final int CHART_WIDTH = 14;
    private static final int CHART_HEIGHT = 20;
    /** First helper column of the chart grid: its time column; then covered, short, surplus per channel. */
    static final int GRID_COLUMN = CHART_COLUMN + CHART_WIDTH + 1;

    private final RunFolder run;
    private final Styles styles;

    CoverageSheet(RunFolder run, Styles styles) {
        this.run = run;
        this.styles = styles;
    }

    void write(SXSSFWorkbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        List<String> channels = new ArrayList<>();
        List<CoverageRow> table = new ArrayList<>();
        for (String channel : run.channels()) {
            List<CoverageRow> rows = run.coverage().stream().filter(c -> c.channel().equals(channel)).toList();
            if (!rows.isEmpty()) {
                channels.add(channel);
                table.addAll(rows);
            }
        }
        LocalDate[] horizon = run.horizon();
        CoverageGrid grid = CoverageGrid.of(run.coverage(), channels, horizon == null ? null : horizon[0],
                horizon == null ? null : horizon[1], run.intervalMinutes());

        Row head = sheet.createRow(0);
        for (int i = 0; i < HEADER.length; i++) {
            styles.text(head, i, HEADER[i], styles.header);
        }
        styles.text(head, GRID_COLUMN, "Chart grid: time (every interval, 0 where closed)", styles.header);
        for (int k = 0; k < channels.size(); k++) {
            String ch = channels.get(k);
            styles.text(head, GRID_COLUMN + 1 + 3 * k, ch + " covered", styles.header);
            styles.text(head, GRID_COLUMN + 2 + 3 * k, ch + " short", styles.header);
            styles.text(head, GRID_COLUMN + 3 + 3 * k, ch + " surplus", styles.header);
        }
        head.setHeightInPoints(30);
        Map<String, Double> simulated = new HashMap<>();
        for (org.wfm.scheduler.simulation.SimulationRow s : run.simulation()) {
            simulated.put(s.channel() + "|" + s.intervalStart(), s.serviceLevel());
        }
        CellStyle shortStyle = styles.fill(Palette.SHORT, "#,##0.0#", false);
        int rowsNeeded = Math.max(table.size(), grid.times().size());
        for (int i = 0; i < rowsNeeded; i++) {
            Row row = sheet.createRow(i + 1);
            if (i < table.size()) {
                CoverageRow c = table.get(i);
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
            if (i < grid.times().size()) {
                styles.when(row, GRID_COLUMN, grid.times().get(i), styles.dateTime);
                for (int k = 0; k < channels.size(); k++) {
                    CoverageGrid.Channel g = grid.channels().get(channels.get(k));
                    styles.number(row, GRID_COLUMN + 1 + 3 * k, g.covered(i), styles.staff);
                    styles.number(row, GRID_COLUMN + 2 + 3 * k, g.shortfall(i), styles.staff);
                    styles.number(row, GRID_COLUMN + 3 + 3 * k, g.surplus(i), styles.staff);
                }
            }
        }
        if (!grid.times().isEmpty()) {
            charts(wb, channels, grid);
        }
        if (!table.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, table.size(), 0, HEADER.length - 1));
        }
        sheet.createFreezePane(0, 1);
        Styles.print(sheet, 1, 1, 0);
        int[] widths = {17, 10, 10, 10, 10, 12, 12, 11, 12};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.setColumnWidth(GRID_COLUMN, 17 * 256);
    }

    private void charts(SXSSFWorkbook wb, List<String> channels, CoverageGrid grid) {
        XSSFDrawing drawing = Charts.drawing(wb, NAME);
        int last = grid.times().size();
        Double[] times = Charts.serials(grid.times(), t -> t);
        for (int k = 0; k < channels.size(); k++) {
            String channel = channels.get(k);
            CoverageGrid.Channel g = grid.channels().get(channel);
            int[] anchor = {CHART_COLUMN, 1 + k * (CHART_HEIGHT + 1), CHART_COLUMN + CHART_WIDTH,
                1 + k * (CHART_HEIGHT + 1) + CHART_HEIGHT};
            int column = GRID_COLUMN + 1 + 3 * k;
            new Charts(drawing, NAME, anchor, run.label(channel) + ": agents covered, short (red) and surplus (grey)",
                    GRID_COLUMN, 1, last, times, grid.perDay(), "agents", ChartTypes.AREA)
                    .filled(column, values(last, g::covered), "Covered", Palette.channelFill(
                            run.channels().indexOf(channel)))
                    .filled(column + 1, values(last, g::shortfall), "Short", Palette.SHORT_AREA)
                    .filled(column + 2, values(last, g::surplus), "Surplus", Palette.SURPLUS_AREA)
                    .plot();
        }
    }

    private static Double[] values(int n, java.util.function.IntToDoubleFunction value) {
        Double[] out = new Double[n];
        for (int i = 0; i < n; i++) {
            out[i] = value.applyAsDouble(i);
        }
        return out;
    }
}
