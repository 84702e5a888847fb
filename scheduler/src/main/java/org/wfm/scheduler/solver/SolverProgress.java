package org.wfm.scheduler.solver;

/**
 * A progress report: the phase running, time since start, and the best score so far. Phases in order:
 * {@code construction}, {@code local search}, {@code done} (the search ended), {@link #CHECKING} (the schedule
 * evaluated: coverage, cost, rules) and {@link #BOUND} (the lower bound on cost).
 */
public record SolverProgress(String phase, double secondsElapsed, String bestScore) {
    public static final String CHECKING = "checking";
    public static final String BOUND = "bound";
}
