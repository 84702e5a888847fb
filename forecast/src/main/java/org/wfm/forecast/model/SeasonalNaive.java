package org.wfm.forecast.model;

/**
 * Seasonal naive with a weekly season: each interval repeats the same interval of the latest open day
 * of the same weekday (Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and Practice</i>, 3rd ed.,
 * section 5.2). The baseline any method must beat; also the scale of MASE.
 */
public final class SeasonalNaive implements ForecastMethod {
    public static final String NAME = "seasonal-naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] forecast(Series history, int horizonDays) {
        double[][] out = new double[horizonDays][];
        for (int j = 0; j < horizonDays; j++) {
            int[] last = history.lastSameWeekday(history.date(history.days() + j).getDayOfWeek(), 1);
            out[j] = last.length == 0 ? new double[history.slots()] : history.day(last[0]).clone();
        }
        return out;
    }
}
