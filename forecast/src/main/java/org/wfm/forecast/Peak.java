package org.wfm.forecast;

import java.time.LocalDateTime;

/** One row of peaks.csv. {@code kind} is peak, trough, peak-day or trough-day. */
public record Peak(String channel, String kind, LocalDateTime start, LocalDateTime end,
                   double meanVolume, double ratioToAverage) implements java.io.Serializable {
}
