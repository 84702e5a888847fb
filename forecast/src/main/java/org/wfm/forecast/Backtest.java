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
 * {@link RollingOrigin}). Interval coverage is measured at 80 % with intervals calibrated on the other
 * folds, so it is an honest out-of-sample figure when there are two folds or more.
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
        Map<String, RollingOrigin.Score> scores = ro.evaluate(methods, log);
        List<BacktestRow> rows = new ArrayList<>();
        for (RollingOrigin.Score s : scores.values()) {
            rows.add(new BacktestRow(channel, s.method, s.wape(), s.mase(), s.bias(),
                    s.coverage(data.slots, COVERAGE_LEVEL), s.seconds));
        }
        return rows;
    }
}
