package org.wfm.scheduler.solver.model;

import java.util.List;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * What the previous (published) schedule said for an agent-day: a shift's minutes from horizon start and its
 * schedule.csv rows, or off.
 */
public record PublishedDay(boolean off, int start, int end, List<ScheduleRow> rows) {
    public static final PublishedDay OFF = new PublishedDay(true, 0, 0, List.of());

    public PublishedDay {
        rows = List.copyOf(rows);
    }
}
