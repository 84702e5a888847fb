package org.wfm.scheduler.domain;

import java.time.LocalDateTime;

/** One row of coverage.csv; {@code serviceLevel} and {@code occupancy} are NaN where they do not apply. */
public record CoverageRow(LocalDateTime intervalStart, String channel, double forecastVolume, double required,
                          double scheduled, double serviceLevel, double occupancy) {
}
