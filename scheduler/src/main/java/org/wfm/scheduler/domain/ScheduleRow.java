package org.wfm.scheduler.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One block of schedule.csv. {@code date} is the day the shift starts; {@code channel} is set for work and
 * training; {@code location} is a site key or {@code home}.
 */
public record ScheduleRow(String agentId, LocalDate date, LocalDateTime start, LocalDateTime end,
                          Activity activity, String channel, String location) {
}
