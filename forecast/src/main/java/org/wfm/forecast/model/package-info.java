/**
 * Forecasting methods on a day × interval grid: the baselines (seasonal naive, weekday average),
 * double-seasonal Holt-Winters, daily total × intraday profile, and equal-weight combinations. Each
 * method forecasts ordinary days; holidays, opening hours and DST belong to the engine.
 */
package org.wfm.forecast.model;
