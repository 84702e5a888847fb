package org.wfm.scheduler.solver.bound;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The LP relaxation of the set-covering model with one column per agent, day, legal pattern and channel:
 * each agent at their own price (on-demand premium included), at most one shift a day, the contract's weekly
 * hours (minimum and maximum) and days. Rest, consecutive days, seats and overtime are relaxed away, so the
 * optimum is a lower bound on the wages and premium of any schedule that keeps the hard rules and meets every
 * requirement. Returns null when the LP is too big or infeasible (demand beyond what the agents can give).
 */
final class PerAgentBound {
    /** Past this the LP is abandoned (its result would not be optimal, so not a bound) for the pattern LP. */
    static final long TIME_ABORT_MILLIS = 20_000;
    private PerAgentBound() {
    }

    static Double compute(ScheduleInput in, int columnLimit) {
        Rules rules = in.rules();
        int im = in.channels().intervalMinutes();
        int days = rules.horizon().days();
        int horizonIntervals = days * 1440 / im;
        LocalDate h0 = rules.horizon().start();
        List<Channel> channels = in.channels().channels();
        List<ShiftPattern> patterns = ShiftRules.generate(rules, im);

        double[][] need = new double[channels.size()][horizonIntervals];
        for (Requirement r : in.requirements()) {
            int c = index(channels, r.channel());
            long m = ChronoUnit.MINUTES.between(h0.atStartOfDay(), r.intervalStart());
            if (c >= 0 && m >= 0 && m / im < horizonIntervals && r.requiredStaff() > 0) {
                need[c][(int) (m / im)] = r.requiredStaff();
            }
        }
        int[][] rowOf = new int[channels.size()][horizonIntervals];
        List<Double> rhs = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            java.util.Arrays.fill(rowOf[c], -1);
            Channel ch = channels.get(c);
            int window = ch.kind() == ChannelKind.DEFERRED ? ProblemBuilder.deferredWindowIntervals(ch, im) : 1;
            for (int w0 = 0; w0 < horizonIntervals; w0 += window) {
                int n = Math.min(window, horizonIntervals - w0);
                double sum = 0;
                for (int i = w0; i < w0 + n; i++) {
                    sum += need[c][i];
                }
                if (sum > 0) {
                    for (int i = w0; i < w0 + n; i++) {
                        rowOf[c][i] = rhs.size();
                    }
                    rhs.add(sum);
                }
            }
        }
        if (rhs.isEmpty()) {
            return null;
        }

        // Count columns first so a big instance costs nothing here.
        Map<String, List<TimeOff>> offs = new HashMap<>();
        in.timeOff().forEach(t -> offs.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        long count = 0;
        for (Agent a : in.agents()) {
            long skills = channels.stream().filter(ch -> a.proficiency(ch.name()) > 0).count();
            count += skills * days * patterns.stream().filter(p -> inWindow(a, p)).count();
        }
        if (count > columnLimit) {
            return null;
        }

        ExpressionsBasedModel model = new ExpressionsBasedModel();
        // Measured on 20 agents × 7 days (~6k columns): 17 s with the newer simplex, 22 s with the default.
        model.options.experimental = true;
        model.options.time_abort = TIME_ABORT_MILLIS;
        Expression[] cover = new Expression[rhs.size()];
        for (int r = 0; r < rhs.size(); r++) {
            cover[r] = model.addExpression("cover" + r).lower(rhs.get(r));
        }
        boolean[] touched = new boolean[rhs.size()];
        int n = 0;
        for (Agent a : in.agents()) {
            List<TimeOff> myOff = offs.getOrDefault(a.id(), List.of());
            AgentPlan plan = planOf(a, myOff, h0);
            double price = a.hourlyCost()
                    * (a.employment() == Employment.ON_DEMAND ? 1 + rules.costs().onDemandPremium() : 1);
            for (int w = 0; w * 7 < days; w++) {
                AgentWeek wk = ProblemBuilder.week(plan, w, days, rules, myOff);
                Expression hours = model.addExpression(a.id() + "h" + w).upper(wk.maxMinutes() / 60.0)
                        .lower(wk.minMinutes() / 60.0);
                Expression dayCount = model.addExpression(a.id() + "d" + w).upper(wk.maxDays());
                for (int d = w * 7; d < Math.min(days, w * 7 + 7); d++) {
                    LocalDate date = h0.plusDays(d);
                    if (!a.availableDays().contains(date.getDayOfWeek())) {
                        continue;
                    }
                    Expression one = model.addExpression(a.id() + "@" + d).upper(1);
                    for (ShiftPattern p : patterns) {
                        if (!inWindow(a, p) || plan.offOverlap(d * 1440 + p.startMinute(), d * 1440 + p.endMinute()) > 0) {
                            continue;
                        }
                        double paid = p.paidMinutes() / 60.0;
                        for (int c = 0; c < channels.size(); c++) {
                            double prof = a.proficiency(channels.get(c).name());
                            if (prof <= 0) {
                                continue;
                            }
                            Map<Integer, Double> coef = coverage(d, p, c, rowOf, im, prof);
                            if (coef.isEmpty() && wk.minMinutes() == 0) {
                                continue;
                            }
                            // Costs lowered by under a millionth, differently per column: breaks the ties that
                            // stall the simplex on this very degenerate LP, and keeps the optimum a lower bound.
                            double jitter = 1 - 1e-6 * ((n * 0x9E3779B9L & 0xFFFF) / 65536.0);
                            Variable x = model.addVariable("x" + n++).lower(0).weight(paid * price * jitter);
                            coef.forEach((r, v) -> {
                                cover[r].set(x, v);
                                touched[r] = true;
                            });
                            one.set(x, 1);
                            hours.set(x, paid);
                            dayCount.set(x, 1);
                        }
                    }
                }
            }
        }
        for (int r = 0; r < rhs.size(); r++) {
            if (!touched[r]) {
                return null;
            }
        }
        Optimisation.Result result = model.minimise();
        return result.getState().isOptimal() ? result.getValue() : null;
    }

    private static AgentPlan planOf(Agent a, List<TimeOff> offs, LocalDate h0) {
        List<int[]> ranges = new ArrayList<>();
        for (TimeOff t : offs) {
            int day = (int) ChronoUnit.DAYS.between(h0, t.date());
            if (t.wholeDay()) {
                ranges.add(new int[] {day * 1440, day * 1440 + 1440});
            } else {
                int s = day * 1440 + t.start().toSecondOfDay() / 60;
                int e = day * 1440 + t.end().toSecondOfDay() / 60;
                ranges.add(new int[] {s, e <= s ? e + 1440 : e});
            }
        }
        return new AgentPlan(a, 0, List.of("-"), List.of(), Map.of(), ranges, 0, null);
    }

    private static Map<Integer, Double> coverage(int day, ShiftPattern p, int c, int[][] rowOf, int im, double prof) {
        Map<Integer, Double> out = new HashMap<>();
        int base = day * 1440 + p.startMinute();
        for (int[] seg : p.workSegments()) {
            int from = base + seg[0];
            int to = base + seg[1];
            for (int i = Math.floorDiv(from, im); i * im < to; i++) {
                if (i < 0 || i >= rowOf[c].length || rowOf[c][i] < 0) {
                    continue;
                }
                int overlap = Math.min(to, (i + 1) * im) - Math.max(from, i * im);
                out.merge(rowOf[c][i], prof * overlap / im, Double::sum);
            }
        }
        return out;
    }

    private static boolean inWindow(Agent a, ShiftPattern p) {
        int es = a.earliestStart().toSecondOfDay() / 60;
        int le = a.latestEnd().toSecondOfDay() / 60;
        if (le <= es) {
            le += 1440;
        }
        return p.startMinute() >= es && p.endMinute() <= le;
    }

    private static int index(List<Channel> channels, String name) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
