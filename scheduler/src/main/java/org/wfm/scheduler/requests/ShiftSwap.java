package org.wfm.scheduler.requests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.domain.SwapVerdict;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.Evaluation;
import org.wfm.scheduler.solver.ScheduleEvaluator;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.SeatRules;

/**
 * A shift swap between two agents on one day: each takes the other's shift of that day (a shift that starts that
 * day, with its breaks, lunch and training; one of the two may have none, then the swap gives a shift away). Valid
 * only if the swapped schedule breaks no hard rule the schedule kept (the rules of {@link ScheduleEvaluator}: skill,
 * availability, time off, rest between shifts and after the published schedule, consecutive days, days and hours
 * per week, seats...; {@code ScoreEvaluatorAgreementTest} shows they are the solver's hard constraints) and coverage
 * does not fall: on the days the two shifts touch, no channel either agent works loses more than
 * {@link #SERVICE_LEVEL_TOLERANCE} of planned service level, and no interval falls further short of its requirement.
 *
 * <p>The taken shift is worked where the taker works: a remote agent at home, an on-site agent at their site, a
 * hybrid agent at home if the shift was at home, else at their site (seats are then checked as for any shift).
 */
public final class ShiftSwap {
    /** A planned service level this much lower (0.1 point) counts as a fall; below it is rounding. */
    public static final double SERVICE_LEVEL_TOLERANCE = 0.001;
    /** The rule named when neither agent has a shift that day. */
    public static final String NOTHING = "Shifts to swap";
    /** The rule named when coverage falls. */
    public static final String COVERAGE = "Coverage does not fall";
    private static final double EPS = 1e-6;

    private ShiftSwap() {
    }

    /** The schedule with the two agents' shifts of {@code date} exchanged. */
    public static List<ScheduleRow> swapped(List<ScheduleRow> rows, Agent a, Agent b, LocalDate date) {
        List<ScheduleRow> out = new ArrayList<>(rows.size());
        for (ScheduleRow r : rows) {
            if (r.date().equals(date) && r.agentId().equals(a.id())) {
                out.add(taken(r, b));
            } else if (r.date().equals(date) && r.agentId().equals(b.id())) {
                out.add(taken(r, a));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static ScheduleRow taken(ScheduleRow r, Agent taker) {
        String site = new AgentPlan(taker, 0, List.of(), List.of(), Map.of(), List.of(), 0, null).site();
        String location = site == null || (taker.workMode() == WorkMode.HYBRID && SeatRules.HOME.equals(r.location()))
                ? SeatRules.HOME : site;
        return new ScheduleRow(taker.id(), r.date(), r.start(), r.end(), r.activity(), r.channel(), location);
    }

    /**
     * Checks the swap; {@code before} is the evaluation of {@code rows} (passed in so many swaps on one schedule
     * evaluate it once).
     *
     * @throws IllegalArgumentException when the two are the same agent
     */
    public static SwapVerdict check(ScheduleInput in, List<ScheduleRow> rows, Evaluation before, Agent a, Agent b,
                                    LocalDate date) {
        if (a.id().equals(b.id())) {
            throw new IllegalArgumentException("an agent cannot swap with themselves (" + a.id() + ")");
        }
        List<ScheduleRow> shiftA = shift(rows, a.id(), date);
        List<ScheduleRow> shiftB = shift(rows, b.id(), date);
        if (shiftA.isEmpty() && shiftB.isEmpty()) {
            return new SwapVerdict(false, NOTHING, "not valid: " + NOTHING + ": neither " + a.id() + " nor " + b.id()
                    + " has a shift on " + date);
        }
        Evaluation after = ScheduleEvaluator.evaluate(in, swapped(rows, a, b, date));
        Set<String> had = new LinkedHashSet<>();
        before.summary().hardViolations().forEach(v -> had.add(key(v)));
        for (Summary.Violation v : after.summary().hardViolations()) {
            // a rule of either agent broken anew, or a site over its seats where it was not (or by more agents)
            boolean concerns = a.id().equals(v.agentId()) || b.id().equals(v.agentId()) || v.agentId() == null
                    || v.agentId().isEmpty();
            if (concerns && !had.contains(key(v)) && !fewerOver(v, before)) {
                String who = v.agentId() == null || v.agentId().isEmpty() ? "" : v.agentId() + " ";
                return new SwapVerdict(false, v.constraint(), "not valid: " + v.constraint() + ": " + who
                        + v.date() + (v.detail() == null || v.detail().isEmpty() ? "" : ", " + v.detail()));
            }
        }
        Set<String> channels = new LinkedHashSet<>();
        Set<LocalDate> days = new LinkedHashSet<>();
        for (ScheduleRow r : concat(shiftA, shiftB)) {
            if (r.activity() == Activity.WORK && r.channel() != null) {
                channels.add(r.channel());
            }
            days.add(r.start().toLocalDate());
            days.add(r.end().minusNanos(1).toLocalDate());
        }
        for (String ch : channels) {
            Set<String> one = Set.of(ch);
            double sl0 = DayCoverage.serviceLevel(before.coverage(), one, days);
            double sl1 = DayCoverage.serviceLevel(after.coverage(), one, days);
            if (!Double.isNaN(sl0) && !Double.isNaN(sl1) && sl1 < sl0 - SERVICE_LEVEL_TOLERANCE) {
                return new SwapVerdict(false, COVERAGE, String.format(Locale.ROOT,
                        "not valid: %s: %s service level on %s would fall from %.1f%% to %.1f%%", COVERAGE, ch,
                        days(days), 100 * sl0, 100 * sl1));
            }
            double short0 = DayCoverage.shortfall(before.coverage(), one, days);
            double short1 = DayCoverage.shortfall(after.coverage(), one, days);
            if (short1 > short0 + EPS) {
                return new SwapVerdict(false, COVERAGE, String.format(Locale.ROOT,
                        "not valid: %s: %s on %s would be %.2f agent-intervals short of its requirement instead of "
                                + "%.2f", COVERAGE, ch, days(days), short1, short0));
            }
        }
        return new SwapVerdict(true, null, "valid: " + a.id() + " and " + b.id() + " swap their shifts of " + date
                + " (" + describe(shiftA) + " <-> " + describe(shiftB) + "); every hard rule kept, coverage kept");
    }

    private static String days(Set<LocalDate> days) {
        return String.join("/", days.stream().sorted().map(LocalDate::toString).toList());
    }

    private static String describe(List<ScheduleRow> shift) {
        if (shift.isEmpty()) {
            return "day off";
        }
        var start = shift.stream().map(ScheduleRow::start).min(java.util.Comparator.naturalOrder()).orElseThrow();
        var end = shift.stream().map(ScheduleRow::end).max(java.util.Comparator.naturalOrder()).orElseThrow();
        return String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", start.getHour(), start.getMinute(), end.getHour(),
                end.getMinute());
    }

    private static <T> List<T> concat(List<T> x, List<T> y) {
        List<T> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
    }

    static List<ScheduleRow> shift(List<ScheduleRow> rows, String agentId, LocalDate date) {
        return rows.stream().filter(r -> r.agentId().equals(agentId) && r.date().equals(date)).toList();
    }

    /** A seat violation at a site and time that had at least as many agents over before the swap. */
    private static boolean fewerOver(Summary.Violation v, Evaluation before) {
        if (v.agentId() != null && !v.agentId().isEmpty() || v.detail() == null || !v.detail().contains(": ")) {
            return false;
        }
        String where = v.detail().substring(0, v.detail().lastIndexOf(": "));
        int now = agentsIn(v.detail());
        return before.summary().hardViolations().stream().anyMatch(o -> o.constraint().equals(v.constraint())
                && Objects.equals(o.date(), v.date()) && o.detail() != null
                && o.detail().startsWith(where + ": ") && agentsIn(o.detail()) >= now);
    }

    /** "london at 08:15: 3 agents, 2 seats" gives 3. */
    private static int agentsIn(String detail) {
        try {
            String tail = detail.substring(detail.lastIndexOf(": ") + 2);
            return Integer.parseInt(tail.substring(0, tail.indexOf(' ')));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A broken rule as the agreement test keys it: rule, agent, day, and the detail for a site's seats. */
    private static String key(Summary.Violation v) {
        boolean noAgent = v.agentId() == null || v.agentId().isEmpty();
        return v.constraint() + "|" + v.agentId() + "|" + v.date() + (noAgent ? "|" + v.detail() : "");
    }

    /** The agents of the input by id. */
    public static Map<String, Agent> agents(ScheduleInput in) {
        Map<String, Agent> m = new LinkedHashMap<>();
        in.agents().forEach(x -> m.put(x.id(), x));
        return m;
    }
}
