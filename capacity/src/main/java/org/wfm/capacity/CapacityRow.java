package org.wfm.capacity;

import java.time.LocalDate;

/**
 * One row of capacity.csv: a week and channel of one scenario. FTE are of {@link PlanSettings#fteHours} hours;
 * {@code gapFte} = required − available (positive: short); {@code projectedServiceLevel} NaN for deferred
 * channels; {@code cost} = wages of the staff counted on the channel (including hires in training) plus the hiring
 * cost of the classes starting that week.
 */
public record CapacityRow(LocalDate weekStart, String channel, String scenario, double contacts, double requiredFte,
                          double availableFte, double gapFte, int hiresStarting, double projectedServiceLevel,
                          double cost, double leavers) {
}
