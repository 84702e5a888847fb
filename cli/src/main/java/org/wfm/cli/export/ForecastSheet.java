package org.wfm.cli.export;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
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

    void write(SXSSFWorkbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        Row head = sheet.createRow(0);
        head.setHeightInPoints(30);
        for (int i = 0; i < HEADER.length; i++) {
            styles.text(head, i, HEADER[i], styles.header);
        }
        for (int i = 0; i < PEAK_HEADER.length; i++) {
            styles.text(head, PEAK_COLUMN + i, PEAK_HEADER[i], styles.header);
        }
        Map<String, List<Peak>> windows = run.peaks().stream()
                .filter(p -> p.kind().equals("peak") || p.kind().equals("trough"))
                .collect(Collectors.groupingBy(Peak::channel));
        // Rows are streamed top to bottom, so each row carries its forecast cells and, beside them, a peaks.csv row.
        List<String> channels = run.channels();
        List<ForecastPoint> ordered = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        XSSFDrawing drawing = Charts.drawing(wb, NAME);
        int chartIndex = 0;
        for (String channel : channels) {
            List<ForecastPoint> points = run.forecast().stream().filter(f -> f.channel().equals(channel)).toList();
            if (points.isEmpty()) {
                continue;
            }
            int first = 1 + ordered.size();
            List<Peak> channelWindows = windows.getOrDefault(channel, List.of());
            List<String> channelKinds = points.stream().map(f -> windowKind(channelWindows, f)).toList();
            ordered.addAll(points);
            kinds.addAll(channelKinds);
            int perDay = (int) points.stream()
                    .collect(Collectors.groupingBy(p -> p.intervalStart().toLocalDate(), Collectors.counting()))
                    .values().stream().mapToLong(Long::longValue).max().orElse(1);
            Double[] peakValues = new Double[points.size()];
            Double[] troughValues = new Double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                peakValues[i] = "peak".equals(channelKinds.get(i)) ? points.get(i).volume() : null;
                troughValues[i] = "trough".equals(channelKinds.get(i)) ? points.get(i).volume() : null;
            }
            int top = 1 + chartIndex * (CHART_HEIGHT + 1);
            int[] anchor = {CHART_COLUMN, top, CHART_COLUMN + CHART_WIDTH, top + CHART_HEIGHT};
            Color colour = Palette.channel(channels.indexOf(channel));
            Color light = Palette.channelFill(channels.indexOf(channel));
            new Charts(drawing, NAME, anchor, channel + ": forecast with prediction interval", 0, first,
                    first + points.size() - 1, Charts.serials(points, ForecastPoint::intervalStart), perDay,
                    "contacts per interval")
                    .line(3, Charts.values(points, ForecastPoint::volumeLower), "Lower", light, 1, true)
                    .line(4, Charts.values(points, ForecastPoint::volumeUpper), "Upper", light, 1, true)
                    .line(2, Charts.values(points, ForecastPoint::volume), "Forecast", colour, 2, false)
                    .markers(6, peakValues, "Peak window", Palette.PEAK, MarkerStyle.TRIANGLE)
                    .markers(7, troughValues, "Trough window", Palette.TROUGH, MarkerStyle.DIAMOND)
                    .plot();
            chartIndex++;
        }
        CellStyle peakStyle = styles.fill(Palette.PEAK_FILL, "#,##0.0", false);
        CellStyle troughStyle = styles.fill(Palette.TROUGH_FILL, "#,##0.0", false);
        int rows = Math.max(ordered.size(), run.peaks().size());
        for (int i = 0; i < rows; i++) {
            Row row = sheet.createRow(i + 1);
            if (i < ordered.size()) {
                ForecastPoint f = ordered.get(i);
                String kind = kinds.get(i);
                styles.when(row, 0, f.intervalStart(), styles.dateTime);
                styles.text(row, 1, f.channel());
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
            if (i < run.peaks().size()) {
                writePeak(row, run.peaks().get(i));
            }
        }
        if (!ordered.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, ordered.size(), 0, HEADER.length - 1));
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

    private void writePeak(Row row, Peak p) {
        int c = PEAK_COLUMN;
        styles.text(row, c, p.channel());
        CellStyle kindStyle = p.kind().startsWith("peak") ? styles.fill(Palette.PEAK_FILL, null, false)
                : styles.fill(Palette.TROUGH_FILL, null, false);
        styles.text(row, c + 1, p.kind(), kindStyle);
        styles.when(row, c + 2, p.start(), styles.dateTime);
        styles.when(row, c + 3, p.end(), styles.dateTime);
        styles.number(row, c + 4, p.meanVolume(), styles.decimal1);
        styles.number(row, c + 5, p.ratioToAverage(), styles.decimal2);
    }
}
