package org.wfm.forecast.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forecast that uses different methods (or weighted mixes of them) for different lead times: day 1,
 * days 2-3 and days 4 onwards by default. Which method forecasts best changes with lead time on call
 * arrivals: J.W. Taylor, "A comparison of univariate time series methods for forecasting intraday arrivals
 * at a call center", Management Science 54(2) (2008) 253-265, found double-seasonal smoothing best for
 * lead times up to two or three days and simple weekly averages competitive beyond; D. Barrow &amp;
 * N. Kourentzes, "The impact of special days in call arrivals forecasting: a neural network approach to
 * modelling special days", EJOR 264(3) (2018) 967-977, found the same change of winner with lead time
 * and on special days. The weights are chosen by {@code auto} from rolling-origin errors per lead bucket.
 */
public final class LeadTimeBlend implements ForecastMethod {
    /** First lead day (0 = the first forecast day) of every bucket after the first. */
    public static final int[] EDGES = {1, 3};
    /** Bucket names as a planner reads them. */
    public static final List<String> BUCKET_NAMES = List.of("day 1", "days 2-3", "days 4+");

    private final List<ForecastMethod> members;
    /** [bucket][member]: the weights, each bucket's summing to one. */
    private final double[][] weights;

    public LeadTimeBlend(List<ForecastMethod> members, double[][] weights) {
        if (weights.length != EDGES.length + 1) {
            throw new IllegalArgumentException("one weight row per lead bucket expected");
        }
        this.members = List.copyOf(members);
        this.weights = new double[weights.length][];
        for (int b = 0; b < weights.length; b++) {
            if (weights[b].length != members.size()) {
                throw new IllegalArgumentException("one weight per member expected");
            }
            this.weights[b] = weights[b].clone();
        }
    }

    public static int bucket(int leadDay) {
        int b = 0;
        while (b < EDGES.length && leadDay >= EDGES[b]) {
            b++;
        }
        return b;
    }

    public List<ForecastMethod> members() {
        return members;
    }

    /** The single member used at every lead time with weight one, or null. */
    public ForecastMethod single() {
        for (int m = 0; m < members.size(); m++) {
            boolean all = true;
            for (double[] w : weights) {
                all &= w[m] == 1.0;
            }
            if (all) {
                return members.get(m);
            }
        }
        return null;
    }

    @Override
    public String name() {
        ForecastMethod one = single();
        if (one != null) {
            return one.name();
        }
        List<String> parts = new ArrayList<>();
        for (int b = 0; b < weights.length; b++) {
            parts.add(describe(b));
        }
        return "by-lead(" + String.join(" | ", parts) + ")";
    }

    /** The mix in one bucket, e.g. {@code holt-winters} or {@code 0.80 daily-profile + 0.20 weekday-average}. */
    public String describe(int bucket) {
        List<String> parts = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            double w = weights[bucket][m];
            if (w == 1.0) {
                return members.get(m).name();
            }
            if (w > 0) {
                parts.add(String.format(Locale.ROOT, "%.2f %s", w, members.get(m).name()));
            }
        }
        return String.join(" + ", parts);
    }

    @Override
    public double[][] forecast(Series history, int horizonDays) {
        List<double[][]> f = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            boolean used = false;
            for (double[] w : weights) {
                used |= w[m] > 0;
            }
            f.add(used ? members.get(m).forecast(history, horizonDays) : null);
        }
        return blend(f, horizonDays, history.slots());
    }

    /** Blends the members' forecasts (null for members without weight) by lead bucket. */
    public double[][] blend(List<double[][]> memberForecasts, int horizonDays, int slots) {
        double[][] out = new double[horizonDays][slots];
        for (int j = 0; j < horizonDays; j++) {
            double[] w = weights[bucket(j)];
            for (int m = 0; m < members.size(); m++) {
                if (w[m] > 0) {
                    double[] row = memberForecasts.get(m)[j];
                    for (int i = 0; i < slots; i++) {
                        out[j][i] += w[m] * row[i];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public ForecastMethod frozen() {
        return new LeadTimeBlend(members.stream().map(ForecastMethod::frozen).toList(), weights);
    }
}
