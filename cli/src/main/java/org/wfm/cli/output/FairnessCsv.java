package org.wfm.cli.output;

import java.nio.file.Path;

import org.wfm.scheduler.domain.Summary;

/**
 * fairness.csv of a run folder: per agent the weekend days and late shifts carried into the run (counted over the
 * days before {@code carried_before}, the horizon's first day) and those of this run's horizon. The next run adds to
 * the carried counts the published days of this run's schedule.csv before its own horizon, so fairness holds across
 * nightly runs (see docs/formats.md).
 */
public final class FairnessCsv {
    public static final String[] HEADER = {"agent_id", "carried_before", "carried_weekend_days", "carried_late_shifts",
        "weekend_days", "late_shifts"};

    private FairnessCsv() {
    }

    public static void write(Path file, Summary.Fairness f) {
        CsvFiles.write(file, HEADER, p -> {
            for (Summary.AgentFairness a : f.agents()) {
                p.printRecord(CsvCells.write(a.agentId()), f.countedFrom(), a.carriedWeekendDays(),
                        a.carriedLateShifts(), a.weekendDays(), a.lateShifts());
            }
        });
    }
}
