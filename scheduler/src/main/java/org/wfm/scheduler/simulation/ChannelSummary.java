package org.wfm.scheduler.simulation;

/**
 * Channel totals over the whole horizon, pooled over replications, each with the half-width of its 95 %
 * confidence interval over replications (NaN with a single replication). Definitions as in
 * {@link SimulationRow}; {@code offered} is the mean number of contacts per replication.
 */
public record ChannelSummary(double offered, double serviceLevel, double serviceLevelCi95, double abandonment,
                             double abandonmentCi95, double asaSeconds, double asaCi95, double occupancy) {
}
