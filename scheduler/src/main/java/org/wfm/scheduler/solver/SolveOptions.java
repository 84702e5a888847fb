package org.wfm.scheduler.solver;

import java.time.Duration;

/**
 * How long and with which seed to solve. The run stops after {@code moveBudget} evaluated moves (0 = no budget),
 * after {@code unimprovedSteps} local-search steps without a better schedule (0 = never), or at the wall-clock
 * {@link #safetyNet()} (the time limit itself when there is neither budget nor step limit), whichever comes first; {@link ScheduleOutcome#terminatedBy()} says which. The budget and the step count are
 * what make a run reproducible: they do not depend on machine speed, so the same inputs and seed give the same
 * schedule whenever the run ends by "move budget" or "unimproved". Only a run that ends by "time limit" (the
 * machine was slower than the budget assumes) may differ from one run to the next. {@code bound} false skips the
 * lower-bound certificate after the solve (summary.json {@code lower_bound} then null): it changes no schedule, only
 * saves its time (the samples: a third of a 30 s run) where no one reads it, e.g. the capacity calibration.
 */
public record SolveOptions(Duration timeLimit, long seed, long unimprovedSteps, long moveBudget, boolean bound) {

    public SolveOptions(Duration timeLimit, long seed, long unimprovedSteps, long moveBudget) {
        this(timeLimit, seed, unimprovedSteps, moveBudget, true);
    }

    /** The same options without the lower-bound certificate. */
    public SolveOptions withoutBound() {
        return new SolveOptions(timeLimit, seed, unimprovedSteps, moveBudget, false);
    }

    /**
     * Moves per second of time limit in the default budget (a ruin-and-recreate move counts by its work, see
     * RuinRecreateMoveFactory): about 60% of the speed measured here on the samples (24-26k/s), so on a quiet
     * machine the budget, not the clock, ends the run (samples, 30 s limit: 17-18 s). The schedule and plan
     * commands use {@link #calibratedFor} instead, which uses the limit in full.
     */
    public static final long MOVES_PER_SECOND = 15_000;
    /**
     * Local-search steps per evaluated move, measured on the samples (about 1.7 moves per accepted step with
     * late acceptance): the default unimproved limit is a third of the budget's moves expressed in steps.
     */
    static final double STEPS_PER_MOVE = 0.5;

    /**
     * The wall-clock safety net: five times the time limit, at least the limit plus two minutes. The search ends on
     * its work budget or unimproved step count, which do not depend on the machine's load: the calibrated budget
     * takes about the limit on a quiet machine (the flat one about 60%), about twice that when other jobs keep
     * every core busy, and the net fires only
     * when wfm gets less than about an eighth of the CPU it would have alone. Measured: the samples' nightly plan
     * with a 30 s limit took 92 s while two Maven builds and another solver shared the two cores, past a net of 3x.
     * A run the net ends says so ({@link ScheduleSolver#TIME_LIMIT}).
     */
    public Duration safetyNet() {
        if (moveBudget <= 0 && unimprovedSteps <= 0) {
            return timeLimit;
        }
        Duration times = timeLimit.multipliedBy(5);
        Duration plus = timeLimit.plusMinutes(2);
        return times.compareTo(plus) > 0 ? times : plus;
    }

    public SolveOptions(Duration timeLimit, long seed) {
        this(timeLimit, seed, defaultUnimprovedSteps(timeLimit.toSeconds() * MOVES_PER_SECOND),
                timeLimit.toSeconds() * MOVES_PER_SECOND);
    }

    /**
     * The options for a run of {@code timeLimit} on this instance: the move budget is the limit times the moves a
     * quiet 2-core machine evaluates per second on such an instance ({@link #quietMovesPerSecond}) times the
     * search's share of the run ({@link #SEARCH_SHARE}), so the run, construction, evaluation and bound included,
     * ends near its limit there. A function of the limit and the instance only, never of the clock: the same
     * inputs and seed still give the same schedule on any machine. The flat {@link #MOVES_PER_SECOND} of the
     * two-argument constructor ended runs early (single channel, 80 agents × 14 days, 60 s: at 29 s).
     */
    public SolveOptions calibratedFor(ScheduleInput in) {
        long budget = timeLimit.toSeconds() * Math.round(SEARCH_SHARE * quietMovesPerSecond(in));
        return new SolveOptions(timeLimit, seed, defaultUnimprovedSteps(budget), budget, bound);
    }

    /**
     * The search's share of a run: construction, the evaluation and the cost bound take the rest (about 10-20% on
     * the benchmark instances with breaks).
     */
    static final double SEARCH_SHARE = 0.8;

    /**
     * Moves a quiet 2-core machine evaluates per second of search (a ruin-and-recreate move counted by its work):
     * about 30,000 without breaks (80 × 14 × 1: 900k moves in 29 s end to end; 30 × 7 × 1 and 80 × 14 × 1 at
     * 18.6-20.5k per CPU-second of the solver's thread at load 15, about 1.5 times slower than alone), about
     * 22,000 with breaks, whose pause placements make each move dearer (samples, 3 channels: 24-26k; 80 × 14 × 3:
     * 13.0k per CPU-second at load 17, so about 19.5k alone).
     */
    static long quietMovesPerSecond(ScheduleInput in) {
        return in.rules().breaks() == null ? 30_000 : 22_000;
    }

    /** A third of the budget (local search plateaus for a while before it finds a way out), at least 20,000 steps. */
    static long defaultUnimprovedSteps(long moveBudget) {
        return Math.max(20_000, Math.round(moveBudget / 3.0 * STEPS_PER_MOVE));
    }
}
