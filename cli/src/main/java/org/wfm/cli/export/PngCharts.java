package org.wfm.cli.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.Peak;
import org.wfm.scheduler.domain.CoverageRow;

/**
 * PNG charts of a run folder, written next to its CSVs (XChart, headless): forecast.png, per channel the forecast
 * with its prediction-interval band and the peak and trough windows marked; coverage.png, per channel the agents
 * required and scheduled as shaded areas: covered, short (red) and surplus (grey). One panel per channel, stacked.
 */
public final class PngCharts {

    public static final String FORECAST_PNG = "forecast.png";
    public static final String COVERAGE_PNG = "coverage.png";
    private static final int WIDTH = 1400;
    private static final int PANEL_HEIGHT = 380;
    private static final TimeZone ZONE = TimeZone.getTimeZone(ZoneOffset.UTC);

    static {
        // Charts are drawn off-screen; cron and CI have no display.
        System.setProperty("java.awt.headless", "true");
        // In memory, not a cache file: ImageIO's file cache registers a shutdown hook per stream, which fails while
        // a run finishes gracefully after SIGTERM (see GracefulStop), and leaves files in the temp folder otherwise.
        javax.imageio.ImageIO.setUseCache(false);
    }

    private PngCharts() {
    }

    /**
     * Writes forecast.png and coverage.png into {@code runDir} (each only when it has data) and returns the files
     * written.
     *
     * @throws org.wfm.forecast.io.InputException when a run file is missing or malformed
     */
    public static List<Path> write(Path runDir) {
        return write(runDir, RunFolder.read(runDir));
    }

    /**
     * As {@link #write(Path)} for a run folder being written, whose schedule is still in memory ({@code schedule}, as
     * written to its schedule.csv): schedule.csv, the folder's largest file (10,000 agents: about 100 MB), is not
     * read back; the small files are.
     */
    public static List<Path> write(Path runDir, List<org.wfm.scheduler.domain.ScheduleRow> schedule) {
        return write(runDir, RunFolder.written(runDir, schedule));
    }

    private static List<Path> write(Path runDir, RunFolder run) {
        List<Path> written = new ArrayList<>();
        List<XYChart> forecast = new ArrayList<>();
        List<XYChart> coverage = new ArrayList<>();
        List<String> channels = run.channels();
        java.time.LocalDate[] horizon = run.horizon();
        CoverageGrid grid = horizon == null ? null : CoverageGrid.of(run.coverage(), channels, horizon[0], horizon[1],
                run.intervalMinutes(), true);
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            List<ForecastPoint> points = run.forecast().stream().filter(f -> f.channel().equals(channel)).toList();
            if (!points.isEmpty()) {
                forecast.add(forecastChart(channel, points, run.peaks(), Palette.channel(i), run.intervalMinutes()));
            }
            List<CoverageRow> rows = run.coverage().stream().filter(c -> c.channel().equals(channel)).toList();
            if (!rows.isEmpty()) {
                coverage.add(coverageChart(run.label(channel), channel, grid, i));
            }
        }
        if (!forecast.isEmpty()) {
            sameTimeAxis(forecast, run.forecast().stream().map(ForecastPoint::intervalStart).toList(),
                    run.intervalMinutes());
            written.add(save(runDir.resolve(FORECAST_PNG), forecast));
        }
        if (!coverage.isEmpty()) {
            sameTimeAxis(coverage, run.coverage().stream().map(CoverageRow::intervalStart).toList(),
                    run.intervalMinutes());
            written.add(save(runDir.resolve(COVERAGE_PNG), coverage));
        }
        return written;
    }

    /** One time axis for all panels, so that a day sits at the same place in every channel's panel. */
    private static void sameTimeAxis(List<XYChart> panels, List<LocalDateTime> times, int step) {
        LocalDateTime first = times.stream().min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = times.stream().max(LocalDateTime::compareTo).orElseThrow().plusMinutes(step);
        for (XYChart chart : panels) {
            chart.getStyler().setXAxisMin((double) date(first.toLocalDate().atStartOfDay()).getTime());
            chart.getStyler().setXAxisMax((double) date(last.toLocalDate().plusDays(
                    last.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? 0 : 1).atStartOfDay()).getTime());
        }
    }

    private static Path save(Path file, List<XYChart> panels) {
        return AtomicOutput.writeFile(file, out -> BitmapEncoder.saveBitmap(panels, panels.size(), 1, out,
                BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title).yAxisTitle(yTitle)
                .build();
        XYStyler s = chart.getStyler();
        s.setTimezone(ZONE);
        s.setDatePattern("EEE dd MMM");
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setYAxisMin(0.0);
        s.setYAxisDecimalPattern("#,##0");
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAntiAlias(true);
        return chart;
    }

    private static XYChart forecastChart(String channel, List<ForecastPoint> points, List<Peak> peaks, Color colour,
                                         int step) {
        XYChart chart = chart(channel + ": forecast, prediction interval, peaks and troughs",
                "contacts per interval");
        // The band is drawn as one closed polygon per run of consecutive intervals, so closed hours stay empty.
        List<List<ForecastPoint>> runs = runs(points, ForecastPoint::intervalStart, step);
        Color band = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60);
        for (int i = 0; i < runs.size(); i++) {
            List<ForecastPoint> r = runs.get(i);
            List<Date> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ForecastPoint p : r) {
                x.add(date(p.intervalStart()));
                y.add(finite(p.volumeUpper(), p.volume()));
            }
            for (int k = r.size() - 1; k >= 0; k--) {
                x.add(date(r.get(k).intervalStart()));
                y.add(finite(r.get(k).volumeLower(), r.get(k).volume()));
            }
            XYSeries s = chart.addSeries(i == 0 ? "prediction interval" : "band " + i, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(band);
            s.setLineColor(band);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(i == 0);
        }
        addBroken(chart, "forecast", runs, ForecastPoint::intervalStart, ForecastPoint::volume, colour, 2f, false);
        List<Date> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        List<Date> tx = new ArrayList<>();
        List<Double> ty = new ArrayList<>();
        for (ForecastPoint p : points) {
            for (Peak w : peaks) {
                if (w.channel().equals(channel) && !p.intervalStart().isBefore(w.start())
                        && p.intervalStart().isBefore(w.end())) {
                    if (w.kind().equals("peak")) {
                        px.add(date(p.intervalStart()));
                        py.add(p.volume());
                    } else if (w.kind().equals("trough")) {
                        tx.add(date(p.intervalStart()));
                        ty.add(p.volume());
                    }
                }
            }
        }
        if (!px.isEmpty()) {
            scatter(chart, "peak window", px, py, Palette.PEAK, true);
        }
        // The busiest and quietest days are named over the day, near the top of the panel.
        double top = points.stream().mapToDouble(p -> finite(p.volumeUpper(), p.volume())).max().orElse(0) * 0.97;
        for (Peak w : peaks) {
            if (w.channel().equals(channel) && (w.kind().equals("peak-day") || w.kind().equals("trough-day"))) {
                LocalDateTime middle = w.start().plusSeconds(
                        Duration.between(w.start(), w.end()).toSeconds() / 2);
                chart.addAnnotation(new AnnotationText(w.kind().equals("peak-day") ? "busiest day" : "quietest day",
                        date(middle).getTime(), top, false));
            }
        }
        if (!tx.isEmpty()) {
            scatter(chart, "trough window", tx, ty, Palette.TROUGH, false);
        }
        return chart;
    }

    private static void scatter(XYChart chart, String name, List<Date> x, List<Double> y, Color colour, boolean up) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(up ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.TRIANGLE_DOWN);
        s.setMarkerColor(colour);
    }

    /**
     * Stacked step areas on the whole-day grid: covered (the channel's light colour), then short up to the
     * requirement (red) and surplus up to the schedule (grey). One closed polygon per band, zero-height where the
     * band is empty or the channel closed.
     */
    private static XYChart coverageChart(String label, String channel, CoverageGrid grid, int index) {
        XYChart chart = chart(label + ": agents covered, short (red) and surplus (grey)", "agents");
        CoverageGrid.Channel g = grid.channels().get(channel);
        int n = grid.times().size();
        double[] zero = new double[n];
        double[] covered = new double[n];
        for (int i = 0; i < n; i++) {
            covered[i] = g.covered(i);
        }
        band(chart, "covered", grid, zero, covered, Palette.channelFill(index));
        band(chart, "short", grid, covered, g.required(), Palette.SHORT_AREA);
        band(chart, "surplus", grid, covered, g.scheduled(), Palette.SURPLUS_AREA);
        return chart;
    }

    /** The area between {@code lower} and {@code upper} (where upper is higher), drawn as steps over each interval. */
    private static void band(XYChart chart, String name, CoverageGrid grid, double[] lower, double[] upper,
                             Color colour) {
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int n = grid.times().size();
        for (int i = 0; i < n; i++) {
            LocalDateTime t = grid.times().get(i);
            double top = Math.max(lower[i], upper[i]);
            x.add(date(t));
            y.add(top);
            x.add(date(t.plusMinutes(grid.step())));
            y.add(top);
        }
        for (int i = n - 1; i >= 0; i--) {
            LocalDateTime t = grid.times().get(i);
            x.add(date(t.plusMinutes(grid.step())));
            y.add(lower[i]);
            x.add(date(t));
            y.add(lower[i]);
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(colour);
        // no outline: an empty band is a zero-height polygon, whose outline would draw a line along the one below
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(SeriesMarkers.NONE);
    }

    /** One line per run of consecutive intervals, the first in the legend, all in one colour. */
    private static <T> List<XYSeries> addBroken(XYChart chart, String name, List<List<T>> runs,
                                                Function<T, LocalDateTime> at, Function<T, Double> value,
                                                Color colour, float width, boolean dashed) {
        BasicStroke stroke = dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        List<XYSeries> added = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Date> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (T p : runs.get(i)) {
                x.add(date(at.apply(p)));
                y.add(finite(value.apply(p), 0));
            }
            XYSeries s = chart.addSeries(i == 0 ? name : name + " " + i, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour);
            s.setLineStyle(stroke);
            s.setShowInLegend(i == 0);
            added.add(s);
        }
        return added;
    }

    /** Splits time-ordered points where the next one is more than one interval later. */
    private static <T> List<List<T>> runs(List<T> points, Function<T, LocalDateTime> at, int step) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        LocalDateTime prev = null;
        for (T p : points) {
            LocalDateTime t = at.apply(p);
            if (prev != null && t.isAfter(prev.plusMinutes(step))) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(p);
            prev = t;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static double finite(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    /** Local date-times drawn as UTC instants with a UTC axis, so labels show the plan's wall-clock times. */
    private static Date date(LocalDateTime t) {
        return Date.from(t.toInstant(ZoneOffset.UTC));
    }
}
