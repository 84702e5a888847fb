package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wfm.forecast.io.TimestampParser;
import org.wfm.scheduler.intraday.Adherence;

/**
 * Reads an agent-state export ({@code agent_id,start,end,state}, the shape ACD and contact platforms export their
 * agent state or activity logs in) into {@link Adherence.State} rows in file order. Times are ISO-8601 local
 * date-times; a value with an offset or {@code Z} is converted to {@code zone}. {@code end} must be after
 * {@code start}; {@code state} must not be empty (unknown names are the caller's warning, not an error).
 */
public final class StatesReader {
    static final List<String> COLUMNS = List.of("agent_id", "start", "end", "state");

    private StatesReader() {
    }

    /** @throws org.wfm.forecast.io.InputException listing every problem of the file */
    public static List<Adherence.State> read(Path file, ZoneId zone, Notes notes) {
        CsvTable table = CsvTable.read(file, COLUMNS, Set.of(), notes);
        List<Adherence.State> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int before = row.problemCount();
            String agent = row.get("agent_id");
            if (agent.isEmpty()) {
                row.problem("agent_id", "is empty");
            }
            LocalDateTime start = row.parse("start", s -> timestamp(s, zone));
            LocalDateTime end = row.parse("end", s -> timestamp(s, zone));
            String state = row.get("state");
            if (state.isEmpty()) {
                row.problem("state", "is empty (expected a state such as available, break, lunch, offline)");
            }
            if (start != null && end != null && !end.isAfter(start)) {
                row.problem("end", end + " is not after start " + start);
            }
            if (row.problemCount() == before) {
                out.add(new Adherence.State(agent, start, end, state));
            }
        }
        table.problems().throwIfAny();
        return out;
    }

    private static LocalDateTime timestamp(String s, ZoneId zone) throws BadValue {
        TimestampParser.Parsed p = TimestampParser.iso(s);
        if (p == null) {
            throw new BadValue(Values.quote(s) + " is not a date-time, expected e.g. 2026-12-07T09:30 or"
                    + " 2026-12-07 09:30:00");
        }
        return p.in(zone);
    }
}
