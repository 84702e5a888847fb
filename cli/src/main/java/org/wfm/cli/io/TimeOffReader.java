package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wfm.forecast.io.Ids;
import org.wfm.scheduler.domain.TimeOff;

/**
 * Reads timeoff.csv ({@code agent_id,date,start,end,reason}) into {@link TimeOff} rows in file order.
 * {@code start}, {@code end} and {@code reason} may be left out of the header; empty times mean the whole
 * day, otherwise both are needed and {@code start < end} on the same day (split a night into two rows).
 * {@code agent_id} finds its agent as {@link Ids#key} compares ids (case, width, spaces), and is then written as
 * agents.csv spells it (noted when the spelling differs). Dates are within
 * {@link org.wfm.forecast.io.Plausible#dateRange()}.
 * A header with no rows means nobody is off. A row repeating an earlier one exactly is noted and dropped.
 */
public final class TimeOffReader {
    static final List<String> COLUMNS = List.of("agent_id", "date", "start", "end", "reason");
    static final Set<String> OPTIONAL = Set.of("start", "end", "reason");

    private TimeOffReader() {
    }

    /** Reads the file, discarding notes (see {@link #read(Path, Set, Notes)}). */
    public static List<TimeOff> read(Path file, Set<String> agentIds) {
        return read(file, agentIds, new Notes());
    }

    /**
     * @param agentIds the ids of agents.csv; a row naming another agent is an error
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static List<TimeOff> read(Path file, Set<String> agentIds, Notes notes) {
        CsvTable table = CsvTable.read(file, COLUMNS, OPTIONAL, notes);
        List<TimeOff> out = new ArrayList<>();
        Map<TimeOff, Integer> seen = new HashMap<>();
        AgentIdMatch agents = new AgentIdMatch(agentIds);
        for (CsvTable.Row row : table.rows()) {
            TimeOff timeOff = row(table, row, agents, notes);
            if (timeOff == null) {
                continue;
            }
            timeOff = new TimeOff(timeOff.agentId(), timeOff.date(), timeOff.start(), timeOff.end(), row.get("reason"));
            Integer first = seen.putIfAbsent(timeOff, row.line());
            if (first != null) {
                notes.add(table.file(), row.line(), null, "repeats line " + first + "; ignored");
                continue;
            }
            out.add(timeOff);
        }
        table.problems().throwIfAny();
        return out;
    }

    /**
     * One row's agent, date and times (reason left empty), or null with the row's problems added: the rule shared by
     * timeoff.csv and the time-off requests of {@code wfm timeoff check}.
     */
    static TimeOff row(CsvTable table, CsvTable.Row row, AgentIdMatch agents, Notes notes) {
        int before = row.problemCount();
        String agent = agents.resolve(table, row, "agent_id", notes);
        LocalDate date = row.parse("date", Values::date);
        String startText = row.get("start");
        String endText = row.get("end");
        LocalTime start = null;
        LocalTime end = null;
        if (startText.isEmpty() != endText.isEmpty()) {
            row.problem(startText.isEmpty() ? "start" : "end", "is empty but "
                    + (startText.isEmpty() ? "end" : "start") + " is given (give both times, or neither for a whole day)");
        } else if (!startText.isEmpty()) {
            start = row.parse("start", s -> Values.time(s, false));
            end = row.parse("end", s -> {
                if (s.trim().startsWith("24")) {
                    throw new BadValue(Values.quote(s) + ": time off ends on its own day; write 23:59, or leave"
                            + " start and end empty for a whole day");
                }
                return Values.time(s, false);
            });
            if (start != null && end != null && !start.isBefore(end)) {
                row.problem("end", end + " is not after start " + start
                        + " (time off ends on the day it starts; split a night into two rows)");
            }
        }
        if (row.problemCount() > before) {
            return null;
        }
        return new TimeOff(agent, date, start, end, "");
    }
}
