package org.wfm.scheduler.solver;

import java.util.List;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;

/**
 * The result of a run: schedule.csv rows (agent, then time), coverage.csv rows (time, channel), summary.json.
 * {@code publishedDaysChanged}: agent-days of the published (--previous) schedule inside the horizon whose shift
 * changed, appeared or disappeared (0 without --previous). {@code terminatedBy}: why the solver stopped, one of
 * {@link ScheduleSolver#MOVE_BUDGET}, {@link ScheduleSolver#UNIMPROVED}, {@link ScheduleSolver#TIME_LIMIT} or
 * {@link ScheduleSolver#NOTHING_TO_PLAN}; only a "time limit" stop may give a different schedule on another run
 * with the same inputs and seed.
 */
public record ScheduleOutcome(List<ScheduleRow> rows, List<CoverageRow> coverage, Summary summary,
                              int publishedDaysChanged, String terminatedBy) {

    /** An outcome without a solver run (no previous schedule, nothing to plan). */
    public ScheduleOutcome(List<ScheduleRow> rows, List<CoverageRow> coverage, Summary summary) {
        this(rows, coverage, summary, 0, ScheduleSolver.NOTHING_TO_PLAN);
    }
}
