package org.wfm.cli.io;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.wfm.forecast.io.Ids;

/**
 * The one way a file other than agents.csv names an agent (timeoff.csv, preferences.csv, time-off and swap requests):
 * the id is compared with agents.csv's as {@link Ids#key} compares ids (case, character width, surrounding spaces),
 * then written as agents.csv spells it, with a note when the spelling differs; an empty id or one of no agent is a
 * problem of the row, suggesting the id one letter away (ids are codes: only a slip is worth suggesting).
 */
final class AgentIdMatch {
    private final Set<String> ids;
    private final Map<String, String> byKey = new HashMap<>();

    AgentIdMatch(Set<String> agentIds) {
        this.ids = agentIds;
        agentIds.stream().sorted().forEach(id -> byKey.putIfAbsent(Ids.key(id), id));
    }

    /** agents.csv's spelling of the agent in {@code column}, or null with the row's problem added. */
    String resolve(CsvTable table, CsvTable.Row row, String column, Notes notes) {
        String written = Ids.strip(row.get(column));
        String agent = byKey.getOrDefault(Ids.key(written), written);
        if (agent.isEmpty()) {
            row.problem(column, "is empty (expected an agent_id of agents.csv)");
            return null;
        }
        if (!ids.contains(agent)) {
            row.problem(column, "agent `" + agent + "` is not in agents.csv"
                    + Suggest.closest(agent, ids, 1).map(c -> " (did you mean `" + c + "`?)").orElse(""));
            return null;
        }
        if (!agent.equals(written) && notes != null) {
            notes.add(table.file(), row.line(), column, "`" + written + "` read as agent `" + agent
                    + "` of agents.csv (ids are compared ignoring case, character width and surrounding spaces)");
        }
        return agent;
    }
}
