package org.wfm.scheduler.simulation;

import java.time.LocalDateTime;

/**
 * One row of simulation.csv: means over replications for one interval and channel.
 *
 * <ul>
 *   <li>{@code offered}: contacts arriving in the interval.</li>
 *   <li>{@code answeredInTarget}: immediate and concurrent channels, contacts answered within
 *       {@code answer_seconds}; deferred channels, contacts finished within {@code response_hours} of arrival,
 *       counted only among contacts whose deadline falls inside the horizon.</li>
 *   <li>{@code abandoned}: contacts that hung up before an agent took them (0 without patience).</li>
 *   <li>{@code serviceLevel}: pooled over replications, Σ answeredInTarget ÷ Σ contacts judged (every
 *       arrival for immediate and concurrent channels, so abandoned contacts count as late; for deferred
 *       channels only contacts whose deadline is inside the horizon). 1 when nothing arrived;
 *       NaN for a deferred interval whose contacts all have deadlines after the horizon.</li>
 *   <li>{@code serviceLevelCi95}: half-width of the 95 % confidence interval of {@code serviceLevel} over
 *       replications (ratio estimator, see {@link Simulator}); NaN with a single replication.</li>
 *   <li>{@code asaSeconds}: mean wait of answered contacts (pooled); 0 when nothing arrived, NaN when
 *       contacts arrived but none was answered.</li>
 *   <li>{@code occupancy}: share of the present agents' scheduled work time on the channel spent handling
 *       contacts (chat: busy slot time ÷ concurrency); 0 when nobody was there.</li>
 * </ul>
 */
public record SimulationRow(LocalDateTime intervalStart, String channel, double offered, double answeredInTarget,
                            double abandoned, double serviceLevel, double serviceLevelCi95, double asaSeconds,
                            double occupancy) {
}
