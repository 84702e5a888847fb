package org.wfm.capacity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.solver.SolverProgress;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.ErlangServiceCurves;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.RequirementsCalculator;

/**
 * Measures the scheduling efficiency ({@link Efficiency}) by scheduling representative weeks of the forecast with
 * the real scheduler (the same solver, rules and agents as {@code wfm schedule}, a short move budget and a fixed
 * seed, so the figure depends on the inputs and the seed only) and dividing the schedule's paid hours by the
 * required staff-hours it covers. Covered, not required: when today's agents cannot cover the peaks, the hours
 * they cannot reach are the capacity gap the plan reports, not an inefficiency of scheduling.
 */
public final class EfficiencyCalibration {
    private EfficiencyCalibration() {
    }

    /** The weeks scheduled cover no requirement: there is nothing to measure the efficiency on. */
    public static final class NothingCovered extends IllegalArgumentException {
        NothingCovered(String message) {
            super(message);
        }
    }

    /**
     * @param rules   the rules with their horizon set to the weeks to schedule
     * @param points  the forecast (rows outside the rules' horizon are left out)
     */
    public static Efficiency measure(ChannelPlan plan, List<Agent> agents, List<TimeOff> timeOff, Rules rules,
                                     List<ForecastPoint> points, Duration timeLimit, long seed,
                                     Consumer<SolverProgress> progress) {
        LocalDate from = rules.horizon().start();
        LocalDate to = from.plusDays(rules.horizon().days());
        List<ForecastPoint> inHorizon = points.stream()
                .filter(p -> !p.intervalStart().toLocalDate().isBefore(from) && p.intervalStart().toLocalDate().isBefore(to))
                .toList();
        // as wfm schedule gets them: deferred work as it arrives, the solver moves it within its window
        List<Requirement> reqs = RequirementsCalculator.compute(inHorizon, plan,
                RequirementsCalculator.DeferredMode.AS_ARRIVING);
        ScheduleInput input = new ScheduleInput(plan, reqs, agents, timeOff, rules, List.of(), new ErlangServiceCurves());
        ScheduleOutcome outcome = new ScheduleSolver().solve(input, new SolveOptions(timeLimit, seed).withoutBound(), progress);
        double hours = plan.intervalMinutes() / 60.0;
        Map<String, double[]> deferred = new HashMap<>();
        double required = 0;
        double covered = 0;
        for (CoverageRow c : outcome.coverage()) {
            Channel ch = plan.channel(c.channel()).orElse(null);
            if (ch == null) {
                continue;
            }
            required += c.required() * hours;
            if (ch.kind() == ChannelKind.DEFERRED) {
                double[] d = deferred.computeIfAbsent(c.channel(), k -> new double[2]);
                d[0] += c.required() * hours;
                d[1] += c.scheduled() * hours;
            } else {
                covered += Math.min(c.required(), c.scheduled()) * hours;
            }
        }
        for (double[] d : deferred.values()) {
            covered += Math.min(d[0], d[1]);
        }
        double paid = outcome.summary().paidHours();
        if (!(covered > 0)) {
            throw new NothingCovered("the schedule of " + from + " .. " + to.minusDays(1) + " covers no"
                    + " requirement (no forecast demand, or no agent can work it), so no efficiency can be measured;"
                    + " give --efficiency");
        }
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusWeeks(1)) {
            weeks.add(d);
        }
        return new Efficiency(paid / covered, true, weeks, paid, required, covered, outcome.terminatedBy());
    }
}
