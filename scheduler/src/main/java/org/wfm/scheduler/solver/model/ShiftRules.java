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
        int last = 0;
        for (Pause p : pauses) {
            if (p.lunch()) {
                lunches++;
            }
            int dur = p.lunch() ? b.lunchMinutes() : b.breakMinutes();
            if (p.minutes() != dur) {
                return (p.lunch() ? "lunch" : "break") + " of " + p.minutes() + " min, needs " + dur;
            }
            if (p.offset() < 60 || p.end() > lengthMinutes - 60) {
                return "pause in the first or last hour";
            }
            if (p.offset() < last) {
                return "pauses overlap";
            }
            last = p.end();
        }
        int wantLunch = needsLunch(b, lengthMinutes) ? 1 : 0;
        if (lunches != wantLunch) {
            return "has " + lunches + " lunches, needs " + wantLunch;
        }
        return null;
    }

    /**
     * Every legal pattern: each start on the step, each allowed length, pauses spread evenly and snapped to the
     * interval grid, plus variants with all pauses one interval earlier or later (staggering breaks smooths
     * coverage). Ids are dense from 0.
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

    static List<List<Pause>> placements(Rules.Breaks b, int start, int len, int grid) {
        List<List<Pause>> out = new ArrayList<>();
        int n = pauseCount(b, len);
        if (n == 0) {
            out.add(List.of());
            return out;
        }
        int lunchIndex = needsLunch(b, len) ? (n - 1) / 2 : -1;
        int step = Math.max(grid, 15);
        for (int shift : new int[] {0, -step, step}) {
            List<Pause> ps = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                boolean lunch = k == lunchIndex;
                int dur = lunch ? b.lunchMinutes() : b.breakMinutes();
                double ideal = (k + 1) * (double) len / (n + 1) - dur / 2.0;
                // Snap on the absolute grid so pauses line up with coverage intervals.
                int abs = (int) Math.round((start + ideal) / grid) * grid + shift;
                ps.add(new Pause(abs - start, dur, lunch));
            }
            if (breakProblem(b, len, ps) == null && out.stream().noneMatch(ps::equals)) {
                out.add(ps);
            }
        }
        return out;
    }
}
