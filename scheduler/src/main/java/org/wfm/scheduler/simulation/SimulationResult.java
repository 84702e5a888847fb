package org.wfm.scheduler.simulation;

import java.util.List;
import java.util.Map;

/**
 * What a simulation found. {@code rows} are sorted by interval start, then channel name.
 * {@code serviceLevelByChannel} and {@code abandonmentByChannel} are volume-weighted over the horizon (the
 * figure for summary.json's {@code simulated}); {@code byChannel} adds confidence intervals, ASA and occupancy.
 * The maps iterate in channel-name order, so whatever prints them prints the same lines on every run.
 */
public record SimulationResult(List<SimulationRow> rows, Map<String, Double> serviceLevelByChannel,
                               Map<String, Double> abandonmentByChannel, Map<String, ChannelSummary> byChannel) {
    public SimulationResult {
        rows = List.copyOf(rows);
        serviceLevelByChannel = sorted(serviceLevelByChannel);
        abandonmentByChannel = sorted(abandonmentByChannel);
        byChannel = sorted(byChannel);
    }

    public SimulationResult(List<SimulationRow> rows, Map<String, Double> serviceLevelByChannel,
                            Map<String, Double> abandonmentByChannel) {
        this(rows, serviceLevelByChannel, abandonmentByChannel, Map.of());
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m));
    }
}
