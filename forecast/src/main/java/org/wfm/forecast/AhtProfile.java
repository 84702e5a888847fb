package org.wfm.forecast;

import java.util.Arrays;

/**
 * Average handle time per weekday and interval: the volume-weighted mean over the recent weeks of that
 * weekday and interval, smoothed over the neighbouring intervals (weights 1-2-1) and shrunk toward the
 * channel's overall mean where few contacts support it (a credibility weight of {@value #PRIOR_CONTACTS}
 * contacts), so a quiet interval with one long call does not get an extreme AHT.
 */
final class AhtProfile {
    static final int WEEKS = 8;
    static final double PRIOR_CONTACTS = 20;

    private AhtProfile() {
    }

    /** [weekday][interval] AHT seconds, or null when the history has no AHT for this channel. */
    static double[][] of(ChannelData data) {
        int s = data.slots;
        double[][] work = new double[7][s];
        double[][] weight = new double[7][s];
        double allWork = 0;
        double allWeight = 0;
        for (int d = Math.max(0, data.days() - 7 * WEEKS); d < data.days(); d++) {
            if (!data.hasRows[d]) {
                continue;
            }
            int w = data.date(d).getDayOfWeek().ordinal();
            for (int i = 0; i < s; i++) {
                double a = data.aht[d][i];
                double v = data.volume[d][i];
                if (!Double.isNaN(a) && v > 0) {
                    work[w][i] += a * v;
                    weight[w][i] += v;
                    allWork += a * v;
                    allWeight += v;
                }
            }
        }
        if (allWeight == 0) {
            return null;
        }
        double mean = allWork / allWeight;
        double[][] out = new double[7][s];
        for (int w = 0; w < 7; w++) {
            for (int i = 0; i < s; i++) {
                double wk = 0;
                double wt = 0;
                for (int k = -1; k <= 1; k++) {
                    int j = i + k;
                    if (j >= 0 && j < s) {
                        double c = k == 0 ? 2 : 1;
                        wk += c * work[w][j];
                        wt += c * weight[w][j];
                    }
                }
                out[w][i] = (wk + PRIOR_CONTACTS * mean) / (wt + PRIOR_CONTACTS);
            }
        }
        return out;
    }

    static double[] flat(int slots) {
        double[] r = new double[slots];
        Arrays.fill(r, Double.NaN);
        return r;
    }
}
