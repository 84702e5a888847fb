package org.wfm.forecast.bench;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.wfm.forecast.Holiday;
import org.wfm.forecast.HolidayReader;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.HistoryReader;
import org.wfm.forecast.intraday.IntradayBacktest;

/**
 * Intraday reforecast backtest (not a unit test): {@code IntradayBenchmark history.csv holidays.csv [zone] [days]
 * [method]}. Replays the newest {@code days} days (default 28) at 09:00, 10:30, 12:00, 14:00 and 16:00 and prints,
 * per channel and time, the rest-of-day WAPE of the night's forecast and of the update, and how often each one's
 * 80% interval held the outcome.
 */
public final class IntradayBenchmark {
    private IntradayBenchmark() {
    }

    public static void main(String[] args) {
        List<Holiday> holidays = args.length > 1 ? HolidayReader.read(Path.of(args[1])) : List.of();
        ZoneId zone = ZoneId.of(args.length > 2 ? args[2] : "Europe/London");
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 28;
        String method = args.length > 4 ? args[4] : "auto";
        History h = HistoryReader.read(Path.of(args[0]), zone);
        long t0 = System.nanoTime();
        List<IntradayBacktest.Row> rows = IntradayBacktest.run(h, holidays, method, 80, days,
                List.of(LocalTime.of(9, 0), LocalTime.of(10, 30), LocalTime.of(12, 0), LocalTime.of(14, 0),
                        LocalTime.of(16, 0)));
        System.out.printf(Locale.ROOT, "%d days replayed with %s in %.1f s%n", days, method, (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "%-8s %-6s %10s %10s %8s %10s %10s %6s %5s%n", "channel", "at", "night WAPE",
                "upd WAPE", "change", "night 80%", "upd 80%", "Z", "days");
        double[] tot = new double[2];
        for (IntradayBacktest.Row r : rows) {
            System.out.printf(Locale.ROOT, "%-8s %-6s %9.1f%% %9.1f%% %+7.1f%% %9.1f%% %9.1f%% %6.2f %5d%n", r.channel(),
                    r.cut(), 100 * r.nightWape(), 100 * r.updatedWape(),
                    100 * (r.updatedWape() / r.nightWape() - 1), 100 * r.nightCover(), 100 * r.updatedCover(),
                    r.meanWeight(), r.days());
            tot[0] += r.nightWape();
            tot[1] += r.updatedWape();
        }
        System.out.printf(Locale.ROOT, "mean over channels and times: night %.1f%%, updated %.1f%% (%+.1f%%)%n",
                100 * tot[0] / rows.size(), 100 * tot[1] / rows.size(), 100 * (tot[1] / tot[0] - 1));
    }
}
