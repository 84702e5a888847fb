package org.wfm.capacity;

import java.time.YearMonth;

/**
 * One row of capacity-monthly.csv: the weekly rows of one channel and scenario rolled up into a calendar month
 * ({@link MonthlyRollup}). {@code days} is how many days of the month the plan's weeks cover (fewer than the month's
 * length in the first and last month of the plan).
 */
public record MonthRow(YearMonth month, String channel, String scenario, int days, double contacts,
                       double requiredFte, double availableFte, double gapFte, int hiresStarting,
                       double projectedServiceLevel, double cost, double leavers) {
}
