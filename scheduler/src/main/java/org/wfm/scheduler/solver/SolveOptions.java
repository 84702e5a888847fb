package org.wfm.scheduler.solver;

import java.time.Duration;

/**
 * How long and with which seed to solve. The run stops at {@code timeLimit}, after {@code unimprovedLimit}
 * without a better schedule, or after {@code moveBudget} evaluated moves (0 = no budget). The budget is what
 * makes a run reproducible: time-based stops depend on machine speed, a move count does not.
 */
public record SolveOptions(Duration timeLimit, long seed, Duration unimprovedLimit, long moveBudget) {

    /** Moves per second of time limit in the default budget: about half the speed measured here (38-57k/s). */
    public static final long MOVES_PER_SECOND = 20_000;

    public SolveOptions(Duration timeLimit, long seed) {
        this(timeLimit, seed, defaultUnimproved(timeLimit), timeLimit.toSeconds() * MOVES_PER_SECOND);
    }

    /** A third of the limit, at least 10 s (local search plateaus for a while before it finds a way out). */
    static Duration defaultUnimproved(Duration limit) {
        Duration third = limit.dividedBy(3);
        Duration floor = Duration.ofSeconds(10);
        return third.compareTo(floor) < 0 ? (limit.compareTo(floor) < 0 ? limit : floor) : third;
    }
}
