package org.wfm.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.wfm.forecast.history.History;
import org.wfm.forecast.model.Combination;
import org.wfm.forecast.model.DailyTotalProfile;
import org.wfm.forecast.model.DoubleSeasonalHoltWinters;
import org.wfm.forecast.model.ForecastMethod;

/**
 * {@code wfm backtest}: rolling-origin accuracy of every method on every channel (see
 * {@link RollingOrigin}), and of {@code auto} itself, choosing at each origin from the data before it.
 * Interval coverage is measured at 80 % with intervals calibrated on the other folds, so it is an honest
 * out-of-sample figure when there are two folds or more.
 */
public final class Backtest {
    static final double COVERAGE_LEVEL = 80;

    public List<BacktestRow> run(History h, int folds, int horizonDays, List<Holiday> holidays, Consumer<String> progress) {
        if (folds < 1 || horizonDays < 1) {
            throw new IllegalArgumentException("folds and horizon days must be at least 1");
        }
        Consumer<String> log = progress == null ? s -> { } : progress;
        LocalDate[] range = ForecastEngine.dateRange(h);
        Set<LocalDate> holidayDates = new HashSet<>();
        (holidays == null ? List.<Holiday>of() : holidays).forEach(x -> holidayDates.add(x.date()));
        Consumer<String> syncLog = message -> {
            synchronized (log) {
                log.accept(message);
            }
        };
        // channels in parallel, rows in channel order whatever the scheduling
        List<BacktestRow> rows = new ArrayList<>();
        new TreeMap<>(h.channels()).keySet().parallelStream()
                .map(channel -> channelRows(h, channel, folds, horizonDays, range, holidayDates, syncLog))
                .toList().forEach(rows::addAll);
        return rows;
    }

    /**
     * {@code auto} itself, nested: at each fold's origin the choice is made from the history before it
     * (its own inner backtest and opening hours), as a forecast made that day would have been.
     */
    private static RollingOrigin.Score auto(History h, String channel, RollingOrigin ro, int horizonDays,
                                            LocalDate[] range, Set<LocalDate> holidayDates, Consumer<String> log) {
        long t0 = System.nanoTime();
        List<double[][]> forecasts = new ArrayList<>();
        for (int origin : ro.origins()) {
            ChannelData before = new ChannelData(h.channels().get(channel), h.zone(), h.intervalMinutes(), range[0],
                    range[0].plusDays(origin - 1L), holidayDates);
            ForecastEngine.Choice choice = ForecastEngine.choose(before, horizonDays, s -> { });
            log.accept(channel + ": auto at " + range[0].plusDays(origin) + " chose " + choice.method().name());
            forecasts.add(choice.method().forecast(before.fit, horizonDays));
        }
        RollingOrigin.Score score = ro.scoreForecasts(ForecastEngine.AUTO, forecasts);
        score.seconds = (System.nanoTime() - t0) / 1e9;
        return score;
    }

    private static List<BacktestRow> channelRows(History h, String channel, int folds, int horizonDays, LocalDate[] range,
                                                 Set<LocalDate> holidayDates, Consumer<String> log) {
        ChannelData data = new ChannelData(h.channels().get(channel), h.zone(), h.intervalMinutes(), range[0],
                range[1], holidayDates);
        RollingOrigin ro = new RollingOrigin(data, horizonDays, folds);
        if (ro.folds() == 0) {
            log.accept(channel + ": history too short for a " + horizonDays + "-day backtest");
            return List.of();
        }
        List<ForecastMethod> methods = new ArrayList<>(ForecastEngine.baseMethods());
        methods.add(new Combination(List.of(new DoubleSeasonalHoltWinters(), new DailyTotalProfile())));
        Map<String, RollingOrigin.Score> scores = new java.util.LinkedHashMap<>(ro.evaluate(methods, log));
        scores.put(ForecastEngine.AUTO, auto(h, channel, ro, horizonDays, range, holidayDates, log));
        List<BacktestRow> rows = new ArrayList<>();
        for (RollingOrigin.Score s : scores.values()) {
            rows.add(new BacktestRow(channel, s.method, s.wape(), s.mase(), s.bias(),
                    s.coverage(data.slots, COVERAGE_LEVEL), s.seconds));
        }
        return rows;
    }
}
