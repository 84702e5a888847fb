package org.wfm.cli.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wfm.capacity.CapacityPlan;
import org.wfm.capacity.CapacityRow;

/**
 * capacity.png (XChart, headless): one panel per channel, required and available FTE week by week, the weeks a
 * hiring class starts marked with a triangle on the available line.
 */
final class CapacityChart {
    private static final int WIDTH = 1400;
    private static final int PANEL_HEIGHT = 360;

    static {
        System.setProperty("java.awt.headless", "true");
        javax.imageio.ImageIO.setUseCache(false);
    }

    private CapacityChart() {
    }

    static void write(Path file, CapacityPlan plan) {
        List<XYChart> panels = new ArrayList<>();
        List<String> channels = new ArrayList<>(plan.channels().keySet());
        for (int k = 0; k < channels.size(); k++) {
            String ch = channels.get(k);
            List<CapacityRow> rows = plan.rows().stream().filter(r -> r.channel().equals(ch)).toList();
            if (!rows.isEmpty()) {
                panels.add(panel(ch, plan.scenario(), rows, Palette.channel(k)));
            }
        }
        if (panels.isEmpty()) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(panels, panels.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XYChart panel(String channel, String scenario, List<CapacityRow> rows, Color colour) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title(channel + ": required and available FTE per week (" + scenario + "); triangles: hiring classes start")
                .yAxisTitle("FTE").build();
        org.knowm.xchart.style.XYStyler s = chart.getStyler();
        chart.getStyler().setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
        chart.getStyler().setDatePattern("dd MMM yy");
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAntiAlias(true);
        List<Date> x = rows.stream().map(r -> date(r.weekStart())).toList();
        line(chart, "required", x, rows.stream().map(CapacityRow::requiredFte).toList(), Palette.REQUIRED);
        line(chart, "available", x, rows.stream().map(CapacityRow::availableFte).toList(), colour);
        List<Date> hx = new ArrayList<>();
        List<Double> hy = new ArrayList<>();
        for (CapacityRow r : rows) {
            if (r.hiresStarting() > 0) {
                hx.add(date(r.weekStart()));
                hy.add(r.availableFte());
            }
        }
        if (!hx.isEmpty()) {
            XYSeries h = chart.addSeries("class starts", hx, hy);
            h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            h.setMarker(SeriesMarkers.TRIANGLE_UP);
            h.setMarkerColor(Palette.PEAK);
        }
        return chart;
    }

    private static void line(XYChart chart, String name, List<Date> x, List<Double> y, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(2f));
    }

    private static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
