package org.wfm.scheduler.solver.model;

/** What the previous (published) schedule said for an agent-day: a shift's minutes from horizon start, or off. */
public record PublishedDay(boolean off, int start, int end) {
    public static final PublishedDay OFF = new PublishedDay(true, 0, 0);
}
