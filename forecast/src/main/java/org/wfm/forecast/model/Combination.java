package org.wfm.forecast.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Equal-weight average of several methods' forecasts. Simple averages are hard to beat: R.T. Clemen,
 * "Combining forecasts: a review and annotated bibliography", IJF 5 (1989) 559-583; the M4 competition
 * (Makridakis, Spiliotis &amp; Assimakopoulos, IJF 36, 2020) found combinations among the most accurate.
 */
public final class Combination implements ForecastMethod {
    public static final String NAME = "combination";
    private final List<ForecastMethod> members;

    public Combination(List<ForecastMethod> members) {
        this.members = List.copyOf(members);
    }

    public List<ForecastMethod> members() {
        return members;
    }

    @Override
    public String name() {
        return NAME + "(" + members.stream().map(ForecastMethod::name).collect(Collectors.joining("+")) + ")";
    }

    @Override
    public double[][] forecast(Series history, int horizonDays) {
        double[][] sum = null;
        for (ForecastMethod m : members) {
            sum = add(sum, m.forecast(history, horizonDays), members.size());
        }
        return sum;
    }

    @Override
    public ForecastMethod frozen() {
        return new Combination(members.stream().map(ForecastMethod::frozen).toList());
    }

    /** Adds {@code f / n} to {@code sum} (allocated on first use). */
    public static double[][] add(double[][] sum, double[][] f, int n) {
        if (sum == null) {
            sum = new double[f.length][f.length == 0 ? 0 : f[0].length];
        }
        for (int j = 0; j < f.length; j++) {
            for (int i = 0; i < f[j].length; i++) {
                sum[j][i] += f[j][i] / n;
            }
        }
        return sum;
    }
}
