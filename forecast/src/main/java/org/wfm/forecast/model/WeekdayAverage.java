package org.wfm.forecast.model;

/**
 * The mean of the same weekday and time of day over the last {@code weeks} open weeks: the planner's
 * traditional baseline (e.g. Gans, Koole &amp; Mandelbaum, "Telephone call centers: tutorial, review and
 * research prospects", MSOM 5(2), 2003, on weekday-by-interval averages in practice).
 */
public final class WeekdayAverage implements ForecastMethod {
    public static final String NAME = "weekday-average";
    private final int weeks;

    public WeekdayAverage(int weeks) {
        this.weeks = weeks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] forecast(Series history, int horizonDays) {
        double[][] out = new double[horizonDays][];
        for (int j = 0; j < horizonDays; j++) {
            int[] days = history.lastSameWeekday(history.date(history.days() + j).getDayOfWeek(), weeks);
            double[] row = new double[history.slots()];
            for (int d : days) {
                double[] v = history.day(d);
                for (int i = 0; i < row.length; i++) {
                    row[i] += v[i] / days.length;
                }
            }
            out[j] = row;
        }
        return out;
    }
}
