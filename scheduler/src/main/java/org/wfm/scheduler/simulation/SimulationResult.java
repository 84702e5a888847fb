package org.wfm.scheduler.simulation;

import java.util.List;
import java.util.Map;

/**
 * What a simulation found. {@code rows} are sorted by interval start, then channel name.
 * {@code serviceLevelByChannel} and {@code abandonmentByChannel} are volume-weighted over the horizon (the
 * figure for summary.json's {@code simulated}); {@code byChannel} adds confidence intervals, ASA and occupancy.
 */
public record SimulationResult(List<SimulationRow> rows, Map<String, Double> serviceLevelByChannel,
                               Map<String, Double> abandonmentByChannel, Map<String, ChannelSummary> byChannel) {
    public SimulationResult {
        rows = List.copyOf(rows);
        serviceLevelByChannel = Map.copyOf(serviceLevelByChannel);
        abandonmentByChannel = Map.copyOf(abandonmentByChannel);
        byChannel = Map.copyOf(byChannel);
    }

    public SimulationResult(List<SimulationRow> rows, Map<String, Double> serviceLevelByChannel,
                            Map<String, Double> abandonmentByChannel) {
        this(rows, serviceLevelByChannel, abandonmentByChannel, Map.of());
    }
}
