package org.wfm.forecast.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.wfm.forecast.Backtest;
import org.wfm.forecast.BacktestRow;
import org.wfm.forecast.ForecastEngine;
import org.wfm.forecast.ForecastOptions;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.Holiday;
import org.wfm.forecast.HolidayReader;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.HistoryReader;
import org.wfm.forecast.history.Observation;

/**
 * Accuracy and speed on a real-looking history (not a unit test). Usage:
 * {@code ForecastBenchmark history.csv holidays.csv [zone] [origins] [horizonDays]}.
 *
 * <p>Speed: read the file, then {@code auto} with a 42-day horizon. Accuracy: for several forecast
 * origins four weeks apart (13 of them span a year), forecast 14 days from the history before the origin with {@code auto}
 * and every single method, and score the published intervals against what happened (WAPE and coverage of
 * the 80 % intervals), per channel and per lead-time bucket (day 1, days 2-3, days 4+). Days without any row in the history (closed, outage) are not scored.
 */
public final class ForecastBenchmark {
    public static void main(String[] args) {
        Path historyFile = Path.of(args[0]);
        List<Holiday> holidays = args.length > 1 ? HolidayReader.read(Path.of(args[1])) : List.of();
        ZoneId zone = ZoneId.of(args.length > 2 ? args[2] : "Europe/London");
        int origins = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int horizon = args.length > 4 ? Integer.parseInt(args[4]) : 14;
        List<String> methods = args.length > 5 ? List.of(args[5].split(",")) : List.of("auto", "seasonal-naive", "weekday-average",
                "holt-winters", "daily-profile", "combination");
        long t0 = System.nanoTime();
        History h = HistoryReader.read(historyFile, zone);
        long t1 = System.nanoTime();
        ForecastResult full = new ForecastEngine().forecast(h, new ForecastOptions(null, 42, holidays, "auto", 80), s -> { });
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "read %.2f s; auto 42 days %.2f s (%d points)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                full.points().size());
        full.methodByChannel().forEach((c, m) -> System.out.println("  " + c + ": " + m + " — " + full.reasonByChannel().get(c)));

        Map<String, Map<LocalDateTime, Double>> actual = new HashMap<>();
        Map<String, Map<LocalDateTime, Double>> actualAht = new HashMap<>();
        Set<String> daysWithRows = new HashSet<>();
        LocalDate last = LocalDate.MIN;
        for (var ch : h.channels().values()) {
            Map<LocalDateTime, Double> m = new HashMap<>();
            Map<LocalDateTime, Double> ma = new HashMap<>();
            for (Observation o : ch.observations()) {
                m.put(o.start(), o.volume());
                if (!Double.isNaN(o.ahtSeconds())) {
                    ma.put(o.start(), o.ahtSeconds());
                }
                daysWithRows.add(ch.channel() + o.start().toLocalDate());
                last = o.start().toLocalDate().isAfter(last) ? o.start().toLocalDate() : last;
            }
            actual.put(ch.channel(), m);
            actualAht.put(ch.channel(), ma);
        }
        // method|lead bucket -> {abs error, actual, inside, n}, all channels
        Map<String, double[]> byLead = new TreeMap<>();
        // key method|channel -> {abs error, actual, inside, n}
        Map<String, double[]> acc = new TreeMap<>();
        // method|channel|date -> {forecast, actual}: day-level accuracy, where the method matters more than noise
        Map<String, double[]> daily = new HashMap<>();
        for (int k = 0; k < origins; k++) {
            LocalDate origin = System.getProperty("origins") != null
                    ? LocalDate.parse(System.getProperty("origins").split(",")[k]) : last.minusDays(horizon - 1L + 28L * k);
            for (String method : methods) {
                long s0 = System.nanoTime();
                ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(origin, horizon, holidays, method, 80), s -> { });
                double secs = (System.nanoTime() - s0) / 1e9;
                for (ForecastPoint p : r.points()) {
                    if (!daysWithRows.contains(p.channel() + p.intervalStart().toLocalDate())) {
                        continue;
                    }
                    double a = actual.get(p.channel()).getOrDefault(p.intervalStart(), 0.0);
                    for (String key : List.of(method + "|" + p.channel(), method + "|all")) {
                        double[] dv = daily.computeIfAbsent(key + "|" + p.channel() + p.intervalStart().toLocalDate() + origin,
                                x -> new double[2]);
                        dv[0] += p.volume();
                        dv[1] += a;
                    }
                    int lead = (int) java.time.temporal.ChronoUnit.DAYS.between(origin, p.intervalStart().toLocalDate());
                    String bucket = lead < 1 ? "d1" : lead < 3 ? "d2-3" : "d4+";
                    double[] bv = byLead.computeIfAbsent(method + "|" + bucket, x -> new double[4]);
                    bv[0] += Math.abs(a - p.volume());
                    bv[1] += a;
                    bv[2] += a >= p.volumeLower() - 1e-9 && a <= p.volumeUpper() + 1e-9 ? 1 : 0;
                    bv[3] += 1;
                    for (String key : List.of(method + "|" + p.channel(), method + "|all")) {
                        double[] v = acc.computeIfAbsent(key, x -> new double[5]);
                        v[0] += Math.abs(a - p.volume());
                        v[1] += a;
                        v[2] += a >= p.volumeLower() - 1e-9 && a <= p.volumeUpper() + 1e-9 ? 1 : 0;
                        v[3] += 1;
                        Double aa = actualAht.get(p.channel()).get(p.intervalStart());
                        if (aa != null && !Double.isNaN(p.ahtSeconds())) {
                            // AHT error weighted by contacts: the handle time the staffing maths will get wrong
                            double[] w = acc.computeIfAbsent(key + "|aht", x -> new double[5]);
                            w[0] += Math.abs(aa - p.ahtSeconds()) * a;
                            w[1] += aa * a;
                            w[3] += 1;
                        }
                    }
                }
                acc.computeIfAbsent(method + "|all", x -> new double[5])[4] += secs;
                if (method.equals("auto")) {
                    System.out.println("origin " + origin + ": " + r.methodByChannel());
                }
            }
        }
        Map<String, double[]> dayWape = new HashMap<>();
        daily.forEach((k, v) -> {
            double[] w = dayWape.computeIfAbsent(k.substring(0, k.lastIndexOf('|')), x -> new double[2]);
            w[0] += Math.abs(v[0] - v[1]);
            w[1] += v[1];
        });
        System.out.printf(Locale.ROOT, "%-28s %8s %9s %9s %8s%n", "method|channel", "WAPE", "day WAPE", "coverage", "seconds");
        acc.forEach((key, v) -> {
            if (key.endsWith("|aht")) {
                System.out.printf(Locale.ROOT, "%-28s %7.2f%% (AHT error weighted by contacts)%n", key, 100 * v[0] / v[1]);
                return;
            }
            double[] w = dayWape.get(key);
            System.out.printf(Locale.ROOT, "%-28s %7.2f%% %8.2f%% %8.1f%% %8.1f%n", key, 100 * v[0] / v[1],
                    100 * w[0] / w[1], 100 * v[2] / v[3], v[4]);
        });
        System.out.printf(Locale.ROOT, "%nWAPE (coverage of the %s%% interval) by lead time, all channels, %d origins:%n", "80",
                origins);
        System.out.printf(Locale.ROOT, "%-18s %16s %16s %16s%n", "method", "day 1", "days 2-3", "days 4+");
        for (String method : methods) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", method));
            for (String bucket : List.of("d1", "d2-3", "d4+")) {
                double[] v = byLead.get(method + "|" + bucket);
                line.append(v == null ? String.format(Locale.ROOT, " %16s", "-")
                        : String.format(Locale.ROOT, " %7.2f%% (%4.1f%%)", 100 * v[0] / v[1], 100 * v[2] / v[3]));
            }
            System.out.println(line);
        }
        if (args.length > 6) {
            long b0 = System.nanoTime();
            List<BacktestRow> rows = new Backtest().run(h, 4, horizon, holidays, s -> { });
            System.out.printf(Locale.ROOT, "backtest (4 folds × %d days) %.1f s%n", horizon, (System.nanoTime() - b0) / 1e9);
            for (BacktestRow row : rows) {
                System.out.printf(Locale.ROOT, "  %-6s %-40s WAPE %5.1f%% MASE %.2f bias %+5.1f%% cover %5.1f%% %.2fs%n",
                        row.channel(), row.method(), 100 * row.wape(), row.mase(), 100 * row.bias(),
                        100 * row.intervalCoverage(), row.seconds());
            }
        }
    }
}
