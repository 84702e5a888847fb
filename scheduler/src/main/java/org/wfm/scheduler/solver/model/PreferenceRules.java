package org.wfm.scheduler.solver.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wfm.scheduler.domain.Preference;
import org.wfm.scheduler.domain.Rules;

/**
 * Agents' preferences as one rule, shared by the constraints (through {@link AgentDay#preferenceCents}) and the
 * evaluator so that "met" means the same in the score and in summary.json.
 * <p>
 * A wish is judged on the shift that starts on its date (as schedule.csv's {@code date}):
 * <ul>
 * <li>{@code day_off}: unmet when there is a shift (share 1);</li>
 * <li>{@code avoid}: the share of the window's minutes the shift overlaps;</li>
 * <li>{@code prefer}: the share of the shift's minutes outside the window (a day off meets it: the wish is about
 * when to work, not whether).</li>
 * </ul>
 * The penalty is the wish's price times that share: proportional to the overlapping minutes, as the employee
 * rostering examples of OptaPlanner/Timefold price undesired and desired time slots (penalty by overlap minutes).
 * Points follow the point systems of WFM suites (e.g. Calabrio's preference points): each agent's points over the
 * horizon are scaled down to {@link Rules.Preferences#budgetPoints()} when they exceed it, so writing large numbers
 * buys no more weight than writing small ones.
 */
public final class PreferenceRules {
    private PreferenceRules() {
    }

    /**
     * One preference on one day of the horizon. {@code from}/{@code to}: the window in minutes from the date's
     * midnight ({@code to > from}; an overnight window ends after 1440); 0/0 for a day off. {@code points}: the
     * weight after the agent's budget; {@code cents}: its price.
     */
    public record Wish(Preference source, LocalDate date, int day, int from, int to, double points, long cents) {
        public Preference.Kind kind() {
            return source.kind();
        }
    }

    /**
     * The share of a wish left unmet by a shift running {@code shiftFrom}..{@code shiftTo} minutes from the wish's
     * midnight ({@code working} false: no shift that day): 0 = met, 1 = wholly unmet.
     */
    public static double unmetShare(Wish w, boolean working, int shiftFrom, int shiftTo) {
        if (!working) {
            return 0;
        }
        return switch (w.kind()) {
            case DAY_OFF -> 1;
            case AVOID -> (double) overlap(w.from(), w.to(), shiftFrom, shiftTo) / (w.to() - w.from());
            case PREFER -> shiftTo <= shiftFrom ? 0
                    : (double) (shiftTo - shiftFrom - overlap(w.from(), w.to(), shiftFrom, shiftTo))
                    / (shiftTo - shiftFrom);
        };
    }

    /** Whether the wish is met (nothing of it unmet). */
    public static boolean met(Wish w, boolean working, int shiftFrom, int shiftTo) {
        return unmetShare(w, working, shiftFrom, shiftTo) <= 0;
    }

    /** The price of what is unmet, in cents (the score's soft unit). */
    public static long unmetCents(Wish w, boolean working, int shiftFrom, int shiftTo) {
        return Math.round(w.cents() * unmetShare(w, working, shiftFrom, shiftTo));
    }

    static int overlap(int a0, int a1, int b0, int b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    /**
     * Every row spread over the days of the horizon it applies to (a weekday row on each such day), per agent in
     * file order, with each agent's points scaled to the budget: factor = min(1, budget ÷ Σ points of the agent's
     * wishes in the horizon).
     */
    public static Map<String, List<Wish>> expand(List<Preference> rows, LocalDate start, int days,
                                                 Rules.Preferences pricing) {
        Map<String, List<Preference>> byAgent = new LinkedHashMap<>();
        Map<String, List<Integer>> dayOf = new LinkedHashMap<>();
        for (Preference p : rows) {
            for (int d = 0; d < days; d++) {
                if (p.appliesTo(start.plusDays(d))) {
                    byAgent.computeIfAbsent(p.agentId(), k -> new ArrayList<>()).add(p);
                    dayOf.computeIfAbsent(p.agentId(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        Map<String, List<Wish>> out = new LinkedHashMap<>();
        byAgent.forEach((agent, list) -> {
            double total = list.stream().mapToDouble(Preference::weight).sum();
            double factor = total > pricing.budgetPoints() && total > 0 ? pricing.budgetPoints() / total : 1;
            List<Wish> wishes = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Preference p = list.get(i);
                int d = dayOf.get(agent).get(i);
                double points = p.weight() * factor;
                int from = 0;
                int to = 0;
                if (p.kind() != Preference.Kind.DAY_OFF) {
                    from = p.start().toSecondOfDay() / 60;
                    to = p.end().toSecondOfDay() / 60;
                    if (to <= from) {
                        to += 1440;
                    }
                }
                wishes.add(new Wish(p, start.plusDays(d), d, from, to, points,
                        Math.round(points * pricing.pointValue() * 100)));
            }
            out.put(agent, List.copyOf(wishes));
        });
        return out;
    }
}
