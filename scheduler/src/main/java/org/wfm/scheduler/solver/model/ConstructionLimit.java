package org.wfm.scheduler.solver.model;

/**
 * The construction heuristic's share of the run's work budget: its work (shifts valued, each counted as the demand
 * buckets it reaches) plus the reserve for the agent-days not yet reached (GreedyConstruction.RESERVE_PER_AGENT_DAY)
 * reaching {@code work} switches the agents not yet reached to the quick placement and leaves the extra shifts and
 * training to local search. Work, never the clock, so a run is reproducible; every agent still gets
 * the hours of their contract. {@link #NONE} never switches.
 */
public record ConstructionLimit(long work) {
    public static final ConstructionLimit NONE = new ConstructionLimit(Long.MAX_VALUE);

    /** Whether {@code done} units of work have spent the construction's share. */
    public boolean reached(long done) {
        return done >= work;
    }

    /**
     * What the construction did: whether its share of the budget ran out ({@code cut}: the agents after the first
     * {@code agentsFull} were placed by the quick placement, and no extra shift or training was added), agents, work.
     */
    public record Report(boolean cut, int agentsFull, int agents, long work) {
        /** Agents given their contract's hours by the quick placement. */
        public int agentsQuick() {
            return agents - agentsFull;
        }
    }
}
