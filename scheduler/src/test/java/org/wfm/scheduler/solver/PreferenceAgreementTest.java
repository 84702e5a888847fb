package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.FairnessCount;
import org.wfm.scheduler.domain.Preference;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.ConstraintName;
import org.wfm.scheduler.solver.model.FairnessRules;
import org.wfm.scheduler.solver.model.RowWriter;
import org.wfm.scheduler.solver.model.Schedule;

/**
 * The preference constraints (OptaPlanner's constraint-match analysis) and the evaluator (schedule rows only) price
 * the same unmet preferences: on random problems, random preferences and random schedules, each agent's unmet cost
 * in summary.json is the sum of that agent's preference matches in the score, and an agent with every preference
 * met has no match. The fairness terms agree too: the score's weekend and late-shift penalties equal those computed
 * from the evaluator's per-agent counts (summary.json {@code fairness}) with random counts carried in.
 */
class PreferenceAgreementTest {
    private static final SolutionManager<Schedule, HardMediumSoftLongScore> SCORE = SolutionManager.create(
            SolverFactory.create(ScheduleSolver.config(new SolveOptions(Duration.ofSeconds(1), 1))));
    private static final List<String> PREFERENCE_CONSTRAINTS = List.of(
            ConstraintName.PREFERRED_SHIFT_TIMES.phrase(), ConstraintName.AVOIDED_TIMES_FREE.phrase(),
            ConstraintName.REQUESTED_DAYS_OFF.phrase());

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void scoreAndEvaluatorPriceTheSamePreferences(@ForAll long seed) {
        Random r = new Random(seed);
        ScheduleInput base = RandomProblems.problem(r);
        List<FairnessCount> carried = new ArrayList<>();
        base.agents().forEach(a -> carried.add(new FairnessCount(a.id(), r.nextInt(5), r.nextInt(5))));
        ScheduleInput in = base.withPreferences(randomPreferences(base, r)).withCarried(carried);
        Schedule s = ScheduleSolver.build(in);
        RandomProblems.scramble(s, r);

        Map<String, Long> scored = new HashMap<>();
        long fairnessScored = 0;
        var totals = SCORE.explain(s).getConstraintMatchTotalMap().values();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> t : totals) {
            if (t.getConstraintName().equals(ConstraintName.FAIR_WEEKENDS.phrase())
                    || t.getConstraintName().equals(ConstraintName.FAIR_LATE_SHIFTS.phrase())) {
                fairnessScored -= t.getScore().softScore();
            }
        }
        for (ConstraintMatchTotal<HardMediumSoftLongScore> t : totals) {
            if (!PREFERENCE_CONSTRAINTS.contains(t.getConstraintName())) {
                continue;
            }
            for (ConstraintMatch<HardMediumSoftLongScore> m : t.getConstraintMatchSet()) {
                AgentDay d = (AgentDay) m.getIndictedObjectList().get(0);
                scored.merge(d.getPlan().id(), -m.getScore().softScore(), Long::sum);
            }
        }
        Summary summary = ScheduleEvaluator.evaluate(in, RowWriter.rows(s)).summary();
        Summary.Preferences p = summary.preferences();
        // fairness: the score's convex terms recomputed from the evaluator's counts (the same counting rule)
        var fair = in.rules().fairness();
        long fairnessEvaluated = 0;
        for (Summary.AgentFairness a : summary.fairness().agents()) {
            fairnessEvaluated += FairnessRules.cents(fair.weekendPrice(), a.carriedWeekendDays(), a.weekendDays())
                    + FairnessRules.cents(fair.latePrice(), a.carriedLateShifts(), a.lateShifts());
        }
        assertThat(fairnessEvaluated).as("fairness cents, seed %d", seed).isEqualTo(fairnessScored);
        Map<String, Long> evaluated = new HashMap<>();
        for (Summary.AgentPreferences a : p.agents()) {
            if (Math.round(a.unmetCost() * 100) != 0) {
                evaluated.put(a.agentId(), Math.round(a.unmetCost() * 100));
            }
            if (a.met() == a.total()) {
                assertThat(scored.getOrDefault(a.agentId(), 0L)).as("all met, seed %d", seed).isZero();
            }
        }
        scored.values().removeIf(v -> v == 0);
        assertThat(evaluated).as("unmet cents per agent, seed %d", seed).isEqualTo(scored);
        assertThat(p.total()).isEqualTo(p.agents().stream().mapToInt(Summary.AgentPreferences::total).sum());
    }

    static List<Preference> randomPreferences(ScheduleInput in, Random r) {
        List<Preference> out = new ArrayList<>();
        int days = in.rules().horizon().days();
        for (Agent a : in.agents()) {
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                Preference.Kind kind = Preference.Kind.values()[r.nextInt(3)];
                LocalTime from = kind == Preference.Kind.DAY_OFF ? null : LocalTime.of(r.nextInt(24), 30 * r.nextInt(2));
                LocalTime to = from == null ? null : from.plusMinutes(30 + 30L * r.nextInt(20));
                boolean weekday = r.nextBoolean();
                out.add(new Preference(a.id(), weekday ? null : in.rules().horizon().start().plusDays(r.nextInt(days)),
                        weekday ? DayOfWeek.of(1 + r.nextInt(7)) : null, kind, from, to, 1 + r.nextInt(80), i + 2));
            }
        }
        return out;
    }
}
