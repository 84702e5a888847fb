package org.wfm.scheduler.solver.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;

/**
 * Working patterns and rotations (rules.yaml {@code patterns:}) as one rule, used by the problem builder (a hard
 * pattern's days off leave the agent no shift that day, as unavailable days do), the constraints and the evaluator.
 * A cyclic rotation of weeks with an anchor date is how WFM suites (Genesys, Verint, Calabrio "rotations") and the
 * nurse-rostering literature (cyclic schedules, e.g. Burke et al. 2004, "The state of the art of nurse rostering",
 * J. Scheduling 7) describe fixed days off, alternate weekends and multi-week rotations; staggering the agents by
 * one week each spreads a rotation's weekends off across the team instead of giving everyone the same one.
 */
public final class PatternRules {
    private PatternRules() {
    }

    /** A day off one pattern gives one agent. */
    public record DayOff(Rules.Pattern pattern, int day) {
    }

    /**
     * Whether {@code p} gives the date off to the agent at {@code position} among the agents it covers (agents.csv
     * order): the week of the cycle is floor(days since anchor ÷ 7) − position (when staggered), modulo its length.
     */
    public static boolean dayOff(Rules.Pattern p, int position, LocalDate date) {
        long days = ChronoUnit.DAYS.between(p.anchor(), date);
        long week = Math.floorDiv(days, 7) - (p.stagger() ? position : 0);
        int k = (int) Math.floorMod(week, (long) p.weeks().size());
        return !p.weeks().get(k).contains(date.getDayOfWeek());
    }

    /** Per agent id, the days off every pattern gives in the horizon (agents without any are absent). */
    public static Map<String, List<DayOff>> daysOff(List<Rules.Pattern> patterns, List<Agent> agents,
                                                     LocalDate start, int days) {
        Map<String, List<DayOff>> out = new LinkedHashMap<>();
        for (Rules.Pattern p : patterns) {
            int position = 0;
            for (Agent a : agents) {
                if (!p.covers(a.id())) {
                    continue;
                }
                for (int d = 0; d < days; d++) {
                    if (dayOff(p, position, start.plusDays(d))) {
                        out.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(new DayOff(p, d));
                    }
                }
                position++;
            }
        }
        return out;
    }

    /** Cents a worked soft-pattern day off costs. */
    public static long softCents(Rules.Pattern p) {
        return p.hard() ? 0 : Math.round(p.weight() * 100);
    }
}
