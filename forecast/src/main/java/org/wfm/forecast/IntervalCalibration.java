package org.wfm.forecast;

import java.util.Arrays;

/**
 * Prediction intervals from a count-aware error model, calibrated on rolling-origin backtest errors.
 *
 * <p>Model: given the forecast f, the count is Poisson with a gamma-distributed rate (negative binomial),
 * so its variance is {@code f + κ·f²}: the Poisson term dominates quiet intervals, the multiplicative
 * term (the day's level being off) dominates busy ones. This is the Poisson-gamma view of call arrivals of
 * Jongbloed &amp; Koole, "Managing uncertainty in call centres using Poisson mixtures", Applied Stochastic
 * Models in Business and Industry 17 (2001) 307-318, used for density forecasts of intraday arrivals by
 * J.W. Taylor, "Density forecasting of intraday call center arrivals using models based on exponential
 * smoothing", Management Science 58(3) (2012) 534-549. κ is estimated per lead-time bucket by the method
 * of moments on the backtest errors, κ = max(0, Σ((a − f)² − f)) / Σ f², so it includes the forecast's
 * own error, which grows with lead time.
 *
 * <p>Calibration: the standardised errors z = (a − f) / √(f + κf²) of the backtest are the
 * non-conformity scores of split conformal prediction with a locally scaled residual (Vovk, Gammerman
 * &amp; Shafer, <i>Algorithmic Learning in a Random World</i>, 2005; Lei, G'Sell, Rinaldo, Tibshirani &amp;
 * Wasserman, "Distribution-free predictive inference for regression", JASA 113 (2018), section 5.2): the
 * interval is f + [z₍ₗ₎, z₍ᵤ₎]·√(f + κf²) with the order statistics l = ⌊(n+1)·α/2⌋ and u = ⌈(n+1)(1 − α/2)⌉,
 * per lead bucket. The scale makes the scores of busy and quiet intervals, and of high- and low-volume
 * channels, exchangeable, so the quantiles transfer across levels; the earlier design (√f scale, 3 folds,
 * quantiles per week and time of day) covered 74 % and 84 % on two real sets at a nominal 80 %.
 * A bucket with fewer than {@value #MIN_SAMPLES} errors pools with the whole backtest; without any
 * errors the interval is the negative-binomial quantile range with κ = 0 (Poisson).
 */
final class IntervalCalibration {
    /** First lead day (0-based) of each bucket after the first: day 1, days 2-3, 4-7, 8-14, 15-28, 29+. */
    static final int[] LEAD_EDGES = {1, 3, 7, 14, 28};
    static final int MIN_SAMPLES = 200;
    /** Smallest mean used in the scale: a forecast of 0 still allows the odd contact. */
    static final double MIN_MEAN = 0.25;

    private final double[] kappa = new double[LEAD_EDGES.length + 1];
    private final double[] lowerZ = new double[LEAD_EDGES.length + 1];
    private final double[] upperZ = new double[LEAD_EDGES.length + 1];
    private final boolean[] measured = new boolean[LEAD_EDGES.length + 1];
    private final boolean empirical;

    /** Backtest errors: (lead day, actual, forecast) triples. */
    static final class Errors {
        private double[] lead = new double[1024];
        private double[] actual = new double[1024];
        private double[] forecast = new double[1024];
        private int n;

        void add(int leadDay, double a, double f) {
            if (n == lead.length) {
                lead = Arrays.copyOf(lead, 2 * n);
                actual = Arrays.copyOf(actual, 2 * n);
                forecast = Arrays.copyOf(forecast, 2 * n);
            }
            lead[n] = leadDay;
            actual[n] = a;
            forecast[n] = Math.max(0, f);
            n++;
        }

        int size() {
            return n;
        }
    }

    static int bucket(int leadDay) {
        int b = 0;
        while (b < LEAD_EDGES.length && leadDay >= LEAD_EDGES[b]) {
            b++;
        }
        return b;
    }

    IntervalCalibration(Errors e, double levelPercent) {
        double alpha = 1 - levelPercent / 100;
        int buckets = LEAD_EDGES.length + 1;
        empirical = e.n >= MIN_SAMPLES;
        double allKappa = kappa(e, -1);
        double[] allZ = scores(e, -1, allKappa);
        for (int b = 0; b < buckets; b++) {
            int count = 0;
            for (int i = 0; i < e.n; i++) {
                count += bucket((int) e.lead[i]) == b ? 1 : 0;
            }
            if (count >= MIN_SAMPLES) {
                kappa[b] = kappa(e, b);
                double[] z = scores(e, b, kappa[b]);
                lowerZ[b] = lower(z, alpha);
                upperZ[b] = upper(z, alpha);
                measured[b] = true;
            } else if (empirical) {
                // a lead time the backtest did not reach (or barely): the widest of the pooled and the last
                // measured bucket, since errors grow with lead time
                int last = lastMeasured(e, b);
                kappa[b] = Math.max(allKappa, last >= 0 ? kappa[last] : 0);
                lowerZ[b] = Math.min(lower(allZ, alpha), last >= 0 ? lowerZ[last] : 0);
                upperZ[b] = Math.max(upper(allZ, alpha), last >= 0 ? upperZ[last] : 0);
            } else {
                kappa[b] = 0;
                org.apache.commons.math3.distribution.NormalDistribution nd =
                        new org.apache.commons.math3.distribution.NormalDistribution();
                lowerZ[b] = nd.inverseCumulativeProbability(alpha / 2);
                upperZ[b] = -lowerZ[b];
            }
        }
    }

    private int lastMeasured(Errors e, int b) {
        for (int k = b - 1; k >= 0; k--) {
            if (measured[k]) {
                return k;
            }
        }
        return -1;
    }

    /** Method-of-moments overdispersion of the errors in bucket {@code b} (all buckets when -1). */
    static double kappa(Errors e, int b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < e.n; i++) {
            if (b < 0 || bucket((int) e.lead[i]) == b) {
                double f = e.forecast[i];
                double d = e.actual[i] - f;
                num += d * d - f;
                den += f * f;
            }
        }
        return den > 0 ? Math.max(0, num / den) : 0;
    }

    private static double[] scores(Errors e, int b, double k) {
        double[] z = new double[e.n];
        int m = 0;
        for (int i = 0; i < e.n; i++) {
            if (b < 0 || bucket((int) e.lead[i]) == b) {
                z[m++] = (e.actual[i] - e.forecast[i]) / scale(e.forecast[i], k);
            }
        }
        z = Arrays.copyOf(z, m);
        Arrays.sort(z);
        return z;
    }

    static double scale(double f, double k) {
        double m = Math.max(f, MIN_MEAN);
        return Math.sqrt(m + k * m * m);
    }

    /** The ⌊(n+1)α/2⌋-th smallest score (1-based), or the smallest. */
    static double lower(double[] sorted, double alpha) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.floor((sorted.length + 1) * alpha / 2);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
    }

    /** The ⌈(n+1)(1 − α/2)⌉-th smallest score (1-based), or the largest. */
    static double upper(double[] sorted, double alpha) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil((sorted.length + 1) * (1 - alpha / 2));
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
    }

    boolean empirical() {
        return empirical;
    }

    /** The overdispersion used at this lead day, for the reason line and tests. */
    double kappa(int leadDay) {
        return kappa[bucket(leadDay)];
    }

    /** {lower, upper} for a forecast value at this lead day. */
    double[] interval(int leadDay, double forecast) {
        int b = bucket(leadDay);
        double f = Math.max(0, forecast);
        double s = scale(f, kappa[b]);
        return new double[] {Math.max(0, Math.min(f, f + lowerZ[b] * s)), Math.max(f, f + upperZ[b] * s)};
    }
}
