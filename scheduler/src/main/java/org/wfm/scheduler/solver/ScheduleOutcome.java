package org.wfm.scheduler.solver;

import java.util.List;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.InputConflict;
import org.wfm.scheduler.domain.PublishedChange;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;

/**
 * The result of a run: schedule.csv rows (agent, then time), coverage.csv rows (time, channel), summary.json.
 * {@code publishedChanges}: agent-days of the published (--previous) schedule inside the horizon whose shift
 * changed, appeared or disappeared, with why (empty without --previous). {@code conflicts}: rules the inputs make
 * impossible, found before solving. {@code replanned}: a published schedule was given. {@code terminatedBy}: why the solver stopped, one of
 * {@link ScheduleSolver#MOVE_BUDGET}, {@link ScheduleSolver#UNIMPROVED}, {@link ScheduleSolver#TIME_LIMIT} or
 * {@link ScheduleSolver#NOTHING_TO_PLAN}; only a "time limit" stop may give a different schedule on another run
 * with the same inputs and seed.
 */
public record ScheduleOutcome(List<ScheduleRow> rows, List<CoverageRow> coverage, Summary summary,
                              List<PublishedChange> publishedChanges, String terminatedBy,
                              List<InputConflict> conflicts, boolean replanned) {

    public ScheduleOutcome {
        publishedChanges = List.copyOf(publishedChanges);
        conflicts = List.copyOf(conflicts);
    }

    /** An outcome without a solver run (no previous schedule, nothing to plan). */
    public ScheduleOutcome(List<ScheduleRow> rows, List<CoverageRow> coverage, Summary summary) {
        this(rows, coverage, summary, List.of(), ScheduleSolver.NOTHING_TO_PLAN, List.of(), false);
    }

    /** Published days changed (0 without --previous). */
    public int publishedDaysChanged() {
        return publishedChanges.size();
    }

    /** The same outcome with another summary (e.g. with simulated service levels filled in). */
    public ScheduleOutcome withSummary(Summary s) {
        return new ScheduleOutcome(rows, coverage, s, publishedChanges, terminatedBy, conflicts, replanned);
    }
}
