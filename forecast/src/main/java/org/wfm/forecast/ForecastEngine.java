package org.wfm.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.Observation;
import org.wfm.forecast.model.Combination;
import org.wfm.forecast.model.DailyTotalProfile;
import org.wfm.forecast.model.DoubleSeasonalHoltWinters;
import org.wfm.forecast.model.ForecastMethod;
import org.wfm.forecast.model.LevelShift;
import org.wfm.forecast.model.SeasonalNaive;
import org.wfm.forecast.model.WeekdayAverage;

/**
 * Forecasts every channel of a history: picks the method (or uses the one asked for), forecasts the
 * open intervals of the horizon, applies holidays and DST, adds prediction intervals calibrated on
 * rolling-origin backtest errors, forecasts AHT, and finds peaks and troughs.
 *
 * <p>{@code auto} backtests every method per channel on the history itself with the asked horizon
 * ({@value #AUTO_ORIGINS} origins a week apart) and chooses per lead-time bucket (day 1, days 2-3, days
 * 4+), shrinking toward the weekday average where the evidence is thin ({@link LeadTimeSelection}); the
 * reason records the figures. Prediction intervals come from {@link IntervalCalibration}.
 */
public final class ForecastEngine {
    public static final String AUTO = "auto";
    /**
     * Backtest origins (a week apart) for {@code auto} and interval calibration: eight give eight draws of
     * each lead time's error, about two months back, and cost little since parameters are estimated at the
     * first origin only.
     */
    static final int AUTO_ORIGINS = 8;
    static final int AVERAGE_WEEKS = 8;

    /** {@code auto} followed by every method name, for help and completion. */
    public static List<String> methodNames() {
        return List.of(AUTO, SeasonalNaive.NAME, WeekdayAverage.NAME, DoubleSeasonalHoltWinters.NAME,
                DailyTotalProfile.NAME, Combination.NAME);
    }

    /** The methods {@code auto} chooses among (a combination of the best two is added). */
    static List<ForecastMethod> baseMethods() {
        return List.of(follow(new SeasonalNaive()), follow(new WeekdayAverage(AVERAGE_WEEKS)),
                follow(new DoubleSeasonalHoltWinters()), follow(new DailyTotalProfile()));
    }

    /** Every method follows a recent level shift ({@link LevelShift}) rather than averaging it away. */
    private static ForecastMethod follow(ForecastMethod m) {
        return new LevelShift.Following(m);
    }

    /** A method by name; {@code combination} alone means Holt-Winters with the daily-profile model. */
    static ForecastMethod method(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case SeasonalNaive.NAME -> follow(new SeasonalNaive());
            case WeekdayAverage.NAME -> follow(new WeekdayAverage(AVERAGE_WEEKS));
            case DoubleSeasonalHoltWinters.NAME -> follow(new DoubleSeasonalHoltWinters());
            case DailyTotalProfile.NAME -> follow(new DailyTotalProfile());
            case Combination.NAME -> new Combination(List.of(follow(new DoubleSeasonalHoltWinters()),
                    follow(new DailyTotalProfile())));
            default -> throw new IllegalArgumentException("unknown method " + name + "; expected one of "
                    + String.join(", ", methodNames()));
        };
    }

    public ForecastResult forecast(History h, ForecastOptions o, Consumer<String> progress) {
        Consumer<String> log = progress == null ? s -> { } : progress;
        Setup setup = setup(h, o);
        // Channels are independent: forecast them in parallel (2 cores make auto twice as fast), then
        // assemble in name order so the result does not depend on scheduling.
        Consumer<String> syncLog = message -> {
            synchronized (log) {
                log.accept(message);
            }
        };
        return assemble(series(h).parallelStream()
                .map(channel -> forecastChannel(h, o, channel, setup, syncLog))
                .toList());
    }

    /**
     * The series of {@code h} in the order {@link #assemble} expects (channel names, sorted): each can be forecast
     * apart by {@link #forecastSeries}, in another thread or on another machine, and the parts assembled give
     * exactly {@link #forecast}'s result.
     */
    public static List<String> series(History h) {
        return new ArrayList<>(new TreeMap<>(h.channels()).keySet());
    }

    /**
     * One series of {@link #forecast}: the channel {@code channel} of {@code h}, forecast with the whole history's
     * date range (so the same as inside {@link #forecast}).
     */
    public SeriesForecast forecastSeries(History h, ForecastOptions o, String channel, Consumer<String> progress) {
        if (!h.channels().containsKey(channel)) {
            throw new IllegalArgumentException("no series " + channel + " in the history");
        }
        return forecastChannel(h, o, channel, setup(h, o), progress == null ? s -> { } : progress);
    }

    /** {@link #forecast}'s result from its series ({@link #forecastSeries}), whatever order they come in. */
    public static ForecastResult assemble(List<SeriesForecast> parts) {
        List<SeriesForecast> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparing(SeriesForecast::channel));
        List<ForecastPoint> points = new ArrayList<>();
        List<Peak> peaks = new ArrayList<>();
        Map<String, String> methodBy = new TreeMap<>();
        Map<String, String> reasonBy = new TreeMap<>();
        for (SeriesForecast cf : sorted) {
            points.addAll(cf.points());
            peaks.addAll(cf.peaks());
            methodBy.put(cf.channel(), cf.method());
            reasonBy.put(cf.channel(), cf.reason());
        }
        points.sort(Comparator.comparing(ForecastPoint::intervalStart).thenComparing(ForecastPoint::channel));
        return new ForecastResult(points, peaks, methodBy, reasonBy);
    }

    /**
     * One channel's share of the result. Serializable (as are its points and peaks), so a series forecast on a
     * Spark executor travels back to the driver as it is.
     */
    public record SeriesForecast(String channel, List<ForecastPoint> points, List<Peak> peaks, String method,
                                 String reason) implements java.io.Serializable {
        public SeriesForecast {
            points = new ArrayList<>(points);
            peaks = new ArrayList<>(peaks);
        }
    }

    /** What every series of one forecast shares: the history's training range, the gap and the holidays. */
    private record Setup(boolean auto, LocalDate first, LocalDate trainLast, LocalDate start, int gap,
                         Set<LocalDate> holidayDates, Map<LocalDate, Holiday> holidayByDate) {
    }

    private static Setup setup(History h, ForecastOptions o) {
        boolean auto = AUTO.equalsIgnoreCase(o.method().trim());
        if (!auto) {
            method(o.method()); // fail fast on an unknown name
        }
        LocalDate[] range = dateRange(h);
        LocalDate start = o.start() == null ? range[1].plusDays(1) : o.start();
        LocalDate trainLast = start.minusDays(1).isBefore(range[1]) ? start.minusDays(1) : range[1];
        if (trainLast.isBefore(range[0])) {
            throw new IllegalArgumentException("the forecast start " + start + " is before the history begins ("
                    + range[0] + ")");
        }
        int gap = (int) ChronoUnit.DAYS.between(trainLast, start) - 1;
        Set<LocalDate> holidayDates = new HashSet<>();
        Map<LocalDate, Holiday> holidayByDate = new HashMap<>();
        for (Holiday hol : o.holidays()) {
            holidayDates.add(hol.date());
            holidayByDate.put(hol.date(), hol);
        }
        return new Setup(auto, range[0], trainLast, start, gap, holidayDates, holidayByDate);
    }

    private SeriesForecast forecastChannel(History h, ForecastOptions o, String channel, Setup su,
                                           Consumer<String> log) {
        return forecastChannel(h, o, channel, su.auto(), su.first(), su.trainLast(), su.start(), su.gap(),
                su.holidayDates(), su.holidayByDate(), log);
    }

    private SeriesForecast forecastChannel(History h, ForecastOptions o, String channel, boolean auto, LocalDate first,
                                            LocalDate trainLast, LocalDate start, int gap, Set<LocalDate> holidayDates,
                                            Map<LocalDate, Holiday> holidayByDate, Consumer<String> log) {
        ChannelData data = new ChannelData(h.channels().get(channel), h.zone(), h.intervalMinutes(), first,
                trainLast, holidayDates, !o.keepUnusual());
        Choice choice = auto ? choose(data, o.horizonDays(), log) : fixed(data, o.method(), o.horizonDays(), log);
        log.accept(channel + ": forecasting with " + choice.method.name());
        double[][] f = choice.method.forecast(data.fit, gap + o.horizonDays());
        IntervalCalibration cal = new IntervalCalibration(choice.errors, o.level());
        double[][] aht = AhtProfile.of(data);
        List<ForecastPoint> channelPoints = new ArrayList<>();
        List<String> holidayNotes = new ArrayList<>();
        Set<LocalDate> afterHoliday = new HashSet<>();
        for (Holiday hol : o.holidays()) {
            LocalDate next = HolidayEffects.nextOpenDay(hol.date(), data, holidayDates);
            if (next != null && !next.isBefore(start)) {
                afterHoliday.add(next);
            }
        }
        double catchUp = afterHoliday.isEmpty() ? 1.0 : HolidayEffects.afterHolidayFactor(data, o.holidays(), holidayDates);
        for (int j = gap; j < gap + o.horizonDays(); j++) {
            LocalDate date = start.plusDays(j - gap);
            DayOfWeek wd = date.getDayOfWeek();
            Holiday hol = holidayByDate.get(date);
            double factor = hol == null ? 1.0 : HolidayEffects.factor(hol, data, o.holidays());
            if (hol != null) {
                holidayNotes.add(HolidayEffects.describe(date, factor));
            } else if (afterHoliday.contains(date) && catchUp != 1.0) {
                factor = catchUp;
                holidayNotes.add(HolidayEffects.describe(date, factor) + " (after a holiday)");
            }
            if (factor == 0 || !data.openWeekday(wd)) {
                continue;
            }
            for (int s = 0; s < data.slots; s++) {
                LocalDateTime t = date.atStartOfDay().plusMinutes((long) s * data.minutes);
                int mult = ChannelData.multiplicity(h.zone(), t);
                if (mult == 0 || !data.open(wd, s)) {
                    continue;
                }
                double v = Math.max(0, f[j][s]) * factor;
                double[] lu = cal.interval(j, v);
                double a = aht == null ? Double.NaN : aht[wd.ordinal()][s];
                channelPoints.add(new ForecastPoint(t, channel, v * mult, lu[0] * mult, lu[1] * mult, a));
            }
        }
        String reason = choice.reason + (cal.empirical()
                ? String.format(Locale.ROOT, "; %s%% intervals from %d backtest errors (overdispersion κ %.3f on day 1, %.3f"
                        + " on the last day)", fmt(o.level()), choice.errors.size(), cal.kappa(gap), cal.kappa(gap + o.horizonDays() - 1))
                : "; intervals assume Poisson variation (too few backtest errors)");
        if (!data.unusual.isEmpty()) {
            reason += "; " + data.unusual.describe() + " (--keep-outliers keeps them)";
        }
        LevelShift.Shift shift = LevelShift.detect(data.fit);
        if (shift != null) {
            reason += String.format(Locale.ROOT, "; level shift of %+.0f%% from %s followed (earlier weeks rescaled)",
                    shift.percent(), data.date(shift.from()));
        }
        if (!holidayNotes.isEmpty()) {
            reason += "; holidays " + String.join(", ", holidayNotes);
        }
        if (java.util.Arrays.stream(DayOfWeek.values()).noneMatch(data::openWeekday)) {
            reason += "; no rows in the last " + ChannelData.OPENING_WEEKS + " weeks: treated as closed, nothing forecast";
        }
        return new SeriesForecast(channel, channelPoints, PeakFinder.find(channel, channelPoints, h.intervalMinutes()),
                choice.method.name(), reason);
    }

    /** The chosen method, why, and its backtest errors for the prediction intervals. */
    record Choice(ForecastMethod method, String reason, IntervalCalibration.Errors errors) {
    }

    private Choice fixed(ChannelData data, String name, int horizon, Consumer<String> log) {
        ForecastMethod m = method(name);
        RollingOrigin ro = new RollingOrigin(data, horizon, AUTO_ORIGINS);
        if (ro.folds() == 0) {
            return new Choice(m, "asked for " + m.name(), new IntervalCalibration.Errors());
        }
        RollingOrigin.Score s = ro.evaluate(List.of(m), log).get(m.name());
        return new Choice(m, String.format(Locale.ROOT, "asked for %s (backtest WAPE %.1f%% over %d origins × %d days)",
                m.name(), 100 * s.wape(), ro.folds(), horizon), s.errors(-1, data.slots));
    }

    static Choice choose(ChannelData data, int horizon, Consumer<String> log) {
        RollingOrigin ro = new RollingOrigin(data, horizon, AUTO_ORIGINS);
        if (ro.folds() == 0) {
            ForecastMethod m = new WeekdayAverage(AVERAGE_WEEKS);
            return new Choice(m, "history too short for a " + horizon + "-day backtest (" + data.days()
                    + " days); used the " + AVERAGE_WEEKS + "-week weekday average", new IntervalCalibration.Errors());
        }
        List<ForecastMethod> methods = baseMethods();
        Map<String, RollingOrigin.Score> scores = ro.evaluate(methods, log);
        LeadTimeSelection.Result r = LeadTimeSelection.select(ro, methods, scores, horizon, data.slots);
        String reason = LeadTimeSelection.describe(r, ro.folds(), horizon, scores);
        return new Choice(r.blend(), reason, r.score().errors(-1, data.slots));
    }

    private static String fmt(double level) {
        return level == Math.rint(level) ? String.valueOf((long) level) : String.valueOf(level);
    }

    /** The first date with any row in the history (e.g. to ask a holiday library from when). */
    public static LocalDate firstDate(History h) {
        return dateRange(h)[0];
    }

    /** The last date with any row; the default forecast starts the day after. */
    public static LocalDate lastDate(History h) {
        return dateRange(h)[1];
    }

    /** First and last date with any row over all channels. */
    static LocalDate[] dateRange(History h) {
        LocalDate first = null;
        LocalDate last = null;
        for (ChannelHistory ch : h.channels().values()) {
            List<Observation> obs = ch.observations();
            if (obs.isEmpty()) {
                continue;
            }
            LocalDate a = obs.get(0).start().toLocalDate();
            LocalDate b = obs.get(obs.size() - 1).start().toLocalDate();
            first = first == null || a.isBefore(first) ? a : first;
            last = last == null || b.isAfter(last) ? b : last;
        }
        if (first == null) {
            throw new IllegalArgumentException("the history has no observations");
        }
        return new LocalDate[] {first, last};
    }
}
