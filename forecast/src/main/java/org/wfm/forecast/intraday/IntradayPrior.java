package org.wfm.forecast.intraday;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.Observation;

/**
 * How uncertain a day's forecast is, split the way an intraday update needs it, learnt from one channel's history.
 *
 * <p>Model (the Poisson-gamma view of call arrivals with a random day level: Jongbloed &amp; Koole, Applied
 * Stochastic Models in Business and Industry 17, 2001; Avramidis, Deslauriers &amp; L'Ecuyer, Management Science
 * 50(7), 2004): the count of interval i of a day is Poisson with mean θ·ε<sub>i</sub>·f<sub>i</sub>, where f is the
 * forecast, θ the day's level (mean 1, variance {@code dayVariance}) and ε<sub>i</sub> the interval's own
 * deviation from the forecast shape (mean 1, variance {@code intervalVariance}). The day level is what the morning
 * reveals about the afternoon; the interval deviations are noise the update must not follow.
 *
 * <p>Estimation, by the method of moments against a simple forecast of each past day (the mean of the same
 * weekday and interval over the previous {@value #WEEKS} weeks, at least 2 of them): with R<sub>d</sub> the day's
 * total over the simple forecast's total P<sub>d</sub> and u<sub>i</sub> = a<sub>i</sub> − R<sub>d</sub>p<sub>i</sub>,
 * intervalVariance = max(0, Σ(u² − R p)) / Σ R²p², and dayVariance = max(0, mean (R − 1)² − mean
 * (1/P + intervalVariance·Σp²/P²)). A tenth of the days with the largest |R − 1| is left out of the day-level
 * moments (outages and one-off spikes are not what a normal morning predicts). The simple forecast errs more than
 * the engine's, so dayVariance is on the high side: the update then trusts the morning a little more than an
 * exact prior would.
 *
 * <p>Handling time likewise: the ratio of a day's contact-weighted AHT to the simple forecast's AHT varies between
 * days with variance {@code ahtDayVariance}; within a day, one contact's handling time over the day's mean varies
 * with variance {@code ahtContactVariance} (from the intervals' AHT, weighted by their contacts).
 */
public record IntradayPrior(double dayVariance, double intervalVariance, double ahtDayVariance,
                            double ahtContactVariance, int days) {
    /** Weeks of the same weekday averaged into the simple forecast. */
    static final int WEEKS = 4;
    /** Share of the most extreme days left out of the day-level moments. */
    static final double TRIM = 0.1;

    /** No history to learn from: the update keeps the forecast (a day level known exactly). */
    public static final IntradayPrior NONE = new IntradayPrior(0, 0, 0, 0, 0);

    /** Estimated from the history's days before {@code before} (all of them when null). */
    public static IntradayPrior estimate(ChannelHistory history, LocalDate before) {
        Map<LocalDate, Map<LocalTime, Observation>> byDay = new TreeMap<>();
        for (Observation o : history.observations()) {
            LocalDate d = o.start().toLocalDate();
            if (before != null && !d.isBefore(before)) {
                continue;
            }
            byDay.computeIfAbsent(d, k -> new TreeMap<>()).put(o.start().toLocalTime(), o);
        }
        List<double[]> dayStats = new ArrayList<>(); // {R, 1/P, Σp²/P²}
        List<double[]> ahtStats = new ArrayList<>(); // {ratio, contacts}
        double uNum = 0;
        double uDen = 0;
        double cNum = 0;
        double cDen = 0;
        for (Map.Entry<LocalDate, Map<LocalTime, Observation>> e : byDay.entrySet()) {
            LocalDate day = e.getKey();
            List<Map<LocalTime, Observation>> weeks = new ArrayList<>();
            for (int w = 1; w <= WEEKS; w++) {
                Map<LocalTime, Observation> past = byDay.get(day.minusWeeks(w));
                if (past != null) {
                    weeks.add(past);
                }
            }
            if (weeks.size() < 2) {
                continue;
            }
            Map<LocalTime, Observation> today = e.getValue();
            TreeMap<LocalTime, double[]> simple = new TreeMap<>(); // time -> {p, aht·p}
            for (Map<LocalTime, Observation> past : weeks) {
                for (Observation o : past.values()) {
                    double[] s = simple.computeIfAbsent(o.start().toLocalTime(), k -> new double[2]);
                    s[0] += o.volume() / weeks.size();
                    if (!Double.isNaN(o.ahtSeconds())) {
                        s[1] += o.volume() * o.ahtSeconds() / weeks.size();
                    }
                }
            }
            double total = 0;
            double p = 0;
            double p2 = 0;
            for (Map.Entry<LocalTime, double[]> s : simple.entrySet()) {
                Observation o = today.get(s.getKey());
                total += o == null ? 0 : o.volume();
                p += s.getValue()[0];
                p2 += s.getValue()[0] * s.getValue()[0];
            }
            if (p <= 0) {
                continue;
            }
            double r = total / p;
            dayStats.add(new double[] {r, 1 / p, p2 / (p * p)});
            for (Map.Entry<LocalTime, double[]> s : simple.entrySet()) {
                Observation o = today.get(s.getKey());
                double a = o == null ? 0 : o.volume();
                double pi = s.getValue()[0];
                double u = a - r * pi;
                uNum += u * u - r * pi;
                uDen += r * r * pi * pi;
            }
            // Handling time: the day's contact-weighted AHT over the simple forecast's, and per interval.
            double handled = 0;
            double contacts = 0;
            double simpleHandled = 0;
            double simpleContacts = 0;
            for (Map.Entry<LocalTime, double[]> s : simple.entrySet()) {
                Observation o = today.get(s.getKey());
                if (o != null && o.volume() > 0 && !Double.isNaN(o.ahtSeconds()) && s.getValue()[0] > 0
                        && s.getValue()[1] > 0) {
                    handled += o.volume() * o.ahtSeconds();
                    contacts += o.volume();
                    simpleHandled += s.getValue()[1];
                    simpleContacts += s.getValue()[0];
                }
            }
            if (contacts > 0 && simpleHandled > 0) {
                double dayAht = handled / contacts;
                ahtStats.add(new double[] {dayAht / (simpleHandled / simpleContacts), contacts});
                for (Observation o : today.values()) {
                    if (o.volume() > 0 && !Double.isNaN(o.ahtSeconds())) {
                        double dev = o.ahtSeconds() / dayAht - 1;
                        // An interval's mean of n contacts varies as σ²/n: n·dev² estimates σ².
                        cNum += o.volume() * dev * dev;
                        cDen += 1;
                    }
                }
            }
        }
        if (dayStats.isEmpty()) {
            return NONE;
        }
        double intervalVariance = uDen > 0 ? Math.max(0, uNum / uDen) : 0;
        dayStats.sort((x, y) -> Double.compare(Math.abs(x[0] - 1), Math.abs(y[0] - 1)));
        int keep = Math.max(1, (int) Math.ceil(dayStats.size() * (1 - TRIM)));
        double sq = 0;
        double noise = 0;
        for (int i = 0; i < keep; i++) {
            double[] s = dayStats.get(i);
            sq += (s[0] - 1) * (s[0] - 1);
            noise += s[1] + intervalVariance * s[2];
        }
        double dayVariance = Math.max(0, (sq - noise) / keep);
        double ahtContactVariance = cDen > 0 ? cNum / cDen : 0;
        double ahtDayVariance = 0;
        if (!ahtStats.isEmpty()) {
            ahtStats.sort((x, y) -> Double.compare(Math.abs(x[0] - 1), Math.abs(y[0] - 1)));
            int k = Math.max(1, (int) Math.ceil(ahtStats.size() * (1 - TRIM)));
            double s2 = 0;
            double n2 = 0;
            for (int i = 0; i < k; i++) {
                double[] s = ahtStats.get(i);
                s2 += (s[0] - 1) * (s[0] - 1);
                n2 += ahtContactVariance / s[1];
            }
            ahtDayVariance = Math.max(0, (s2 - n2) / k);
        }
        return new IntradayPrior(dayVariance, intervalVariance, ahtDayVariance, ahtContactVariance, dayStats.size());
    }

    /** Whether the estimate rests on any days (else the update keeps the forecast). */
    public boolean learnt() {
        return days > 0;
    }

    /** For messages: the day level's standard deviation and the days it was learnt from. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "day level ±%.1f%% (sd), interval noise ±%.1f%%, AHT day level ±%.1f%%,"
                        + " from %d days", 100 * Math.sqrt(dayVariance), 100 * Math.sqrt(intervalVariance),
                100 * Math.sqrt(ahtDayVariance), days);
    }
}
