/**
 * Intraday reforecasting: the rest of today's forecast updated from the contacts seen so far
 * ({@link org.wfm.forecast.intraday.IntradayUpdate}), with the uncertainty of a day's level and of its
 * intervals learnt from the history ({@link org.wfm.forecast.intraday.IntradayPrior}), and a backtest that
 * replays past days at several times of day ({@link org.wfm.forecast.intraday.IntradayBacktest}).
 */
package org.wfm.forecast.intraday;
