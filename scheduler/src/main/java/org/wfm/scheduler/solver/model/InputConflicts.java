package org.wfm.scheduler.solver.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.InputConflict;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.domain.WorkMode;

/**
 * Rules no schedule can satisfy with these inputs, found before solving so the planner reads them apart from
 * what the solver did: a weekly minimum above what the agent's days, hours, time off and day limits allow; an
 * agent whose window no allowed shift fits; a site whose seats cannot hold its on-site agents' minimum hours.
 * Each test is a necessary condition (an upper bound on what can be scheduled), so a conflict named here is
 * certain; a schedule may still fall short elsewhere for reasons only the solver sees (rest, seats at one hour).
 */
public final class InputConflicts {
    static final String MINIMUM = ConstraintName.WEEKLY_HOURS_MIN.phrase();
    static final String AVAILABILITY = ConstraintName.AVAILABILITY.phrase();
    static final String SEATS = ConstraintName.SEATS_PER_SITE.phrase();

    private InputConflicts() {
    }

    /**
     * Most paid minutes the agent can work in the week: the longest paid shift each day allows, on no more days
     * than the week allows and with no run of working days too long (the run before the week counted), capped by
     * the weekly maximum, each limit as {@link ContractRules} defines it. A dynamic programme over the week's days,
     * the current run length and the days worked.
     */
    public static int reachableMinutes(AgentWeek week, List<List<ShiftPattern>> ranges, int priorRun,
                                       Rules.Shifts shifts) {
        int maxRun = shifts.maxConsecutiveDays();
        int from = week.week() * 7;
        int n = week.days();
        int[] best = new int[n];
        for (int k = 0; k < n; k++) {
            for (ShiftPattern p : ranges.get(from + k)) {
                best[k] = Math.max(best[k], p.paidMinutes());
            }
        }
        int maxDays = Math.min(week.maxDays(), n);
        // value[run][count]: most minutes so far ending with a run of `run` days and `count` days worked.
        long none = Long.MIN_VALUE;
        long[][] value = new long[maxRun + 1][maxDays + 1];
        for (long[] row : value) {
            Arrays.fill(row, none);
        }
        value[Math.min(priorRun, maxRun)][0] = 0;
        for (int k = 0; k < n; k++) {
            long[][] next = new long[maxRun + 1][maxDays + 1];
            for (long[] row : next) {
                Arrays.fill(row, none);
            }
            for (int r = 0; r <= maxRun; r++) {
                for (int c = 0; c <= maxDays; c++) {
                    long v = value[r][c];
                    if (v == none) {
                        continue;
                    }
                    next[0][c] = Math.max(next[0][c], v);
                    if (best[k] > 0 && r + 1 <= maxRun && !ContractRules.runTooLong(r + 1, shifts) && c + 1 <= maxDays
                            && ContractRules.daysBeyond(c + 1, week) == 0) {
                        next[r + 1][c + 1] = Math.max(next[r + 1][c + 1], v + best[k]);
                    }
                }
            }
            value = next;
        }
        long most = 0;
        for (long[] row : value) {
            for (long v : row) {
                most = Math.max(most, v);
            }
        }
        return (int) most - ContractRules.minutesOverMaximum((int) most, week);
    }

    static InputConflict minimumUnreachable(Agent a, Rules rules, int w, AgentWeek contract, int reachable) {
        LocalDate from = rules.horizon().start().plusDays(w * 7L);
        return new InputConflict(MINIMUM, a.id(), null, from.toString(), String.format(Locale.ROOT,
                "minimum %.2f h but at most %.2f h can be scheduled (available %s %s-%s, at most %d days a week"
                        + " and %d in a row, time off counted)", contract.minMinutes() / 60.0, reachable / 60.0,
                days(a), a.earliestStart(), a.latestEnd(), contract.maxDays(),
                rules.shifts().maxConsecutiveDays()));
    }

    /** An agent who could work some day of the horizon, but whose window no allowed shift fits. */
    static List<InputConflict> noShiftFits(Agent a, Rules rules, List<TimeOff> offs,
                                           List<List<ShiftPattern>> ranges, boolean skilled) {
        if (!skilled || ranges.stream().anyMatch(r -> !r.isEmpty())) {
            return List.of();
        }
        boolean someDayOpen = false;
        for (int d = 0; d < ranges.size(); d++) {
            LocalDate date = rules.horizon().start().plusDays(d);
            boolean wholeDayOff = offs.stream().anyMatch(t -> t.wholeDay() && t.date().equals(date));
            someDayOpen |= a.availableDays().contains(date.getDayOfWeek()) && !wholeDayOff;
        }
        if (!someDayOpen) {
            return List.of();
        }
        String lengths = rules.shifts().lengthsHours().stream().map(h -> h % 1 == 0 ? String.valueOf(h.intValue())
                : String.valueOf(h)).collect(Collectors.joining(", "));
        return List.of(new InputConflict(AVAILABILITY, a.id(), null, rules.horizon().start().toString(),
                "no allowed shift (" + lengths + " h, starting every " + rules.shifts().startStepMinutes()
                        + " min) fits the window " + a.earliestStart() + "-" + a.latestEnd() + " on " + days(a)
                        + " outside time off"));
    }

    /**
     * Sites whose seats cannot hold the weekly minimum hours of the agents who can only work there: the seats
     * times the minutes in which any of them could be on shift, against the sum of their minimums. Hybrid agents
     * can go home, so they are not counted.
     */
    static List<InputConflict> seats(Rules rules, List<AgentWeek> weeks, List<AgentDay> days) {
        List<InputConflict> out = new ArrayList<>();
        if (rules.siteSeats().isEmpty()) {
            return out;
        }
        int horizon = rules.horizon().days();
        Map<String, boolean[]> open = new LinkedHashMap<>();
        // Agent-days share their shift lists (ProblemBuilder): a list already marked on a day of a site adds nothing,
        // so each is marked once (10,000 agents × 14 days: 2 s of the build before).
        Map<String, Map<List<ShiftPattern>, boolean[]>> marked = new java.util.HashMap<>();
        for (AgentDay d : days) {
            if (!onSiteOnly(d.getPlan()) || !rules.siteSeats().containsKey(d.getPlan().site())) {
                continue;
            }
            boolean[] done = marked.computeIfAbsent(d.getPlan().site(), k -> new java.util.IdentityHashMap<>())
                    .computeIfAbsent(d.getPatternRange(), k -> new boolean[horizon]);
            if (done[d.getDay()]) {
                continue;
            }
            done[d.getDay()] = true;
            boolean[] minutes = open.computeIfAbsent(d.getPlan().site(), k -> new boolean[(horizon + 1) * 1440]);
            for (ShiftPattern p : d.getPatternRange()) {
                Arrays.fill(minutes, d.getDay() * 1440 + p.startMinute(), d.getDay() * 1440 + p.endMinute(), true);
            }
        }
        for (var e : open.entrySet()) {
            String site = e.getKey();
            int seats = rules.siteSeats().get(site);
            for (int w = 0; w * 7 < horizon; w++) {
                int week = w;
                long need = weeks.stream().filter(k -> k.week() == week && onSiteOnly(k.plan())
                        && site.equals(k.plan().site())).mapToLong(AgentWeek::minMinutes).sum();
                int from = w * 1440 * 7;
                int to = Math.min(horizon, w * 7 + 7) * 1440;
                long openMinutes = 0;
                for (int m = from; m < to; m++) {
                    openMinutes += e.getValue()[m] ? 1 : 0;
                }
                long capacity = openMinutes * seats;
                if (need > capacity) {
                    out.add(new InputConflict(SEATS, null, site, rules.horizon().start().plusDays(w * 7L).toString(),
                            String.format(Locale.ROOT, "the on-site agents' weekly minimums need %.1f h at %s;"
                                    + " %d seats over the hours they can work give at most %.1f h", need / 60.0, site,
                                    seats, capacity / 60.0)));
                }
            }
        }
        return out;
    }

    private static boolean onSiteOnly(AgentPlan p) {
        return p.agent().workMode() == WorkMode.ONSITE && p.site() != null;
    }

    private static String days(Agent a) {
        return Arrays.stream(DayOfWeek.values()).filter(a.availableDays()::contains)
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(","));
    }
}
