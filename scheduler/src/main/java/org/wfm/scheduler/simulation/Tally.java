package org.wfm.scheduler.simulation;

/** What one replication counted, per interval cell (see {@link SimulationModel#cell}). */
final class Tally {
    final double[] offered;
    /** Contacts the service level is judged on: every arrival, except deferred contacts due after the horizon. */
    final double[] judged;
    final double[] inTarget;
    final double[] abandoned;
    final double[] answered;
    final double[] waitSum;
    /** Agent-seconds spent handling contacts inside work blocks (chat slots weighted 1 ÷ concurrency). */
    final double[] busy;
    /** Agent-seconds of work blocks of present agents. */
    final double[] available;

    Tally(int cells) {
        offered = new double[cells];
        judged = new double[cells];
        inTarget = new double[cells];
        abandoned = new double[cells];
        answered = new double[cells];
        waitSum = new double[cells];
        busy = new double[cells];
        available = new double[cells];
    }
}
