package org.wfm.scheduler.solver.model;

import java.util.ArrayList;
import java.util.List;
import org.wfm.scheduler.domain.Rules;

/**
 * The contract's shift and break rules as pure checks, shared by the pattern generator, the constraints and
 * the evaluator so all three agree on what a legal shift is. The other rules live beside it: {@link AgentRules}
 * (availability, time off, skills), {@link ContractRules} (rest, days, weekly limits), {@link SeatRules} and
 * {@link PayRules}.
 */
public final class ShiftRules {
    private ShiftRules() {
    }

    /** Pauses a shift of {@code lengthMinutes} must have: max(0, floor(L / every) − 1), at least one with lunch. */
    public static int pauseCount(Rules.Breaks b, int lengthMinutes) {
        if (b == null) {
            return 0;
        }
        int n = Math.max(0, (int) Math.floor(lengthMinutes / 60.0 / b.everyHours() + 1e-9) - 1);
        if (needsLunch(b, lengthMinutes)) {
            n = Math.max(n, 1);
        }
        return n;
    }

    public static boolean needsLunch(Rules.Breaks b, int lengthMinutes) {
        return b != null && lengthMinutes >= Math.round(b.lunchAfterHours() * 60);
    }

    public static boolean lengthAllowed(Rules.Shifts s, int lengthMinutes) {
        for (double h : s.lengthsHours()) {
            if (minutes(h) == lengthMinutes) {
                return true;
            }
        }
        return false;
    }

    /** An allowed length in hours as whole minutes. */
    public static int minutes(double hours) {
        return (int) Math.round(hours * 60);
    }

    /** The longest allowed shift in minutes. */
    public static int maxLengthMinutes(Rules.Shifts s) {
        int max = 0;
        for (double h : s.lengthsHours()) {
            max = Math.max(max, minutes(h));
        }
        return max;
    }

    /** Rules broken by a shift's shape: 1 for a length not allowed, 1 for a start off the step. */
    public static int shapeBreaks(Rules.Shifts s, int startMinuteOfDay, int lengthMinutes) {
        return (lengthAllowed(s, lengthMinutes) ? 0 : 1) + (onStep(s, startMinuteOfDay) ? 0 : 1);
    }

    public static boolean onStep(Rules.Shifts s, int startMinuteOfDay) {
        return startMinuteOfDay % s.startStepMinutes() == 0;
    }

    /**
     * How far a pause may start from its evenly spread time, in minutes: a quarter of {@code every_hours}, at
     * least 30 minutes (so a window always holds a start on any interval grid up to an hour). 30 minutes at the
     * usual two hours: an 8-hour shift's first break may then start from 1:23 to 2:22 into the shift (on a
     * 15-minute grid 1:30, 1:45, 2:00 or 2:15).
     */
    public static int windowHalfWidth(Rules.Breaks b) {
        return Math.max(30, (int) Math.round(b.everyHours() * 15));
    }

    /** Which pause is the lunch: the middle one (the earlier of two middles), -1 when the shift has none. */
    public static int lunchIndex(Rules.Breaks b, int lengthMinutes) {
        return needsLunch(b, lengthMinutes) ? (pauseCount(b, lengthMinutes) - 1) / 2 : -1;
    }

    /** Length of pause {@code k} of a shift (the lunch or a break). */
    public static int pauseMinutes(Rules.Breaks b, int lengthMinutes, int k) {
        return k == lunchIndex(b, lengthMinutes) ? b.lunchMinutes() : b.breakMinutes();
    }

    /** Minutes of all pauses of a shift (breaks and the lunch). */
    public static int pauseTotalMinutes(Rules.Breaks b, int lengthMinutes) {
        int sum = 0;
        for (int k = 0; k < pauseCount(b, lengthMinutes); k++) {
            sum += pauseMinutes(b, lengthMinutes, k);
        }
        return sum;
    }

    /** Evenly spread start of pause {@code k} of {@code n} lasting {@code dur}: centres at (k+1)·L/(n+1). */
    static double evenStart(int lengthMinutes, int n, int k, int dur) {
        return (k + 1) * (double) lengthMinutes / (n + 1) - dur / 2.0;
    }

    /**
     * The starts (offsets from the shift's start, {from, to}, both allowed) that pause {@code k} of
     * {@code pauses} may take while the others stay where they are: not in the first or last hour, within
     * {@link #windowHalfWidth} of its evenly spread start, after the previous pause ends and ending by the time
     * the next begins. from > to when it has nowhere to go. This is the rule {@link #breakProblem} checks, the
     * pause move moves within and the construction places in: break windows in the sense of Aykin (Optimal
     * shift scheduling with multiple break windows, Management Science 42(4), 1996), here derived from the
     * breaks rules rather than set per shift.
     */
    public static int[] pauseWindow(Rules.Breaks b, int lengthMinutes, List<Pause> pauses, int k) {
        Pause p = pauses.get(k);
        int[] w = ownWindow(b, lengthMinutes, pauses.size(), k, p.minutes());
        if (k > 0) {
            w[0] = Math.max(w[0], pauses.get(k - 1).end());
        }
        if (k < pauses.size() - 1) {
            w[1] = Math.min(w[1], pauses.get(k + 1).offset() - p.minutes());
        }
        return w;
    }

    /** The starts pause {@code k} of {@code n} may take whatever the others do: hours and its window. */
    private static int[] ownWindow(Rules.Breaks b, int lengthMinutes, int n, int k, int dur) {
        double even = evenStart(lengthMinutes, n, k, dur);
        int h = windowHalfWidth(b);
        int from = Math.max(60, (int) Math.ceil(even - h - 1e-9));
        int to = Math.min(lengthMinutes - 60 - dur, (int) Math.floor(even + h + 1e-9));
        return new int[] {from, to};
    }

    /** Why the pauses break the rules, or null when they are legal. */
    public static String breakProblem(Rules.Breaks b, int lengthMinutes, List<Pause> pauses) {
        if (b == null) {
            return pauses.isEmpty() ? null : "has pauses but the rules say breaks: none";
        }
        int want = pauseCount(b, lengthMinutes);
        if (pauses.size() != want) {
            return "has " + pauses.size() + " pauses, needs " + want;
        }
        int lunches = 0;
        for (Pause p : pauses) {
            if (p.lunch()) {
                lunches++;
            }
            int dur = p.lunch() ? b.lunchMinutes() : b.breakMinutes();
            if (p.minutes() != dur) {
                return (p.lunch() ? "lunch" : "break") + " of " + p.minutes() + " min, needs " + dur;
            }
        }
        int wantLunch = needsLunch(b, lengthMinutes) ? 1 : 0;
        if (lunches != wantLunch) {
            return "has " + lunches + " lunches, needs " + wantLunch;
        }
        for (int k = 0; k < pauses.size(); k++) {
            Pause p = pauses.get(k);
            int[] w = pauseWindow(b, lengthMinutes, pauses, k);
            if (p.offset() >= w[0] && p.offset() <= w[1]) {
                continue;
            }
            if (p.offset() < 60 || p.end() > lengthMinutes - 60) {
                return "pause in the first or last hour";
            }
            if (k > 0 && p.offset() < pauses.get(k - 1).end()) {
                return "pauses overlap";
            }
            if (k < pauses.size() - 1 && p.end() > pauses.get(k + 1).offset()) {
                return "pauses overlap";
            }
            int[] own = ownWindow(b, lengthMinutes, pauses.size(), k, p.minutes());
            return String.format(java.util.Locale.ROOT, "%s starts %s into the shift, allowed %s to %s",
                    p.lunch() ? "lunch" : "break " + (k + 1), hm(p.offset()), hm(own[0]), hm(own[1]));
        }
        return null;
    }

    /**
     * Where each pause of a shift may sit, as {from, to} offsets: from its window's earliest start to its latest
     * end (first and last hour excluded), in order. A superset of every legal placement, for the lower bounds.
     */
    public static List<int[]> pauseSpans(Rules.Breaks b, int lengthMinutes) {
        List<int[]> out = new ArrayList<>();
        int n = pauseCount(b, lengthMinutes);
        for (int k = 0; k < n; k++) {
            int dur = pauseMinutes(b, lengthMinutes, k);
            int[] w = ownWindow(b, lengthMinutes, n, k, dur);
            out.add(new int[] {w[0], w[1] + dur});
        }
        return out;
    }

    private static String hm(int minutes) {
        return String.format(java.util.Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }

    /**
     * Every legal pattern: each start on the step, each allowed length, pauses as near their evenly spread
     * starts as the interval grid allows, plus variants with all pauses one interval earlier or later. Each
     * agent-day may then move its pauses within their windows ({@link #pauseWindow}); these are the starting
     * points. Ids are dense from 0.
     */
    public static List<ShiftPattern> generate(Rules rules, int intervalMinutes) {
        List<ShiftPattern> out = new ArrayList<>();
        Rules.Shifts s = rules.shifts();
        for (double h : s.lengthsHours()) {
            int len = minutes(h);
            for (int start = 0; start < 1440; start += s.startStepMinutes()) {
                List<List<Pause>> variants = placements(rules.breaks(), start, len, intervalMinutes);
                for (List<Pause> v : variants) {
                    out.add(new ShiftPattern(out.size(), start, len, v));
                }
            }
        }
        return out;
    }

    /** The starts on the interval grid (absolute, so pauses line up with coverage intervals) within a window. */
    public static int[] gridStarts(int startMinute, int[] window, int grid) {
        int first = Math.floorMod(-(startMinute + window[0]), grid) + window[0];
        if (first > window[1]) {
            return new int[0];
        }
        int[] out = new int[(window[1] - first) / grid + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * grid;
        }
        return out;
    }

    static List<List<Pause>> placements(Rules.Breaks b, int start, int len, int grid) {
        List<List<Pause>> out = new ArrayList<>();
        int n = pauseCount(b, len);
        if (n == 0) {
            out.add(List.of());
            return out;
        }
        Pause[] ps = new Pause[n];
        int[] failFrom = new int[n];
        java.util.Arrays.fill(failFrom, Integer.MAX_VALUE);
        if (!nearestEven(b, start, len, grid, ps, 0, 0, failFrom)) {
            return out;
        }
        List<Pause> even = List.of(ps);
        out.add(even);
        // At least a quarter hour, on the grid (a 10-minute grid moves 20 minutes).
        int step = (15 + grid - 1) / grid * grid;
        for (int shift : new int[] {-step, step}) {
            List<Pause> moved = new ArrayList<>();
            for (Pause p : even) {
                moved.add(new Pause(p.offset() + shift, p.minutes(), p.lunch()));
            }
            if (breakProblem(b, len, moved) == null && !out.contains(moved)) {
                out.add(moved);
            }
        }
        return out;
    }

    /**
     * Places pauses k.. on the grid, each at the start nearest its evenly spread one that still lets the rest be
     * placed (depth-first; a later pause that cannot follow a previous end cannot follow a later one either,
     * so failures are remembered per pause and the search stays polynomial).
     */
    private static boolean nearestEven(Rules.Breaks b, int start, int len, int grid, Pause[] ps, int k, int prevEnd,
                                       int[] failFrom) {
        if (k == ps.length) {
            return true;
        }
        if (prevEnd >= failFrom[k]) {
            return false;
        }
        int n = ps.length;
        boolean lunch = k == lunchIndex(b, len);
        int dur = lunch ? b.lunchMinutes() : b.breakMinutes();
        int[] w = ownWindow(b, len, n, k, dur);
        w[0] = Math.max(w[0], prevEnd);
        double even = evenStart(len, n, k, dur);
        Integer[] starts = java.util.Arrays.stream(gridStarts(start, w, grid)).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(starts, java.util.Comparator.comparingDouble((Integer x) -> Math.abs(x - even))
                .thenComparingInt(x -> x));
        for (int x : starts) {
            ps[k] = new Pause(x, dur, lunch);
            if (nearestEven(b, start, len, grid, ps, k + 1, x + dur, failFrom)) {
                return true;
            }
        }
        failFrom[k] = Math.min(failFrom[k], prevEnd);
        return false;
    }
}
