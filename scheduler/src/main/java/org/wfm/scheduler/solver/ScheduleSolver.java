package org.wfm.scheduler.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.value.ValueSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.solver.bound.CoverLowerBound;
import org.wfm.scheduler.solver.construct.GreedyConstruction;
import org.wfm.scheduler.solver.construct.NudgeShiftMoveFactory;
import org.wfm.scheduler.solver.construct.PauseMoveFactory;
import org.wfm.scheduler.solver.construct.RuinRecreateMoveFactory;
import org.wfm.scheduler.solver.construct.SwapAgentsMoveFactory;
import org.wfm.scheduler.solver.construct.SwapDaysMoveFactory;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.RowWriter;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.score.ScheduleConstraintProvider;

/**
 * Builds the schedule: a greedy construction (see {@link GreedyConstruction}) then late-acceptance local search
 * (Burke and Bykov, The late acceptance hill-climbing heuristic, EJOR 258, 2017) over shift changes, nudges,
 * day swaps, channel, training and location changes, and ruin-and-recreate of a few overlapping shifts
 * ({@link RuinRecreateMoveFactory}). The outcome is always passed through
 * {@link ScheduleEvaluator}, so what is reported is exactly what schedule.csv implies.
 */
public class ScheduleSolver {
    /** {@link ScheduleOutcome#terminatedBy()}: the move budget ran out (reproducible). */
    public static final String MOVE_BUDGET = "move budget";
    /** {@link ScheduleOutcome#terminatedBy()}: no better schedule for the unimproved step count (reproducible). */
    public static final String UNIMPROVED = "unimproved";
    /**
     * {@link ScheduleOutcome#terminatedBy()}: the wall-clock safety net ({@link SolveOptions#safetyNet()}) cut the
     * search before its work budget was spent, so another run with the same inputs and seed may differ.
     */
    public static final String TIME_LIMIT = "wall-clock safety net";
    /** {@link ScheduleOutcome#terminatedBy()}: nothing to plan (no agents or no channels). */
    public static final String NOTHING_TO_PLAN = "nothing to plan";
    /**
     * {@link ScheduleOutcome#terminatedBy()}: {@link #requestStop()} (SIGTERM) or an interrupt (Ctrl-C in the
     * shell) ended the search with the best schedule so far; the construction always finishes first.
     */
    public static final String STOP_REQUESTED = "stop requested";
    /**
     * {@link ScheduleOutcome#terminatedBy()}: the work budget ran out before the construction had given every agent
     * their shifts (a very large problem for its time limit); reproducible. The agents not reached keep only their
     * published days, so the schedule usually breaks weekly minimums and leaves demand uncovered.
     */
    public static final String CONSTRUCTION_BUDGET = "move budget before the construction finished";
    /** As {@link #CONSTRUCTION_BUDGET}, but the wall-clock safety net stopped it: another run may differ. */
    public static final String CONSTRUCTION_CLOCK = TIME_LIMIT + " before the construction finished";
    private volatile long lastSpeed;
    private volatile Solver<Schedule> running;
    private volatile boolean stopRequested;

    /**
     * Ends the search as soon as the construction has a schedule (at once when it already has): the run then
     * returns the best schedule found so far, which has no hard violation whenever the construction's had none.
     * Safe from any thread, before or during {@link #solve}.
     */
    public void requestStop() {
        stopRequested = true;
        Solver<Schedule> s = running;
        if (s != null) {
            s.terminateEarly();
        }
    }

    /** Score calculations per second of the last solve (for the benchmark). */
    public long lastScoreCalculationSpeed() {
        return lastSpeed;
    }

    public ScheduleOutcome solve(ScheduleInput in, SolveOptions o, Consumer<SolverProgress> progress) {
        return solve(in, o, progress, null);
    }

    /**
     * As {@link #solve(ScheduleInput, SolveOptions, Consumer)}, with {@code prepare} given the built problem before
     * the search (null for none; the intraday replan narrows agent-days' shifts and pins days there). The lower
     * bound on cost is computed when {@link SolveOptions#bound()} (it takes seconds; the intraday replan reports
     * none).
     */
    public ScheduleOutcome solve(ScheduleInput in, SolveOptions o, Consumer<SolverProgress> progress,
                                 Consumer<Schedule> prepare) {
        Consumer<SolverProgress> report = progress == null ? p -> { } : progress;
        long t0 = System.nanoTime();
        Schedule problem = build(in);
        if (prepare != null) {
            prepare.accept(problem);
        }
        if (problem.getDays().isEmpty()) {
            // No agents (or no channels): nothing to plan, but the run still reports what stays uncovered.
            Evaluation ev = ScheduleEvaluator.evaluate(in, List.of());
            Summary s = ev.summary();
            report.accept(new SolverProgress("done", (System.nanoTime() - t0) / 1e9, "-"));
            return new ScheduleOutcome(List.of(), ev.coverage(), new Summary(s.cost(), s.serviceLevel(),
                    s.lateContacts(), s.training(), s.remoteShare(), s.onDemandHours(), s.paidHours(),
                    s.hardViolations(), s.uncoveredIntervals(), new Summary.LowerBound(null, null),
                    new Summary.SolverInfo("-", (System.nanoTime() - t0) / 1e9, o.seed()), s.inputs(), s.previous(),
                    s.version(), s.agents(), s.deferred(), s.preferences(), s.fairness()), ev.publishedChanges(), NOTHING_TO_PLAN, problem.getConflicts(),
                    !in.previous().isEmpty());
        }
        problem.getCtx().constructionLimit(new org.wfm.scheduler.solver.model.ConstructionLimit(
                o.moveBudget() > 0 ? o.moveBudget() * GreedyConstruction.WORK_PER_MOVE : Long.MAX_VALUE,
                t0 + o.safetyNet().toNanos()));
        Solver<Schedule> solver = SolverFactory.<Schedule>create(config(o)).buildSolver();
        boolean[] constructed = {false};
        running = solver;
        solver.addEventListener(e -> {
            if (stopRequested) {
                // a stop asked for before solve() started is reset by it; every new best schedule checks again
                solver.terminateEarly();
            }
            // The first new best solution is the end of the construction phase.
            String phase = constructed[0] ? "local search" : "construction";
            constructed[0] = true;
            report.accept(new SolverProgress(phase, (System.nanoTime() - t0) / 1e9, e.getNewBestScore().toString()));
        });
        report.accept(new SolverProgress("construction", (System.nanoTime() - t0) / 1e9, "-"));
        Schedule best = solver.solve(problem);
        if (Thread.interrupted()) {
            // Ctrl-C in the interactive shell interrupts the command's thread; OptaPlanner then ends the search
            // early. The flag is cleared so the bound and the writing that follow still run: a stop, not a failure.
            stopRequested = true;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String terminatedBy = TIME_LIMIT;
        if (solver instanceof org.optaplanner.core.impl.solver.DefaultSolver<Schedule> ds) {
            var scope = ds.getSolverScope();
            lastSpeed = scope.getScoreCalculationSpeed();
            terminatedBy = stopRequested ? STOP_REQUESTED
                    : terminatedBy(o, scope.getScoreCalculationCount(), scope.getTimeMillisSpent());
        }
        running = null;
        var built = problem.getCtx().constructionReport();
        if (built != null && built.cut() != null && !stopRequested) {
            terminatedBy = "move budget".equals(built.cut()) ? CONSTRUCTION_BUDGET : CONSTRUCTION_CLOCK;
            report.accept(new SolverProgress("construction stopped by the " + built.cut() + " after " + built.agentsDone()
                    + " of " + built.agents() + " agents: raise the time limit", seconds, String.valueOf(best.getScore())));
        }
        report.accept(new SolverProgress("done", seconds, String.valueOf(best.getScore())));
        // the evaluation and the bound take longer than the solve's last seconds on a large problem (samples: ~20 s
        // on 2 busy cores): say so, or the run looks hung between "solved" and what follows
        report.accept(new SolverProgress(SolverProgress.CHECKING, (System.nanoTime() - t0) / 1e9,
                String.valueOf(best.getScore())));
        List<ScheduleRow> rows = RowWriter.rows(best);
        Evaluation ev = ScheduleEvaluator.evaluate(in, rows);
        Summary.LowerBound lb = new Summary.LowerBound(null, null);
        if (o.bound()) {
            report.accept(new SolverProgress(SolverProgress.BOUND, (System.nanoTime() - t0) / 1e9,
                    String.valueOf(best.getScore())));
            lb = lowerBound(in, rows, ev.summary());
        }
        Summary s = ev.summary();
        Summary out = new Summary(s.cost(), s.serviceLevel(), s.lateContacts(), s.training(), s.remoteShare(),
                s.onDemandHours(), s.paidHours(), s.hardViolations(), s.uncoveredIntervals(), lb,
                new Summary.SolverInfo(String.valueOf(best.getScore()), seconds, o.seed()), s.inputs(),
                s.previous(), s.version(), s.agents(), s.deferred(), s.preferences(), s.fairness());
        return new ScheduleOutcome(rows, ev.coverage(), out, ev.publishedChanges(), terminatedBy,
                problem.getConflicts(), !in.previous().isEmpty());
    }

    /** Why the run stopped; see {@link ScheduleOutcome#terminatedBy()}. */
    static String terminatedBy(SolveOptions o, long moves, long millisSpent) {
        if (o.moveBudget() > 0 && moves >= o.moveBudget()) {
            return MOVE_BUDGET;
        }
        if (millisSpent >= o.safetyNet().toMillis()) {
            return TIME_LIMIT;
        }
        return UNIMPROVED;
    }

    /**
     * The lower bound reported beside the schedule: a bound on the cost of any schedule covering, interval by
     * interval and channel by channel, at least min(requirement, what this schedule covers) (see
     * {@link CoverLowerBound#compute(ScheduleInput, double[][], boolean, double)}; its cost steers the bound's
     * search, never its value). This schedule is such a schedule,
     * so the bound never exceeds its cost and gap = (cost − bound) ÷ bound ≥ 0; when every requirement is met
     * it is the bound on meeting all of them. Should rounding ever put it above the cost, no bound (null) is
     * reported rather than a wrong one.
     */
    static Summary.LowerBound lowerBound(ScheduleInput in, List<ScheduleRow> rows, Summary evaluated) {
        double cost = evaluated.cost().total();
        double[][] covered = ScheduleEvaluator.weightedCoverage(in, rows);
        Double bound = CoverLowerBound.compute(in, covered, evaluated.hardViolations().isEmpty(), cost);
        if (bound == null || bound > cost + 1e-6 * Math.max(1, cost)) {
            return new Summary.LowerBound(null, null);
        }
        bound = Math.min(bound, cost);
        return new Summary.LowerBound(bound, bound > 0 ? (cost - bound) / bound : null);
    }

    public static Schedule build(ScheduleInput in) {
        return ProblemBuilder.build(in.channels(), in.requirements(), in.agents(), in.timeOff(), in.rules(),
                in.previous(), in.curves(), in.preferences(), in.carried());
    }

    /** The solver configuration, in one place. */
    public static SolverConfig config(SolveOptions o) {
        // Work done ends the run (reproducible); the wall clock is only a safety net against a starved machine.
        TerminationConfig termination = new TerminationConfig().withSpentLimit(o.safetyNet());
        if (o.moveBudget() > 0) {
            termination.setScoreCalculationCountLimit(o.moveBudget());
        }
        List<MoveSelectorConfig> moves = new ArrayList<>();
        // A random pattern is mostly a poor move (nudges are the local version); channel changes are what
        // balances service between channels (samples, 600k moves: 3,947 late contacts against 4,048 with
        // pattern 4 and channels 1).
        moves.add(change("pattern", 2.0));
        moves.add(factory(NudgeShiftMoveFactory.class, 4.0));
        // One pause of one day within its window: what staggers breaks where construction and rebuilds did not.
        moves.add(factory(PauseMoveFactory.class, 4.0));
        moves.add(factory(SwapDaysMoveFactory.class, 2.0));
        moves.add(factory(SwapAgentsMoveFactory.class, 2.0));
        moves.add(change("channel", 2.0));
        moves.add(change("secondChannel", 2.0));
        moves.add(change("training", 1.0));
        moves.add(change("home", 0.5));
        // Ruin and recreate is the move that trades hours between agents and reshapes a day's cover; it costs
        // several ordinary moves and is charged so in the budget. At equal budget (3 seeds each) the medium score
        // on the samples was -1.70M at weight 3, -1.61M at 12, -1.60M at 24 (-2.37M without the move); the
        // 30-agent benchmark gap 2.71-2.75%, 2.72-2.76%, 2.68-2.76%.
        moves.add(factory(RuinRecreateMoveFactory.class, 24.0));
        LocalSearchPhaseConfig ls = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(moves))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        if (o.unimprovedSteps() > 0) {
            // A step count is a phase termination in OptaPlanner, not a solver one.
            ls.setTerminationConfig(new TerminationConfig()
                    .withUnimprovedStepCountLimit((int) Math.min(Integer.MAX_VALUE, o.unimprovedSteps())));
        }
        return new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(AgentDay.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(o.seed())
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(ScheduleConstraintProvider.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withTerminationConfig(termination)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(GreedyConstruction.class)),
                        ls);
    }

    private static MoveSelectorConfig change(String variable, double weight) {
        ChangeMoveSelectorConfig c = new ChangeMoveSelectorConfig()
                .withValueSelectorConfig(new ValueSelectorConfig(variable));
        c.setFixedProbabilityWeight(weight);
        return c;
    }

    private static MoveSelectorConfig factory(Class<? extends org.optaplanner.core.impl.heuristic.selector.move
            .factory.MoveIteratorFactory> type, double weight) {
        MoveIteratorFactoryConfig c = new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(type);
        c.setFixedProbabilityWeight(weight);
        return c;
    }
}
