package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.bound.CoverLowerBound;
import org.wfm.scheduler.solver.model.AgentRules;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The cost certificate is a lower bound for every schedule the solver can write, including schedules whose
 * multi-skilled agents change channel at any interval (more blocks than the solver writes today): each of the
 * three bounds on its own is checked, not only their maximum (a wrong part could hide under a larger right one).
 */
class CertificateValidityTest {

    /**
     * Small random problems (every hard rule reachable) solved briefly; the schedule as written, and the same
     * schedule with every work interval of a multi-skilled agent moved to a random channel of theirs, cost at
     * least each bound on covering what they cover. The per-agent bounds are asked only when the schedule keeps
     * every rule, as the solver asks them.
     */
    @Property(tries = 5, shrinking = ShrinkingMode.OFF)
    void solverSchedulesCostAtLeastEachBound(@ForAll long seed) {
        Random r = new Random(seed);
        ScheduleInput in = RandomProblems.problem(r);
        ScheduleOutcome out = new ScheduleSolver().solve(in,
                new SolveOptions(Duration.ofSeconds(20), seed, 0, 2_000).withoutBound(), null);
        for (List<ScheduleRow> rows : List.of(out.rows(), anyChannel(in, out.rows(), r))) {
            var ev = ScheduleEvaluator.evaluate(in, rows).summary();
            double cost = ev.cost().total();
            boolean kept = ev.hardViolations().isEmpty();
            CoverLowerBound.Parts parts = CoverLowerBound.parts(in, ScheduleEvaluator.weightedCoverage(in, rows),
                    kept, cost);
            double eps = 1e-6 * Math.max(1, cost);
            for (Double part : new Double[] {parts.patternLp(), parts.lagrangian(), parts.contractMinimum()}) {
                if (part != null) {
                    assertThat(part).as("seed %d, parts %s, cost %.4f", seed, parts, cost)
                            .isLessThanOrEqualTo(cost + eps);
                }
            }
        }
    }

    /**
     * One day, voice and chat, a voice-only agent and two agents with both skills, 4-hour shifts on the hour
     * between 08:00 and 14:00, random requirements of 0-2 staff per hour and channel: every schedule is
     * enumerated, each hour of a shift on either channel of the agent (a superset of the solver's blocks), and
     * the cheapest that meets every requirement costs at least the bound (and each of its parts).
     */
    @Property(tries = 10, shrinking = ShrinkingMode.OFF)
    void theBoundNeverExceedsTheTrueOptimum(@ForAll long seed) {
        Random r = new Random(seed);
        Rules rules = new Rules(new Rules.Horizon(TestData.MONDAY, 1), new Rules.Shifts(List.of(4.0), 60, 11, 5, 5),
                null, new Rules.Training(60, 4), Map.of(), new Rules.Costs(40, 1.5, 0.25),
                new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));
        List<Agent> agents = List.of(
                agent("v", Map.of("voice", 1.0), 20 + r.nextInt(5), Employment.FULL_TIME, 28),
                agent("b1", Map.of("voice", 1.0, "chat", 0.5 + 0.5 * r.nextDouble()), 20 + r.nextInt(5),
                        Employment.PART_TIME, 0),
                agent("b2", Map.of("voice", 0.5 + 0.5 * r.nextDouble(), "chat", 1.0), 20 + r.nextInt(5),
                        Employment.ON_DEMAND, 0));
        String[] channels = {"voice", "chat"};
        int hours = 6;
        double[][] need = new double[2][hours];
        List<Requirement> reqs = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int h = 0; h < hours; h++) {
                need[c][h] = r.nextInt(3) * (c == 0 ? 1.0 : 0.5);
                for (int q = 0; q < 4; q++) {
                    LocalDateTime t = TestData.MONDAY.atTime(8 + h, 15 * q);
                    reqs.add(new Requirement(t, channels[c], 10, 300, need[c][h], need[c][h]));
                }
            }
        }
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice(), TestData.chat()), reqs, agents,
                List.of(), rules, List.of(), TestData.LINEAR);
        double optimum = bruteForce(in, need, channels, hours);
        CoverLowerBound.Parts parts = CoverLowerBound.parts(in, null, true, Double.NaN);
        if (Double.isInfinite(optimum)) {
            // No schedule meets the requirements: the LP must say so (no bound) or stay below anything.
            return;
        }
        double eps = 1e-6 * optimum;
        assertThat(parts.best()).as("seed %d: %s vs optimum %.4f", seed, parts, optimum).isNotNull()
                .isLessThanOrEqualTo(optimum + eps);
        for (Double part : new Double[] {parts.patternLp(), parts.lagrangian(), parts.contractMinimum()}) {
            if (part != null) {
                assertThat(part).as("seed %d: %s vs optimum %.4f", seed, parts, optimum)
                        .isLessThanOrEqualTo(optimum + eps);
            }
        }
    }

    /** Cheapest schedule meeting every hour's requirement, or +∞: each agent off or one shift, any channel each hour. */
    private static double bruteForce(ScheduleInput in, double[][] need, String[] channels, int hours) {
        List<List<double[]>> options = new ArrayList<>(); // per agent: {cost, cover[c * hours + h]...}
        for (Agent a : in.agents()) {
            List<double[]> mine = new ArrayList<>();
            double[] off = new double[1 + 2 * hours];
            mine.add(off);
            double min = a.employment() == Employment.ON_DEMAND ? 0 : a.minHoursWeek() / 7.0;
            for (int start = 0; start + 4 <= hours; start++) {
                if (4 < min - 1e-9) {
                    continue;
                }
                int[] skills = java.util.stream.IntStream.range(0, 2)
                        .filter(c -> AgentRules.skilled(a, channels[c])).toArray();
                int combos = (int) Math.pow(skills.length, 4);
                for (int m = 0; m < combos; m++) {
                    double[] o = new double[1 + 2 * hours];
                    o[0] = 4 * a.hourlyCost() * (a.employment() == Employment.ON_DEMAND ? 1.25 : 1);
                    int code = m;
                    for (int h = start; h < start + 4; h++) {
                        int c = skills[code % skills.length];
                        code /= skills.length;
                        o[1 + c * hours + h] += a.proficiency(channels[c]);
                    }
                    mine.add(o);
                }
            }
            if (min > 1e-9) {
                mine.remove(off);
            }
            options.add(mine);
        }
        double best = Double.POSITIVE_INFINITY;
        for (double[] x : options.get(0)) {
            for (double[] y : options.get(1)) {
                for (double[] z : options.get(2)) {
                    double cost = x[0] + y[0] + z[0];
                    if (cost >= best) {
                        continue;
                    }
                    boolean ok = true;
                    for (int k = 0; k < 2 * hours && ok; k++) {
                        ok = x[1 + k] + y[1 + k] + z[1 + k] >= need[k / hours][k % hours] - 1e-9;
                    }
                    if (ok) {
                        best = cost;
                    }
                }
            }
        }
        return best;
    }

    /** The schedule with each interval of work of a multi-skilled agent on a random channel the agent has. */
    private static List<ScheduleRow> anyChannel(ScheduleInput in, List<ScheduleRow> rows, Random r) {
        Map<String, Agent> byId = new java.util.HashMap<>();
        in.agents().forEach(a -> byId.put(a.id(), a));
        int im = in.channels().intervalMinutes();
        List<ScheduleRow> out = new ArrayList<>();
        for (ScheduleRow row : rows) {
            Agent a = byId.get(row.agentId());
            List<String> skills = in.channels().channels().stream().map(c -> c.name())
                    .filter(c -> AgentRules.skilled(a, c)).toList();
            if (row.activity() != Activity.WORK || skills.size() < 2) {
                out.add(row);
                continue;
            }
            LocalDateTime t = row.start();
            while (t.isBefore(row.end())) {
                LocalDateTime next = t.plusMinutes(im - (t.getMinute() % im));
                if (next.isAfter(row.end())) {
                    next = row.end();
                }
                out.add(new ScheduleRow(row.agentId(), row.date(), t, next, Activity.WORK,
                        skills.get(r.nextInt(skills.size())), row.location()));
                t = next;
            }
        }
        return out;
    }

    private static Agent agent(String id, Map<String, Double> skills, double cost, Employment e, double min) {
        return new Agent(id, id, null, WorkMode.REMOTE, e, skills, Map.of(), min, 40, cost,
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(14, 0));
    }
}
