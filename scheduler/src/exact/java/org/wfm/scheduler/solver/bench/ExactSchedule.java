package org.wfm.scheduler.solver.bench;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.ScheduleEvaluator;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.AgentRules;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.ContractRules;
import org.wfm.scheduler.solver.model.PayRules;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.SeatRules;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The benchmark's single-channel instances without breaks solved exactly, outside the product: a 0-1 integer
 * programme with one variable per agent, day and shift pattern, solved by OR-Tools CP-SAT (Perron and Didier,
 * CP-SAT, Google OR-Tools 9.12, 2024), to give the reference optimum the solver's schedules are compared with.
 * Minimise wages and on-demand premium (in cents, as the product rounds them) subject to: at most one shift a
 * day inside the agent's window and days; every interval's required staff covered; per 7-day block the
 * contract's minimum and maximum paid minutes ({@link ProblemBuilder#week}) and days; at most
 * {@code max_consecutive_days} in a row; the minimum rest between consecutive days' shifts; seats per interval
 * for agents who can only work on site (hybrid agents may work from home, remote ones always do). Single channel
 * and no breaks only (refused otherwise): a shift covers its whole length. The solution is written as schedule
 * rows and checked by the product's {@link ScheduleEvaluator}: 0 hard violations, no interval short, and its
 * cost equal to the model's objective. Bench scope only (Maven profile {@code exact}); run by
 * {@code ./bench exact [30x7x1|80x14x1] [seconds] [workers]}.
 */
public final class ExactSchedule {
    private ExactSchedule() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "30x7x1";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 600;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        ScheduleInput in = SolverBenchmark.instance(name);
        solve(name, in, seconds, workers);
    }

    private record Var(int agent, int day, ShiftPattern pattern, Literal x, long cents) {
    }

    static void solve(String name, ScheduleInput in, double seconds, int workers) {
        Rules rules = in.rules();
        if (rules.breaks() != null || in.channels().channels().size() != 1) {
            throw new IllegalArgumentException("the exact model is for one channel without breaks");
        }
        Loader.loadNativeLibraries();
        long t0 = System.nanoTime();
        int im = in.channels().intervalMinutes();
        int days = rules.horizon().days();
        LocalDate h0 = rules.horizon().start();
        String channel = in.channels().channels().get(0).name();
        int horizonIntervals = days * 1440 / im;
        long[] need = new long[horizonIntervals];
        for (Requirement r : in.requirements()) {
            long m = java.time.temporal.ChronoUnit.MINUTES.between(h0.atStartOfDay(), r.intervalStart());
            if (m >= 0 && m / im < horizonIntervals) {
                // Required staff is whole agents for an immediate channel; proficiencies are checked to be 1.
                need[(int) (m / im)] = (long) Math.ceil(r.requiredStaff() - 1e-9);
            }
        }
        List<ShiftPattern> patterns = ShiftRules.generate(rules, im);
        CpModel model = new CpModel();
        List<Var> vars = new ArrayList<>();
        List<List<Var>> byInterval = new ArrayList<>();
        for (int i = 0; i < horizonIntervals; i++) {
            byInterval.add(new ArrayList<>());
        }
        Map<String, List<List<Var>>> seatUse = new HashMap<>();
        LinearExprBuilder cost = LinearExpr.newBuilder();
        for (int a = 0; a < in.agents().size(); a++) {
            Agent agent = in.agents().get(a);
            if (!AgentRules.skilled(agent, channel)) {
                continue;
            }
            if (Math.abs(agent.proficiency(channel) - 1.0) > 1e-9) {
                throw new IllegalArgumentException("the exact model assumes proficiency 1");
            }
            String seatSite = agent.workMode() == WorkMode.ONSITE ? agent.site() : null;
            Integer seats = seatSite == null ? null : SeatRules.seatsAt(seatSite, rules);
            AgentPlan plan = planOf(agent, h0);
            List<List<Var>> perDay = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                List<Var> today = new ArrayList<>();
                for (ShiftPattern p : patterns) {
                    if (!AgentRules.available(agent, h0.plusDays(d).getDayOfWeek(), p.startMinute(),
                            p.lengthMinutes())) {
                        continue;
                    }
                    long cents = PayRules.wageCents(p.paidMinutes(), agent.hourlyCost())
                            + PayRules.onDemandPremiumCents(agent, p.paidMinutes(), rules.costs());
                    Var v = new Var(a, d, p, model.newBoolVar("x" + a + "_" + d + "_" + p.id()), cents);
                    vars.add(v);
                    today.add(v);
                    cost.addTerm(v.x, cents);
                    int from = d * 1440 + p.startMinute();
                    int to = from + p.lengthMinutes();
                    for (int i = from / im; i * im < to && i < horizonIntervals; i++) {
                        byInterval.get(i).add(v);
                    }
                    if (seats != null) {
                        List<List<Var>> use = seatUse.computeIfAbsent(seatSite, k -> emptyLists(horizonIntervals));
                        for (int i = SeatRules.firstInterval(from, im);
                             i < SeatRules.endInterval(to, im) && i < horizonIntervals; i++) {
                            use.get(i).add(v);
                        }
                    }
                }
                model.addAtMostOne(today.stream().map(Var::x).toArray(Literal[]::new));
                perDay.add(today);
            }
            // Weeks: paid minutes and days.
            for (int w = 0; w * 7 < days; w++) {
                AgentWeek wk = ProblemBuilder.week(plan, w, days, rules, List.of());
                LinearExprBuilder paid = LinearExpr.newBuilder();
                LinearExprBuilder worked = LinearExpr.newBuilder();
                for (int d = w * 7; d < Math.min(days, w * 7 + 7); d++) {
                    for (Var v : perDay.get(d)) {
                        paid.addTerm(v.x, v.pattern.paidMinutes());
                        worked.addTerm(v.x, 1);
                    }
                }
                model.addLinearConstraint(paid, wk.minMinutes(), wk.maxMinutes());
                model.addLessOrEqual(worked, wk.maxDays());
            }
            // Consecutive days: any window of max+1 days has a day off.
            int run = rules.shifts().maxConsecutiveDays();
            for (int d = 0; d + run < days; d++) {
                LinearExprBuilder worked = LinearExpr.newBuilder();
                for (int k = d; k <= d + run; k++) {
                    for (Var v : perDay.get(k)) {
                        worked.addTerm(v.x, 1);
                    }
                }
                model.addLessOrEqual(worked, run);
            }
            // Rest between consecutive days (shifts end by midnight + 10 h at most here, so only neighbours):
            // next start + 1440 − this end ≥ rest when both are worked.
            int rest = ContractRules.restMinutes(rules.shifts());
            if (ContractRules.restReachDays(rules.shifts()) > 1 && patterns.stream()
                    .anyMatch(p -> p.endMinute() + rest > 2 * 1440)) {
                throw new IllegalArgumentException("rest reaching beyond the next day is not modelled");
            }
            for (int d = 0; d + 1 < days; d++) {
                for (Var v : perDay.get(d)) {
                    // x_v ⇒ no shift tomorrow starting before v's end + rest.
                    int earliest = v.pattern.endMinute() + rest - 1440;
                    List<Literal> clash = new ArrayList<>();
                    for (Var t : perDay.get(d + 1)) {
                        if (t.pattern.startMinute() < earliest) {
                            clash.add(t.x);
                        }
                    }
                    if (!clash.isEmpty()) {
                        for (Literal c : clash) {
                            model.addImplication(v.x, c.not());
                        }
                    }
                }
            }
        }
        for (int i = 0; i < horizonIntervals; i++) {
            if (need[i] > 0) {
                LinearExprBuilder cover = LinearExpr.newBuilder();
                for (Var v : byInterval.get(i)) {
                    cover.addTerm(v.x, 1);
                }
                model.addGreaterOrEqual(cover, need[i]);
            }
        }
        seatUse.forEach((site, use) -> {
            int seats = SeatRules.seatsAt(site, rules);
            for (List<Var> list : use) {
                if (list.size() > seats) {
                    LinearExprBuilder held = LinearExpr.newBuilder();
                    list.forEach(v -> held.addTerm(v.x, 1));
                    model.addLessOrEqual(held, seats);
                }
            }
        });
        model.minimize(cost);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds);
        solver.getParameters().setNumWorkers(workers);
        solver.getParameters().setRandomSeed(1);
        solver.getParameters().setLogSearchProgress(true);
        CpSolverStatus status = solver.solve(model);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            System.out.printf(Locale.ROOT, "%s status=%s variables=%d seconds=%.1f%n", name, status, vars.size(), wall);
            return;
        }
        List<ScheduleRow> rows = new ArrayList<>();
        for (Var v : vars) {
            if (solver.booleanValue(v.x)) {
                Agent agent = in.agents().get(v.agent);
                LocalDate date = h0.plusDays(v.day);
                String location = agent.workMode() == WorkMode.ONSITE ? agent.site() : SeatRules.HOME;
                rows.add(new ScheduleRow(agent.id(), date, date.atStartOfDay().plusMinutes(v.pattern.startMinute()),
                        date.atStartOfDay().plusMinutes(v.pattern.endMinute()), Activity.WORK, channel, location));
            }
        }
        Summary s = ScheduleEvaluator.evaluate(in, rows).summary();
        System.out.printf(Locale.ROOT,
                "%s status=%s optimum=%.2f bestBound=%.2f gapToBound=%.5f variables=%d seconds=%.1f workers=%d"
                        + " | evaluator: cost=%.2f hardViolations=%d uncovered=%d shifts=%d%n",
                name, status, solver.objectiveValue() / 100.0, solver.bestObjectiveBound() / 100.0,
                (solver.objectiveValue() - solver.bestObjectiveBound()) / solver.objectiveValue(), vars.size(), wall,
                workers, s.cost().total(), s.hardViolations().size(), s.uncoveredIntervals().size(), rows.size());
        s.hardViolations().stream().limit(5).forEach(v -> System.out.println("  violation " + v));
    }

    private static List<List<Var>> emptyLists(int n) {
        List<List<Var>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    private static AgentPlan planOf(Agent a, LocalDate h0) {
        return new AgentPlan(a, 0, List.of("-"), List.of(), Map.of(), List.of(), 0, null);
    }
}
