package org.wfm.cli.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.Peak;

/**
 * The Forecast sheet: the forecast per interval and channel with its prediction interval, volumes inside a peak or
 * trough window repeated in their own columns (and highlighted) so a native chart can mark them; one chart per
 * channel; peaks.csv's table beside the charts.
 */
final class ForecastSheet {
    static final String NAME = "Forecast";
    private static final String[] HEADER = {"Interval start", "Channel", "Volume", "Lower", "Upper", "AHT (s)",
        "Peak volume", "Trough volume", "Window"};
    private static final String[] PEAK_HEADER = {"Channel", "Kind", "Start", "End", "Mean volume",
        "Ratio to average"};
    private static final int CHART_COLUMN = HEADER.length + 1;
    private static final int CHART_WIDTH = 14;
    private static final int CHART_HEIGHT = 20;
    private static final int PEAK_COLUMN = CHART_COLUMN + CHART_WIDTH + 1;

    private final RunFolder run;
    private final Styles styles;

    ForecastSheet(RunFolder run, Styles styles) {
        this.run = run;
        this.styles = styles;
    }

    void write(XSSFWorkbook wb) {
        XSSFSheet sheet = wb.createSheet(NAME);
        Row head = sheet.createRow(0);
        head.setHeightInPoints(30);
        for (int i = 0; i < HEADER.length; i++) {
            styles.text(head, i, HEADER[i], styles.header);
        }
        for (int i = 0; i < PEAK_HEADER.length; i++) {
            styles.text(head, PEAK_COLUMN + i, PEAK_HEADER[i], styles.header);
        }
        CellStyle peakStyle = styles.fill(Palette.PEAK_FILL, "#,##0.0", false);
        CellStyle troughStyle = styles.fill(Palette.TROUGH_FILL, "#,##0.0", false);
        Map<String, List<Peak>> windows = run.peaks().stream()
                .filter(p -> p.kind().equals("peak") || p.kind().equals("trough"))
                .collect(Collectors.groupingBy(Peak::channel));
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int r = 1;
        int chartIndex = 0;
        List<String> channels = run.channels();
        for (String channel : channels) {
            List<ForecastPoint> points = new ArrayList<>();
            for (ForecastPoint f : run.forecast()) {
                if (f.channel().equals(channel)) {
                    points.add(f);
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            int first = r;
            List<Peak> channelWindows = windows.getOrDefault(channel, List.of());
            Map<java.time.LocalDate, Long> counts = points.stream()
                    .collect(Collectors.groupingBy(p -> p.intervalStart().toLocalDate(), Collectors.counting()));
            int perDay = (int) counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
            for (ForecastPoint f : points) {
                Row row = sheet.createRow(r++);
                styles.number(row, 0, 0, styles.dateTime).setCellValue(f.intervalStart());
                styles.text(row, 1, f.channel());
                String kind = windowKind(channelWindows, f);
                CellStyle volumeStyle = "peak".equals(kind) ? peakStyle
                        : "trough".equals(kind) ? troughStyle : styles.decimal1;
                styles.number(row, 2, f.volume(), volumeStyle);
                styles.number(row, 3, f.volumeLower(), styles.decimal1);
                styles.number(row, 4, f.volumeUpper(), styles.decimal1);
                styles.number(row, 5, f.ahtSeconds(), styles.integer);
                styles.number(row, 6, "peak".equals(kind) ? f.volume() : Double.NaN, styles.decimal1);
                styles.number(row, 7, "trough".equals(kind) ? f.volume() : Double.NaN, styles.decimal1);
                styles.text(row, 8, kind == null ? "" : kind);
            }
            int top = 1 + chartIndex * (CHART_HEIGHT + 1);
            int[] anchor = {CHART_COLUMN, top, CHART_COLUMN + CHART_WIDTH, top + CHART_HEIGHT};
            new Charts(sheet, drawing, anchor, channel + ": forecast with prediction interval", 0, first, r - 1,
                    perDay, "contacts per interval")
                    .line(3, "Lower", Palette.channelFill(channels.indexOf(channel)), 1, true)
                    .line(4, "Upper", Palette.channelFill(channels.indexOf(channel)), 1, true)
                    .line(2, "Forecast", Palette.channel(channels.indexOf(channel)), 2, false)
                    .markers(6, "Peak window", Palette.PEAK, MarkerStyle.TRIANGLE)
                    .markers(7, "Trough window", Palette.TROUGH, MarkerStyle.DIAMOND)
                    .plot();
            chartIndex++;
        }
        writePeaks(sheet);
        if (r > 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, HEADER.length - 1));
        }
        sheet.createFreezePane(0, 1);
        Styles.print(sheet, 1, 1, 0);
        int[] widths = {17, 10, 9, 9, 9, 8, 9, 9, 8};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        int[] peakWidths = {10, 11, 17, 17, 10, 10};
        for (int i = 0; i < peakWidths.length; i++) {
            sheet.setColumnWidth(PEAK_COLUMN + i, peakWidths[i] * 256);
        }
    }

    /** peak or trough when the interval lies in such a window of its channel, else null. */
    private static String windowKind(List<Peak> windows, ForecastPoint f) {
        for (Peak p : windows) {
            if (!f.intervalStart().isBefore(p.start()) && f.intervalStart().isBefore(p.end())) {
                return p.kind();
            }
        }
        return null;
    }

    private void writePeaks(XSSFSheet sheet) {
        int r = 1;
        for (Peak p : run.peaks()) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            r++;
            int c = PEAK_COLUMN;
            styles.text(row, c, p.channel());
            CellStyle kindStyle = p.kind().startsWith("peak") ? styles.fill(Palette.PEAK_FILL, null, false)
                    : styles.fill(Palette.TROUGH_FILL, null, false);
            styles.text(row, c + 1, p.kind(), kindStyle);
            styles.number(row, c + 2, 0, styles.dateTime).setCellValue(p.start());
            styles.number(row, c + 3, 0, styles.dateTime).setCellValue(p.end());
            styles.number(row, c + 4, p.meanVolume(), styles.decimal1);
            styles.number(row, c + 5, p.ratioToAverage(), styles.decimal2);
        }
    }
}
