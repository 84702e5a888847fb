package org.wfm.forecast.model;

/**
 * A forecasting method: given a channel's history it predicts every interval of the next days as an
 * ordinary (non-holiday) day. Holidays, opening hours and DST are applied by the engine, not here.
 */
public interface ForecastMethod {
    String name();

    /** Forecast for days {@code history.days() .. history.days() + horizonDays - 1}, [day][interval]. */
    double[][] forecast(Series history, int horizonDays);
}
