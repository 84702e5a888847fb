package org.wfm.forecast;

/**
 * Rolling-origin accuracy of one method on one channel. {@code wape} and {@code bias} are fractions
 * (0.08 = 8 %), bias positive when the forecast is too high; {@code mase} is scaled by the in-sample
 * week-ago naive error (Hyndman &amp; Koehler, IJF 22, 2006); {@code intervalCoverage} is the share of
 * actual intervals inside the prediction interval calibrated on the other folds; {@code seconds} is the
 * time spent fitting and forecasting.
 */
public record BacktestRow(String channel, String method, double wape, double mase, double bias,
                          double intervalCoverage, double seconds) {
}
