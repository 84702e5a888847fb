package org.wfm.scheduler.staffing;

import java.time.LocalDateTime;

/**
 * One row of requirements.csv: agents needed on the phones ({@code requiredAgents}) and staff to
 * schedule after shrinkage ({@code requiredStaff}) in one interval of one channel.
 */
public record Requirement(LocalDateTime intervalStart, String channel, double forecastVolume,
                          double ahtSeconds, double requiredAgents, double requiredStaff) {
}
