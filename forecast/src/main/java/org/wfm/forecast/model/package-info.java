/**
 * Forecasting methods on a day × interval grid: the baselines (seasonal naive, weekday average),
 * double-seasonal Holt-Winters, daily total × intraday profile, equal-weight combinations, the per-lead-time
 * blend that {@code auto} builds ({@link org.wfm.forecast.model.LeadTimeBlend}) and the recent level-shift
 * check every method is fitted through ({@link org.wfm.forecast.model.LevelShift}). Each method forecasts
 * ordinary days; holidays, opening hours and DST belong to the engine.
 */
package org.wfm.forecast.model;
