package org.wfm.scheduler.solver;

import java.util.List;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;

/** The result of a run: schedule.csv rows (agent, then time), coverage.csv rows (time, channel), summary.json. */
public record ScheduleOutcome(List<ScheduleRow> rows, List<CoverageRow> coverage, Summary summary) {
}
