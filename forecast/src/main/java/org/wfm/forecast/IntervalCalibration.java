package org.wfm.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Prediction intervals from backtest errors, by lead time and time of day: the empirical quantiles of
 * standardised errors z = (actual − forecast) / √max(forecast, 1) in buckets of (week of the horizon,
 * four-hour block of the day), after the empirical intervals of Williams &amp; Goodman, "A simple method
 * for the construction of empirical confidence limits for economic forecasts", JASA 66 (1971). The
 * √forecast scale makes errors of busy and quiet intervals comparable, as Poisson arrivals would.
 * Sparse buckets fall back to the lead time's pool, then to all errors, then to Poisson quantiles.
 */
final class IntervalCalibration {
    static final int WEEK_BUCKETS = 6;
    static final int DAY_BUCKETS = 6;
    private static final int MIN_SAMPLES = 40;

    private final List<double[]> buckets = new ArrayList<>();
    private final double[][] weekPool = new double[WEEK_BUCKETS][];
    private double[] all = new double[0];
    private final double lowerP;
    private final double upperP;

    /** Errors collected during backtests: per (lead day, interval) one standardised value. */
    static final class Errors {
        final double[][] byBucket = new double[WEEK_BUCKETS * DAY_BUCKETS][];
        final int[] counts = new int[WEEK_BUCKETS * DAY_BUCKETS];

        Errors() {
            for (int i = 0; i < byBucket.length; i++) {
                byBucket[i] = new double[64];
            }
        }

        void add(int leadDay, int slot, int slots, double actual, double forecast) {
            int b = bucket(leadDay, slot, slots);
            if (counts[b] == byBucket[b].length) {
                byBucket[b] = Arrays.copyOf(byBucket[b], counts[b] * 2);
            }
            byBucket[b][counts[b]++] = (actual - forecast) / Math.sqrt(Math.max(forecast, 1));
        }

        void addAll(Errors other) {
            for (int b = 0; b < counts.length; b++) {
                for (int i = 0; i < other.counts[b]; i++) {
                    if (counts[b] == byBucket[b].length) {
                        byBucket[b] = Arrays.copyOf(byBucket[b], counts[b] * 2 + 1);
                    }
                    byBucket[b][counts[b]++] = other.byBucket[b][i];
                }
            }
        }

        int size() {
            return Arrays.stream(counts).sum();
        }
    }

    static int bucket(int leadDay, int slot, int slots) {
        return Math.min(leadDay / 7, WEEK_BUCKETS - 1) * DAY_BUCKETS + slot * DAY_BUCKETS / slots;
    }

    IntervalCalibration(Errors errors, double levelPercent) {
        lowerP = (1 - levelPercent / 100) / 2;
        upperP = 1 - lowerP;
        List<double[]> weeks = new ArrayList<>();
        for (int w = 0; w < WEEK_BUCKETS; w++) {
            weeks.add(new double[0]);
        }
        for (int b = 0; b < errors.counts.length; b++) {
            double[] v = Arrays.copyOf(errors.byBucket[b], errors.counts[b]);
            Arrays.sort(v);
            buckets.add(v);
            int w = b / DAY_BUCKETS;
            weeks.set(w, concat(weeks.get(w), v));
            all = concat(all, v);
        }
        for (int w = 0; w < WEEK_BUCKETS; w++) {
            weekPool[w] = weeks.get(w);
            Arrays.sort(weekPool[w]);
        }
        Arrays.sort(all);
    }

    boolean empirical() {
        return all.length >= MIN_SAMPLES;
    }

    /** {lower, upper} for a forecast value at this lead day and interval. */
    double[] interval(int leadDay, int slot, int slots, double forecast) {
        int b = bucket(leadDay, slot, slots);
        double[] pool = buckets.get(b);
        if (pool.length < MIN_SAMPLES) {
            pool = weekPool[b / DAY_BUCKETS];
        }
        if (pool.length < MIN_SAMPLES) {
            pool = all;
        }
        double scale = Math.sqrt(Math.max(forecast, 1));
        double lo;
        double hi;
        if (pool.length < MIN_SAMPLES) {
            NormalDistribution n = new NormalDistribution();
            lo = n.inverseCumulativeProbability(lowerP);
            hi = n.inverseCumulativeProbability(upperP);
        } else {
            lo = quantile(pool, lowerP);
            hi = quantile(pool, upperP);
        }
        return new double[] {Math.max(0, Math.min(forecast, forecast + lo * scale)), Math.max(forecast, forecast + hi * scale)};
    }

    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
