package org.wfm.scheduler.requests;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.wfm.scheduler.domain.CoverageRow;

/**
 * Figures of some channels on some days, from coverage rows: the planned service level weighted by forecast volume
 * (the summary's own weighting, applied to the days concerned), and the shortfall in agent-intervals.
 */
final class DayCoverage {
    private DayCoverage() {
    }

    /** Volume-weighted planned service level; NaN when no interval with volume and a service level is concerned. */
    static double serviceLevel(List<CoverageRow> coverage, Collection<String> channels, Collection<LocalDate> days) {
        double volume = 0;
        double onTime = 0;
        for (CoverageRow r : coverage) {
            if (channels.contains(r.channel()) && days.contains(r.intervalStart().toLocalDate())
                    && r.forecastVolume() > 0 && !Double.isNaN(r.serviceLevel())) {
                volume += r.forecastVolume();
                onTime += r.forecastVolume() * r.serviceLevel();
            }
        }
        return volume > 0 ? onTime / volume : Double.NaN;
    }

    /** Σ max(0, required − scheduled) over the channels' intervals on the days. */
    static double shortfall(List<CoverageRow> coverage, Collection<String> channels, Collection<LocalDate> days) {
        double s = 0;
        for (CoverageRow r : coverage) {
            if (channels.contains(r.channel()) && days.contains(r.intervalStart().toLocalDate())) {
                s += Math.max(0, r.required() - r.scheduled());
            }
        }
        return s;
    }
}
