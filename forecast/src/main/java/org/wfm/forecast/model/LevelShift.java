package org.wfm.forecast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A change of level in the last weeks of a history, found so that forecasts follow it instead of
 * averaging it away (a weekday average over eight weeks would take two months to catch up with a 30 %
 * rise). On weekday-adjusted log daily totals of the last {@value #WINDOW_DAYS} days, the split that
 * maximises the two-sample statistic |mean after − mean before| / (σ √(1/n₁ + 1/n₂)) is the change point
 * (the CUSUM-type estimate of a single mean shift: Hinkley, "Inference about the change-point in a sequence
 * of random variables", Biometrika 57 (1970) 1-17); σ comes from the median absolute first difference, so
 * the shift itself does not inflate it. The split must leave at least {@value #MIN_AFTER} open days after it
 * and fall in the last {@value #RECENT_DAYS} days. With a year of history or more, the change over the same
 * dates a year earlier is subtracted, so that a recurring seasonal move (the run-up to Christmas) is not
 * taken for a shift. A shift counts when the statistic exceeds {@value #MIN_STATISTIC} (a conservative bound
 * for the maximum over some fifty candidate splits) and the change is at least {@value #MIN_PERCENT} %.
 *
 * <p>Following it: the days before the change are rescaled by the size of the change, so every method
 * fitted afterwards sees one level ({@link Following}).
 */
public final class LevelShift {
    static final int WINDOW_DAYS = 112;
    static final int RECENT_DAYS = 56;
    static final int MIN_AFTER = 7;
    static final int MIN_BEFORE = 28;
    static final double MIN_STATISTIC = 5;
    static final double MIN_PERCENT = 10;
    static final int YEAR = 364;

    /** A shift of {@code logChange} starting at day {@code from} of the series. */
    public record Shift(int from, double logChange, double statistic) {
        public double percent() {
            return 100 * (Math.exp(logChange) - 1);
        }
    }

    private LevelShift() {
    }

    /** The recent shift, or null. */
    public static Shift detect(Series history) {
        int n = history.days();
        if (n < WINDOW_DAYS) {
            return null;
        }
        double[] z = adjusted(history, n - WINDOW_DAYS, n);
        double sigma = noise(z);
        if (sigma <= 0) {
            return null;
        }
        boolean lastYear = n - WINDOW_DAYS - YEAR >= 0;
        double[] zPrev = lastYear ? adjusted(history, n - WINDOW_DAYS - YEAR, n - YEAR) : null;
        Shift best = null;
        for (int tau = WINDOW_DAYS - RECENT_DAYS; tau <= WINDOW_DAYS - MIN_AFTER; tau++) {
            double[] a = meanCount(z, 0, tau);
            double[] b = meanCount(z, tau, WINDOW_DAYS);
            if (a[1] < MIN_BEFORE || b[1] < MIN_AFTER) {
                continue;
            }
            double delta = b[0] - a[0];
            double se = sigma * Math.sqrt(1 / a[1] + 1 / b[1]);
            if (zPrev != null) {
                double[] pa = meanCount(zPrev, 0, tau);
                double[] pb = meanCount(zPrev, tau, WINDOW_DAYS);
                if (pa[1] >= MIN_BEFORE && pb[1] >= MIN_AFTER) {
                    delta -= pb[0] - pa[0];
                    se *= Math.sqrt(2);
                }
            }
            double stat = Math.abs(delta) / se;
            if (best == null || stat > best.statistic()) {
                best = new Shift(n - WINDOW_DAYS + tau, delta, stat);
            }
        }
        if (best == null || best.statistic() < MIN_STATISTIC
                || Math.abs(best.logChange()) < Math.log(1 + MIN_PERCENT / 100)) {
            return null;
        }
        return best;
    }

    /** The history with the days before the shift scaled to the new level. */
    public static Series rescaled(Series history, Shift s) {
        double f = Math.exp(s.logChange());
        double[][] v = new double[history.days()][];
        for (int d = 0; d < history.days(); d++) {
            double[] row = history.day(d);
            if (d >= s.from() || !history.open(d)) {
                v[d] = row;
            } else {
                v[d] = new double[row.length];
                for (int i = 0; i < row.length; i++) {
                    v[d][i] = row[i] * f;
                }
            }
        }
        return new Series(history.start(), history.intervalMinutes(), v);
    }

    /** A method fitted on the history rescaled to its recent level when a shift is found. */
    public static final class Following implements ForecastMethod {
        private final ForecastMethod inner;

        public Following(ForecastMethod inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public double[][] forecast(Series history, int horizonDays) {
            Shift s = detect(history);
            return inner.forecast(s == null ? history : rescaled(history, s), horizonDays);
        }

        @Override
        public ForecastMethod frozen() {
            return new Following(inner.frozen());
        }
    }

    /** log(1 + total) minus its weekday's median within [from, to); NaN for closed or empty days. */
    static double[] adjusted(Series h, int from, int to) {
        double[] z = new double[to - from];
        List<List<Double>> byWeekday = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            byWeekday.add(new ArrayList<>());
        }
        for (int d = from; d < to; d++) {
            double t = h.open(d) ? h.total(d) : 0;
            z[d - from] = t > 0 ? Math.log1p(t) : Double.NaN;
            if (t > 0) {
                byWeekday.get(h.weekday(d).ordinal()).add(z[d - from]);
            }
        }
        for (int d = from; d < to; d++) {
            List<Double> same = byWeekday.get(h.weekday(d).ordinal());
            if (!Double.isNaN(z[d - from])) {
                z[d - from] = same.size() < 3 ? Double.NaN : z[d - from] - Medians.of(same);
            }
        }
        return z;
    }

    /** Robust noise level: 1.4826 × median |Δz| / √2 over consecutive open days. */
    static double noise(double[] z) {
        List<Double> diffs = new ArrayList<>();
        double prev = Double.NaN;
        for (double v : z) {
            if (!Double.isNaN(v)) {
                if (!Double.isNaN(prev)) {
                    diffs.add(Math.abs(v - prev));
                }
                prev = v;
            }
        }
        return diffs.isEmpty() ? 0 : 1.4826 * Medians.of(diffs) / Math.sqrt(2);
    }

    private static double[] meanCount(double[] z, int from, int to) {
        double s = 0;
        int c = 0;
        for (int d = from; d < to; d++) {
            if (!Double.isNaN(z[d])) {
                s += z[d];
                c++;
            }
        }
        return new double[] {c == 0 ? 0 : s / c, c};
    }

}
