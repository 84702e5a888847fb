/**
 * What changed between two versions of a schedule, agent by agent and day by day: the one comparison that the
 * intraday re-optimisation ({@code changes.csv} of {@code wfm intraday}) and publishing against the previous run
 * (the changes file sent to agents) both call, so an agent is told the same thing whichever path found the change.
 */
package org.wfm.scheduler.change;
