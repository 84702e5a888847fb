/**
 * Intraday: re-optimising the rest of a published day after a reforecast with the fewest changes worth their cost
 * ({@link org.wfm.scheduler.intraday.IntradayReplan}), and adherence of agents' logged states to their schedule
 * ({@link org.wfm.scheduler.intraday.Adherence}).
 */
package org.wfm.scheduler.intraday;
