package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.wfm.forecast.io.Ids;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.domain.TimeOffRequest;

/**
 * The agents' request files (docs/agents.md): time-off requests {@code agent_id,date,start,end[,rank]} for
 * {@code wfm timeoff check}, read with timeoff.csv's rules ({@link TimeOffReader#row}: empty times = whole day, ids
 * compared as {@link Ids#key} does), and shift swaps {@code agent_id,with,date} for {@code wfm swap check --requests}.
 * {@code rank} is a whole number 1-1,000,000 (lower first); two rows asking the same thing are both kept and decided
 * in turn (the second then usually finds the agent already off: approved with "no shift in the requested time").
 */
public final class AgentRequestsReader {
    static final List<String> TIME_OFF_COLUMNS = List.of("agent_id", "date", "start", "end", "rank");
    static final Set<String> TIME_OFF_OPTIONAL = Set.of("start", "end", "rank");
    static final List<String> SWAP_COLUMNS = List.of("agent_id", "with", "date");

    /** One swap asked for: {@code line} is its line in the file. */
    public record Swap(String agentId, String with, LocalDate date, int line) {
    }

    private AgentRequestsReader() {
    }

    /**
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static List<TimeOffRequest> timeOff(Path file, Set<String> agentIds, Notes notes) {
        CsvTable table = CsvTable.read(file, TIME_OFF_COLUMNS, TIME_OFF_OPTIONAL, notes);
        AgentIdMatch agents = new AgentIdMatch(agentIds);
        List<TimeOffRequest> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            TimeOff t = TimeOffReader.row(table, row, agents, notes);
            Integer rank = row.get("rank").isEmpty() ? null
                    : row.parse("rank", s -> Values.wholeNumber(Values.number(s), Range.closed(1, 1_000_000)));
            if (t != null && (rank != null || row.get("rank").isEmpty())) {
                out.add(new TimeOffRequest(t.agentId(), t.date(), t.start(), t.end(), rank, row.line()));
            }
        }
        table.problems().throwIfAny();
        return out;
    }

    /**
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static List<Swap> swaps(Path file, Set<String> agentIds, Notes notes) {
        CsvTable table = CsvTable.read(file, SWAP_COLUMNS, Set.of(), notes);
        AgentIdMatch agents = new AgentIdMatch(agentIds);
        List<Swap> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int before = row.problemCount();
            String a = agents.resolve(table, row, "agent_id", notes);
            String b = agents.resolve(table, row, "with", notes);
            LocalDate date = row.parse("date", Values::date);
            if (a != null && a.equals(b)) {
                row.problem("with", "is the same agent as agent_id (expected another agent)");
            }
            if (row.problemCount() == before) {
                out.add(new Swap(a, b, date, row.line()));
            }
        }
        table.problems().throwIfAny();
        return out;
    }
}
