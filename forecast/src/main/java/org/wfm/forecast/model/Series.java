package org.wfm.forecast.model;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One channel's volume on a day × interval grid in local time. A day that is closed or unknown (a
 * holiday, a missing export day) is a row of NaN, so models leave it out; on an open day an absent
 * interval counts as zero.
 */
public final class Series {
    private final LocalDate start;
    private final int intervalMinutes;
    private final double[][] values;
    private double[] totals;

    public Series(LocalDate start, int intervalMinutes, double[][] values) {
        this.start = start;
        this.intervalMinutes = intervalMinutes;
        this.values = values;
    }

    public LocalDate start() {
        return start;
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    public int slots() {
        return 1440 / intervalMinutes;
    }

    public int days() {
        return values.length;
    }

    public LocalDate date(int day) {
        return start.plusDays(day);
    }

    public DayOfWeek weekday(int day) {
        return date(day).getDayOfWeek();
    }

    public boolean open(int day) {
        return !Double.isNaN(values[day][0]);
    }

    /** The day's values; do not modify. */
    public double[] day(int day) {
        return values[day];
    }

    /** The day's volume (NaN for a closed day); computed once per day, since every model asks for it. */
    public double total(int day) {
        double[] t = totals;
        if (t == null) {
            t = new double[values.length];
            for (int d = 0; d < values.length; d++) {
                double s = 0;
                for (double v : values[d]) {
                    s += v;
                }
                t[d] = s;
            }
            totals = t; // racy but idempotent: every thread computes the same array
        }
        return t[day];
    }

    /** The first {@code days} days, sharing rows with this series. */
    public Series head(int days) {
        double[][] v = new double[days][];
        System.arraycopy(values, 0, v, 0, days);
        return new Series(start, intervalMinutes, v);
    }

    /**
     * The last {@code n} open days with the same weekday as {@code target}, newest first, looking back
     * from the end of the series.
     */
    public int[] lastSameWeekday(DayOfWeek target, int n) {
        int[] found = new int[n];
        int k = 0;
        for (int d = days() - 1; d >= 0 && k < n; d--) {
            if (weekday(d) == target && open(d)) {
                found[k++] = d;
            }
        }
        return java.util.Arrays.copyOf(found, k);
    }

    /**
     * A gap-free copy for recursive models: a closed day takes the mean of the nearest open days of the
     * same weekday (up to four weeks either side), or zeros when that weekday is never open.
     */
    public double[][] filled() {
        int n = days();
        int s = slots();
        double[][] out = new double[n][];
        for (int d = 0; d < n; d++) {
            if (open(d)) {
                out[d] = values[d];
                continue;
            }
            double[] row = new double[s];
            int count = 0;
            for (int w = 1; w <= 4 && count < 2; w++) {
                for (int dd : new int[] {d - 7 * w, d + 7 * w}) {
                    if (dd >= 0 && dd < n && open(dd)) {
                        for (int i = 0; i < s; i++) {
                            row[i] += values[dd][i];
                        }
                        count++;
                    }
                }
            }
            if (count > 0) {
                for (int i = 0; i < s; i++) {
                    row[i] /= count;
                }
            }
            out[d] = row;
        }
        return out;
    }
}
