package org.wfm.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peak and trough windows of a forecast: per channel and day, the one-hour window of consecutive open
 * intervals with the highest and the lowest mean volume, with its ratio to the day's mean interval; and
 * over the horizon the busiest and quietest days (ratio of the day's total to the mean daily total).
 */
final class PeakFinder {
    static final int WINDOW_MINUTES = 60;

    private PeakFinder() {
    }

    /** {@code points}: one channel's forecast, sorted by time. */
    static List<Peak> find(String channel, List<ForecastPoint> points, int minutes) {
        Map<LocalDate, List<ForecastPoint>> byDay = new LinkedHashMap<>();
        for (ForecastPoint p : points) {
            byDay.computeIfAbsent(p.intervalStart().toLocalDate(), k -> new ArrayList<>()).add(p);
        }
        List<Peak> out = new ArrayList<>();
        int window = Math.max(1, WINDOW_MINUTES / minutes);
        LocalDate busiest = null;
        LocalDate quietest = null;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double sumTotals = 0;
        for (Map.Entry<LocalDate, List<ForecastPoint>> e : byDay.entrySet()) {
            List<ForecastPoint> day = e.getValue();
            double total = day.stream().mapToDouble(ForecastPoint::volume).sum();
            double mean = total / day.size();
            sumTotals += total;
            if (total > max) {
                max = total;
                busiest = e.getKey();
            }
            if (total < min) {
                min = total;
                quietest = e.getKey();
            }
            int w = Math.min(window, day.size());
            int bestHi = -1;
            int bestLo = -1;
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = 0; i + w <= day.size(); i++) {
                if (!consecutive(day, i, w, minutes)) {
                    continue;
                }
                double m = 0;
                for (int k = i; k < i + w; k++) {
                    m += day.get(k).volume();
                }
                m /= w;
                if (m > hi) {
                    hi = m;
                    bestHi = i;
                }
                if (m < lo) {
                    lo = m;
                    bestLo = i;
                }
            }
            if (bestHi >= 0) {
                out.add(window(channel, "peak", day, bestHi, w, hi, mean, minutes));
                out.add(window(channel, "trough", day, bestLo, w, lo, mean, minutes));
            }
        }
        if (busiest != null) {
            double meanTotal = sumTotals / byDay.size();
            out.add(day(channel, "peak-day", busiest, byDay.get(busiest), meanTotal));
            out.add(day(channel, "trough-day", quietest, byDay.get(quietest), meanTotal));
        }
        return out;
    }

    private static boolean consecutive(List<ForecastPoint> day, int from, int w, int minutes) {
        for (int k = from + 1; k < from + w; k++) {
            if (!day.get(k).intervalStart().equals(day.get(k - 1).intervalStart().plusMinutes(minutes))) {
                return false;
            }
        }
        return true;
    }

    private static Peak window(String channel, String kind, List<ForecastPoint> day, int from, int w, double m,
                               double dayMean, int minutes) {
        return new Peak(channel, kind, day.get(from).intervalStart(),
                day.get(from + w - 1).intervalStart().plusMinutes(minutes), m, dayMean > 0 ? m / dayMean : 0);
    }

    private static Peak day(String channel, String kind, LocalDate date, List<ForecastPoint> day, double meanTotal) {
        double total = day.stream().mapToDouble(ForecastPoint::volume).sum();
        return new Peak(channel, kind, date.atStartOfDay(), date.plusDays(1).atStartOfDay(), total / day.size(),
                meanTotal > 0 ? total / meanTotal : 0);
    }
}
