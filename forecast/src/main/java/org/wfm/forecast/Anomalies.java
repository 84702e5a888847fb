package org.wfm.forecast;

import org.wfm.forecast.model.Medians;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * Finds the unusual in a channel's history so that it is kept out of fitting: whole days far from their
 * neighbours (an outage, a backlog or incident day), partial outages (an hour or more of zeros where
 * contacts were expected), and single-interval spikes. Each day is compared with the same weekday in the
 * {@value #NEIGHBOUR_WEEKS} weeks either side through their median and median absolute deviation, so a
 * neighbour's own oddity does not move the reference: Hampel's identifier (F.R. Hampel, "The influence
 * curve and its role in robust estimation", JASA 69 (1974) 383-393; Pearson, "Outliers in process
 * modeling and identification", IEEE Trans. Control Systems Technology 10 (2002) 55-63, for its use as a
 * moving-window filter).
 *
 * <ul>
 *   <li>A day is unusual when its log total is more than {@value #DAY_Z} robust standard deviations
 *       (1.4826 × MAD of all days' deviations) and more than a factor {@value #DAY_MIN_FACTOR} from the
 *       neighbours' median. A run of such days on the same side (half or more of the open days within
 *       three days, off by half the limit or more) is a change of level, not an outlier, and stays in: the
 *       models must follow it.</li>
 *   <li>A partial outage is a run of zero intervals of at least {@value #OUTAGE_MINUTES} minutes inside
 *       opening hours where the neighbours' medians add up to at least {@value #OUTAGE_MIN_EXPECTED}
 *       contacts; the whole day is left out.</li>
 *   <li>A spike is an interval above its neighbours' median by more than {@value #SPIKE_Z} robust standard
 *       deviations (at least √median and 1, the Poisson spread) and more than twice the median; it is
 *       replaced by the median.</li>
 * </ul>
 * These are screening thresholds, far in the tails on purpose: a false alarm removes real information,
 * a missed spike is damped again by the models' own robust steps.
 */
final class Anomalies {
    static final int NEIGHBOUR_WEEKS = 4;
    static final double DAY_Z = 5;
    static final double DAY_MIN_FACTOR = 1.25;
    static final int OUTAGE_MINUTES = 60;
    static final double OUTAGE_MIN_EXPECTED = 10;
    static final double SPIKE_Z = 6;
    private static final int MIN_NEIGHBOURS = 3;

    /** What was found and kept out of fitting. */
    record Report(List<LocalDate> lowDays, List<LocalDate> highDays, List<LocalDate> partialOutages, int spikes) {
        boolean isEmpty() {
            return lowDays.isEmpty() && highDays.isEmpty() && partialOutages.isEmpty() && spikes == 0;
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (!lowDays.isEmpty()) {
                parts.add(days(lowDays.size(), "unusually low day") + " " + dates(lowDays));
            }
            if (!highDays.isEmpty()) {
                parts.add(days(highDays.size(), "unusually high day") + " " + dates(highDays));
            }
            if (!partialOutages.isEmpty()) {
                parts.add(days(partialOutages.size(), "day") + " with a partial outage " + dates(partialOutages));
            }
            if (spikes > 0) {
                parts.add(spikes + (spikes == 1 ? " spike interval" : " spike intervals") + " capped at the usual level");
            }
            return parts.isEmpty() ? "" : "left out of fitting: " + String.join(", ", parts);
        }

        private static String days(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }

        private static String dates(List<LocalDate> d) {
            String shown = d.stream().limit(4).map(LocalDate::toString).reduce((a, b) -> a + ", " + b).orElse("");
            return "(" + shown + (d.size() > 4 ? ", ..." : "") + ")";
        }
    }

    private Anomalies() {
    }

    /**
     * Screens {@code rows} (one per day from {@code first}; NaN rows are closed or special days and are
     * neither judged nor used as neighbours) and returns the cleaned copy through {@code out} (unusual days
     * NaN, spikes capped); {@code open} says which intervals of a weekday are opening hours.
     */
    static Report screen(double[][] rows, LocalDate first, int minutes, BiPredicate<java.time.DayOfWeek, Integer> open,
                         double[][] out) {
        int n = rows.length;
        int slots = rows.length == 0 ? 0 : rows[0].length;
        double[] logTotal = new double[n];
        for (int d = 0; d < n; d++) {
            logTotal[d] = isOpen(rows, d) ? Math.log1p(Arrays.stream(rows[d]).sum()) : Double.NaN;
        }
        double[] dev = new double[n];
        Arrays.fill(dev, Double.NaN);
        List<Double> absDev = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (Double.isNaN(logTotal[d])) {
                continue;
            }
            double[] nb = neighbours(logTotal, d);
            if (nb.length >= MIN_NEIGHBOURS) {
                dev[d] = logTotal[d] - Medians.of(nb);
                absDev.add(Math.abs(dev[d]));
            }
        }
        double sigma = 1.4826 * Medians.of(absDev.stream().mapToDouble(Double::doubleValue).toArray());
        double limit = Math.max(DAY_Z * sigma, Math.log(DAY_MIN_FACTOR));
        int[] side = new int[n];
        int[] lean = new int[n];
        for (int d = 0; d < n; d++) {
            side[d] = Double.isNaN(dev[d]) ? 0 : dev[d] > limit ? 1 : dev[d] < -limit ? -1 : 0;
            lean[d] = Double.isNaN(dev[d]) ? 0 : dev[d] > limit / 2 ? 1 : dev[d] < -limit / 2 ? -1 : 0;
        }
        List<LocalDate> low = new ArrayList<>();
        List<LocalDate> high = new ArrayList<>();
        List<LocalDate> partial = new ArrayList<>();
        int spikes = 0;
        for (int d = 0; d < n; d++) {
            out[d] = rows[d];
            if (side[d] != 0 && isolated(side[d], lean, rows, d)) {
                (side[d] < 0 ? low : high).add(first.plusDays(d));
                out[d] = closed(slots);
            }
        }
        double[] column = new double[2 * NEIGHBOUR_WEEKS];
        for (int d = 0; d < n; d++) {
            if (!isOpen(out, d)) {
                continue;
            }
            java.time.DayOfWeek wd = first.plusDays(d).getDayOfWeek();
            double[] median = new double[slots];
            double[] scale = new double[slots];
            int k = 0;
            int[] nbDays = new int[2 * NEIGHBOUR_WEEKS];
            for (int w = 1; w <= NEIGHBOUR_WEEKS; w++) {
                for (int dd : new int[] {d - 7 * w, d + 7 * w}) {
                    if (dd >= 0 && dd < n && isOpen(out, dd)) {
                        nbDays[k++] = dd;
                    }
                }
            }
            if (k < MIN_NEIGHBOURS) {
                continue;
            }
            for (int i = 0; i < slots; i++) {
                for (int j = 0; j < k; j++) {
                    column[j] = out[nbDays[j]][i];
                }
                double[] c = Arrays.copyOf(column, k);
                median[i] = Medians.of(c);
                for (int j = 0; j < k; j++) {
                    c[j] = Math.abs(c[j] - median[i]);
                }
                scale[i] = Math.max(1, Math.max(Math.sqrt(median[i]), 1.4826 * Medians.of(c)));
            }
            if (partialOutage(rows[d], median, wd, open, minutes)) {
                partial.add(first.plusDays(d));
                out[d] = closed(slots);
                continue;
            }
            double[] row = null;
            for (int i = 0; i < slots; i++) {
                double v = rows[d][i];
                if (v > median[i] + SPIKE_Z * scale[i] && v > 2 * median[i]) {
                    row = row == null ? rows[d].clone() : row;
                    row[i] = median[i];
                    spikes++;
                }
            }
            if (row != null) {
                out[d] = row;
            }
        }
        return new Report(List.copyOf(low), List.copyOf(high), List.copyOf(partial), spikes);
    }

    private static boolean partialOutage(double[] v, double[] median, java.time.DayOfWeek wd,
                                         BiPredicate<java.time.DayOfWeek, Integer> open, int minutes) {
        int run = 0;
        double expected = 0;
        for (int i = 0; i < v.length; i++) {
            if (open.test(wd, i) && v[i] == 0 && median[i] > 0) {
                run++;
                expected += median[i];
                if (run * minutes >= OUTAGE_MINUTES && expected >= OUTAGE_MIN_EXPECTED) {
                    return true;
                }
            } else {
                run = 0;
                expected = 0;
            }
        }
        return false;
    }

    /**
     * A flagged day is an outlier unless half or more of the open days within three days lean the same way
     * (off by half the limit or more): then it is part of a change of level. At the start of a shift the
     * neighbours' median still mixes both levels, so the days around it are only half as far off.
     */
    private static boolean isolated(int side, int[] lean, double[][] rows, int d) {
        int same = 0;
        int openDays = 0;
        for (int dd = Math.max(0, d - 3); dd <= Math.min(lean.length - 1, d + 3); dd++) {
            if (isOpen(rows, dd)) {
                openDays++;
                same += lean[dd] == side ? 1 : 0;
            }
        }
        return same < 2 || 2 * same < openDays;
    }

    private static double[] neighbours(double[] logTotal, int d) {
        double[] v = new double[2 * NEIGHBOUR_WEEKS];
        int k = 0;
        for (int w = 1; w <= NEIGHBOUR_WEEKS; w++) {
            for (int dd : new int[] {d - 7 * w, d + 7 * w}) {
                if (dd >= 0 && dd < logTotal.length && !Double.isNaN(logTotal[dd])) {
                    v[k++] = logTotal[dd];
                }
            }
        }
        return Arrays.copyOf(v, k);
    }

    private static boolean isOpen(double[][] rows, int d) {
        return rows[d].length > 0 && !Double.isNaN(rows[d][0]);
    }

    private static double[] closed(int slots) {
        double[] r = new double[slots];
        Arrays.fill(r, Double.NaN);
        return r;
    }

}
