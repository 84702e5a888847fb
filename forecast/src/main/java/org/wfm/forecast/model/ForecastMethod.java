package org.wfm.forecast.model;

/**
 * A forecasting method: given a channel's history it predicts every interval of the next days as an
 * ordinary (non-holiday) day. Holidays, opening hours and DST are applied by the engine, not here.
 */
public interface ForecastMethod {
    String name();

    /** Forecast for days {@code history.days() .. history.days() + horizonDays - 1}, [day][interval]. */
    double[][] forecast(Series history, int horizonDays);

    /**
     * This method with the parameters estimated by its last {@link #forecast} call held fixed, for cheap
     * refits at later backtest origins (the state is still rebuilt from each origin's data, only the
     * estimation is skipped, as R's {@code forecast::ets(y, model = fit)} does). Methods without estimated
     * parameters return themselves; before any forecast call, also themselves.
     */
    default ForecastMethod frozen() {
        return this;
    }
}
