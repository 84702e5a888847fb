package org.wfm.scheduler.solver;

import java.util.List;
import org.wfm.scheduler.domain.PublishedChange;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Summary;

/**
 * What the evaluator computes from schedule rows alone. {@code summary} has no lower bound, solver info, inputs,
 * previous or version (the solver and CLI add them). {@code publishedDaysChanged} counts days of the previous
 * schedule that moved (0 without --previous), for the run's summary.
 */
public record Evaluation(List<CoverageRow> coverage, Summary summary, List<PublishedChange> publishedChanges) {
    public Evaluation {
        publishedChanges = List.copyOf(publishedChanges);
    }

    public int publishedDaysChanged() {
        return publishedChanges.size();
    }
}
