package org.wfm.forecast;

import java.time.LocalDateTime;

/** One row of forecast.csv: expected contacts in an open interval with its prediction interval and AHT. */
public record ForecastPoint(LocalDateTime intervalStart, String channel, double volume,
                            double volumeLower, double volumeUpper, double ahtSeconds) implements java.io.Serializable {
}
