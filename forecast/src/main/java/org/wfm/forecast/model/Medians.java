package org.wfm.forecast.model;

import java.util.Arrays;
import java.util.List;

/** The sample median (mean of the two middle values for an even count; 0 for no values), used by the robust estimates. */
public final class Medians {
    private Medians() {
    }

    public static double of(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static double of(List<Double> v) {
        return of(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
