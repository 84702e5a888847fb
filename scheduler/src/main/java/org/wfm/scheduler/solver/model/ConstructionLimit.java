package org.wfm.scheduler.solver.model;

/**
 * What stops the construction heuristic early: its work (shifts valued, each counted as the intervals it covers)
 * reaching {@code work}, which is reproducible, or the wall clock passing {@code deadlineNanos}
 * ({@link System#nanoTime()}), the safety net, which is not. A construction cut short leaves the remaining agents
 * without shifts; the run reports it. {@link #NONE} never stops it.
 */
public record ConstructionLimit(long work, long deadlineNanos) {
    public static final ConstructionLimit NONE = new ConstructionLimit(Long.MAX_VALUE, Long.MAX_VALUE);

    /** Why the construction must stop now after {@code done} units of work, or null to go on. */
    public String reached(long done) {
        if (done >= work) {
            return "move budget";
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            return "wall clock";
        }
        return null;
    }

    /** What the construction did: why it stopped early (null: it finished), agents given their shifts, work done. */
    public record Report(String cut, int agentsDone, int agents, long work) {
    }
}
