package org.wfm.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies planners' {@link ForecastOverride overrides} to a forecast: the judgemental adjustment of a statistical
 * forecast for what the history cannot know (a campaign, a closure), kept apart from the model and recorded, as
 * Fildes, Goodwin, Lawrence &amp; Nikolopoulos (2009, International Journal of Forecasting 25: 3-23) recommend
 * (adjustments are worth making for known events and should be documented with their reason).
 * <p>
 * A factor scales each covered interval's volume and its prediction interval. A volume replaces the period's total:
 * each covered interval gets {@code volume × its share of the period's forecast}, its interval bounds scaled by the
 * same ratio; a period the forecast has at zero gets the volume spread evenly, with the bounds equal to it (the
 * planner's number is all there is). AHT is untouched. Peaks and troughs are found again on the changed channels.
 * Overrides of one channel must not overlap (the reader refuses that), so the order of application does not matter.
 */
public final class Overrides {
    private Overrides() {
    }

    /** One override as applied: the intervals it covered and the channel's volume over them before and after. */
    public record Applied(ForecastOverride override, int intervals, double volumeBefore, double volumeAfter) {
    }

    /** The changed forecast and what each override did, in the order given. */
    public record Result(ForecastResult forecast, List<Applied> applied) {
    }

    public static Result apply(ForecastResult forecast, List<ForecastOverride> overrides, int intervalMinutes) {
        if (overrides.isEmpty()) {
            return new Result(forecast, List.of());
        }
        List<ForecastPoint> points = new ArrayList<>(forecast.points());
        List<Applied> applied = new ArrayList<>();
        for (ForecastOverride o : overrides) {
            List<Integer> covered = new ArrayList<>();
            double before = 0;
            for (int i = 0; i < points.size(); i++) {
                ForecastPoint p = points.get(i);
                if (p.channel().equals(o.channel()) && o.covers(p.intervalStart())) {
                    covered.add(i);
                    before += p.volume();
                }
            }
            double after = 0;
            for (int i : covered) {
                ForecastPoint p = points.get(i);
                ForecastPoint q;
                if (!Double.isNaN(o.factor())) {
                    q = scaled(p, o.factor());
                } else if (before > 0) {
                    q = scaled(p, o.volume() / before);
                } else {
                    double each = o.volume() / covered.size();
                    q = new ForecastPoint(p.intervalStart(), p.channel(), each, each, each, p.ahtSeconds());
                }
                points.set(i, q);
                after += q.volume();
            }
            applied.add(new Applied(o, covered.size(), before, after));
        }
        // channels in name order, as the engine lists them; unchanged channels keep their peaks as they were
        Map<String, List<ForecastPoint>> byChannel = new java.util.TreeMap<>();
        for (ForecastPoint p : points) {
            byChannel.computeIfAbsent(p.channel(), c -> new ArrayList<>()).add(p);
        }
        java.util.Set<String> changed = new java.util.HashSet<>();
        overrides.forEach(o -> changed.add(o.channel()));
        List<Peak> peaks = new ArrayList<>();
        for (Map.Entry<String, List<ForecastPoint>> e : byChannel.entrySet()) {
            if (changed.contains(e.getKey())) {
                peaks.addAll(PeakFinder.find(e.getKey(), e.getValue(), intervalMinutes));
            } else {
                forecast.peaks().stream().filter(pk -> pk.channel().equals(e.getKey())).forEach(peaks::add);
            }
        }
        return new Result(new ForecastResult(points, peaks, forecast.methodByChannel(), forecast.reasonByChannel()),
                List.copyOf(applied));
    }

    private static ForecastPoint scaled(ForecastPoint p, double k) {
        return new ForecastPoint(p.intervalStart(), p.channel(), p.volume() * k, p.volumeLower() * k,
                p.volumeUpper() * k, p.ahtSeconds());
    }
}
