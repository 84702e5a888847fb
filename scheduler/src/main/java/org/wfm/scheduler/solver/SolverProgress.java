package org.wfm.scheduler.solver;

/** A progress report: the phase running, time since start, and the best score so far. */
public record SolverProgress(String phase, double secondsElapsed, String bestScore) {
}
