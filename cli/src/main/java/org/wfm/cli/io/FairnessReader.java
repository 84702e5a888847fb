package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.wfm.forecast.io.Ids;
import org.wfm.scheduler.domain.FairnessCount;

/**
 * Reads a previous run's fairness.csv ({@code agent_id,carried_before,carried_weekend_days,carried_late_shifts,
 * weekend_days,late_shifts}, see {@link org.wfm.cli.output.FairnessCsv}): the counts carried into that run and the
 * day they were counted up to. Counts are whole numbers 0..100000; every row has the same {@code carried_before}.
 * An agent no longer in agents.csv is noted and left out (agents leave); a new agent carries nothing.
 */
public final class FairnessReader {
    static final List<String> COLUMNS = List.of("agent_id", "carried_before", "carried_weekend_days",
            "carried_late_shifts", "weekend_days", "late_shifts");
    static final Set<String> OPTIONAL = Set.of("weekend_days", "late_shifts");

    /** The carried counts and the day before which they were counted (null for a file without rows). */
    public record Carried(LocalDate before, List<FairnessCount> counts) {
    }

    private FairnessReader() {
    }

    public static Carried read(Path file, Set<String> agentIds, Notes notes) {
        CsvTable table = CsvTable.read(file, COLUMNS, OPTIONAL, notes);
        java.util.Map<String, String> byKey = new java.util.HashMap<>();
        agentIds.forEach(id -> byKey.putIfAbsent(Ids.key(id), id));
        List<FairnessCount> out = new ArrayList<>();
        LocalDate before = null;
        Range counts = Range.closed(0, 100_000);
        for (CsvTable.Row row : table.rows()) {
            int problems = row.problemCount();
            String written = Ids.strip(row.get("agent_id"));
            LocalDate date = row.parse("carried_before", Values::date);
            Double weekend = row.parse("carried_weekend_days", s -> (double) Values.wholeNumber(Values.number(s), counts));
            Double late = row.parse("carried_late_shifts", s -> (double) Values.wholeNumber(Values.number(s), counts));
            if (date != null && before != null && !date.equals(before)) {
                row.problem("carried_before", date + " differs from " + before + " of the rows above (one run, one"
                        + " day)");
            }
            if (row.problemCount() > problems) {
                continue;
            }
            before = date;
            String id = byKey.get(Ids.key(written));
            if (id == null) {
                notes.add(table.file(), row.line(), "agent_id", "agent `" + written + "` is no longer in agents.csv;"
                        + " its counts are not carried");
                continue;
            }
            out.add(new FairnessCount(id, weekend.intValue(), late.intValue()));
        }
        table.problems().throwIfAny();
        return new Carried(before, out);
    }
}
