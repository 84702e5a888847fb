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
import org.wfm.scheduler.solver.construct.TrimShiftMoveFactory;
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
     * {@link ScheduleOutcome#terminatedBy()}: every agent-day is pinned (frozen published days) or has one possible
     * value, so the construction alone made the schedule (reproducible).
     */
    public static final String NOTHING_TO_CHANGE = "nothing to change";
    /**
     * {@link ScheduleOutcome#terminatedBy()}: {@link #requestStop()} (SIGTERM) or an interrupt (Ctrl-C in the
     * shell) ended the search with the best schedule so far; the construction always finishes first.
     */
    public static final String STOP_REQUESTED = "stop requested";
    /**
     * {@link ScheduleOutcome#terminatedBy()}: the construction spent its share of the work budget
     * ({@link #CONSTRUCTION_SHARE}) before it had reached every agent (a very large problem for its time limit), so
     * the agents after that were given the hours of their contract by the quick placement and the search had little
     * or no budget left; reproducible. Every hard rule is still kept wherever the inputs allow.
     */
    public static final String CONSTRUCTION_BUDGET = "move budget (construction finished by the quick placement)";
    /**
     * Share of the run's work budget the construction's full greedy may spend before the agents not yet reached are
     * placed by the quick placement: half, so local search keeps the other half whenever the quick placement is
     * cheap (10,000 agents: the whole construction about 6% of a 5 s budget's work, see docs/scheduling.md).
     */
    static final double CONSTRUCTION_SHARE = 0.5;
    /**
     * Largest problem (agents × days) the lower bound is computed for: its linear programme and pricing grow faster
     * than the solve (10,000 agents × 14 days: about 25 s of a run limited to 5 s, on a loaded machine; 2,000 agents:
     * 28 s). Above it summary.json says why there is no bound ({@code lower_bound.note}). The samples have 840
     * agent-days, the 500-agent benchmark 7,000.
     */
    public static final long BOUND_MAX_AGENT_DAYS = 20_000;
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
        // The construction's share of the budget is counted in work only: the wall clock never changes a schedule.
        problem.getCtx().constructionLimit(new org.wfm.scheduler.solver.model.ConstructionLimit(o.moveBudget() > 0
                ? (long) (o.moveBudget() * CONSTRUCTION_SHARE * GreedyConstruction.WORK_PER_MOVE) : Long.MAX_VALUE));
        SolverConfig cfg = config(o, multiSkilled(problem));
        boolean choice = anyChoice(problem);
        if (!choice) {
            // Every day pinned or with one possible value (a replan whose published days are all frozen): the
            // construction alone fills what is free. A local search would draw only undoable moves, which advance
            // neither the budget nor the step count (a 3-agent replan ran into the wall-clock net: 124 s for 2 s).
            cfg.setPhaseConfigList(cfg.getPhaseConfigList().subList(0, 1));
        }
        Solver<Schedule> solver = SolverFactory.<Schedule>create(cfg).buildSolver();
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
            terminatedBy = stopRequested ? STOP_REQUESTED : !choice ? NOTHING_TO_CHANGE
                    : terminatedBy(o, scope.getScoreCalculationCount(), scope.getTimeMillisSpent());
        }
        running = null;
        var built = problem.getCtx().constructionReport();
        if (built != null && built.cut() && !stopRequested) {
            terminatedBy = CONSTRUCTION_BUDGET;
            report.accept(new SolverProgress("construction: its share of the move budget spent after " + built.agentsFull()
                    + " of " + built.agents() + " agents, " + built.agentsQuick()
                    + " placed by the quick placement; raise the time limit for a better schedule", seconds,
                    String.valueOf(best.getScore())));
        }
        report.accept(new SolverProgress("done", seconds, String.valueOf(best.getScore())));
        // the evaluation and the bound take longer than the solve's last seconds on a large problem (samples: ~20 s
        // on 2 busy cores): say so, or the run looks hung between "solved" and what follows
        report.accept(new SolverProgress(SolverProgress.CHECKING, (System.nanoTime() - t0) / 1e9,
                String.valueOf(best.getScore())));
        List<ScheduleRow> rows = RowWriter.rows(best);
        Evaluation ev = ScheduleEvaluator.evaluate(in, rows);
        Summary.LowerBound lb = new Summary.LowerBound(null, null);
        long agentDays = (long) problem.getPlans().size() * problem.getCtx().days();
        if (o.bound() && agentDays > BOUND_MAX_AGENT_DAYS) {
            lb = new Summary.LowerBound(null, null, String.format(java.util.Locale.ROOT,
                    "%,d agent-days is over the bound's limit of %,d (it would take longer than the solve)", agentDays,
                    BOUND_MAX_AGENT_DAYS));
            report.accept(new SolverProgress("bound skipped: " + lb.note(), (System.nanoTime() - t0) / 1e9,
                    String.valueOf(best.getScore())));
        } else if (o.bound()) {
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
    /** Some agent-day is free to take more than one shift (or day off): the local search has something to move. */
    static boolean anyChoice(Schedule problem) {
        for (AgentDay d : problem.getDays()) {
            if (!d.isPinned() && !d.getPatternRange().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Weight of the channel change moves, shared by the booked blocks' variables (two blocks had 2.0 each). */
    static final double CHANNEL_MOVES_WEIGHT = 4.0;

    /** Some agent has more than one channel, so the booked blocks' channels are a choice. */
    static boolean multiSkilled(Schedule problem) {
        return problem.getPlans().stream().anyMatch(p -> p.channels().size() > 1);
    }

    /** The solver's configuration for a problem with multi-skilled agents. */
    public static SolverConfig config(SolveOptions o) {
        return config(o, true);
    }

    /**
     * The solver's configuration. Without multi-skilled agents every channel move is a no-op: the two channel moves
     * of the two-block model are kept there with their old weights and no move on the third block is drawn, so a
     * single-skilled centre's schedule is the one it was before the third block (same inputs and seed, same
     * schedule.csv).
     */
    public static SolverConfig config(SolveOptions o, boolean multiSkilled) {
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
        // Paid time off where the week is above its minimum: a shorter shift at one end, or a day off (80 x 14 x 1,
        // budget for 60 s: certified gap 1.21% -> 0.71%; docs/benchmarks.md).
        moves.add(factory(TrimShiftMoveFactory.class, 2.0));
        moves.add(factory(SwapAgentsMoveFactory.class, 2.0));
        // Each booked block's channel on its own (AgentDay): a move changes one block at a time. The three blocks
        // share the weight the two had (4), so channel moves take the same share of the budget as before.
        int blocks = multiSkilled ? 3 : 2;
        moves.add(change("channel", CHANNEL_MOVES_WEIGHT / blocks));
        moves.add(change("secondChannel", CHANNEL_MOVES_WEIGHT / blocks));
        if (multiSkilled) {
            moves.add(change("thirdChannel", CHANNEL_MOVES_WEIGHT / blocks));
        }
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
