package org.wfm.scheduler.domain;

/**
 * One day of the published schedule ({@code --previous}) that the new schedule changes: its shift moved, appeared
 * or disappeared. {@code reason}: {@code agent left} (not in agents.csv any more), {@code time off} (new time off
 * overlaps the published shift), {@code availability} (outside the agent's days or hours now), {@code shift rules}
 * (its length or start is no longer allowed), or {@code replanned} (it could still be worked; the change saves
 * more than rules.yaml's replan.change_cost).
 */
public record PublishedChange(String agentId, String date, String reason) {
    public static final String AGENT_LEFT = "agent left";
    public static final String TIME_OFF = "time off";
    public static final String AVAILABILITY = "availability";
    public static final String SHIFT_RULES = "shift rules";
    public static final String REPLANNED = "replanned";
}
