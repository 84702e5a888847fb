/**
 * The forecasting engine: {@link org.wfm.forecast.ForecastEngine} (method choice by rolling-origin
 * backtest, holidays, opening hours, DST, prediction intervals, AHT, peaks and troughs),
 * {@link org.wfm.forecast.Backtest}, and the holiday reader.
 */
package org.wfm.forecast;
