package org.wfm.cli.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * The configuration inputs of a schedule, read in the order their cross-checks need: channels and rules
 * first, then agents (skills must name channels, sites must be sites), then time off (agents must exist).
 * Each file that fails throws its own {@link org.wfm.forecast.io.InputException}.
 *
 * @param timeOffFile the time-off file read, or null when there was none
 */
public record ScheduleInputs(ChannelPlan channels, Rules rules, List<Agent> agents, List<TimeOff> timeOff,
                             Path timeOffFile) {
    public ScheduleInputs {
        agents = List.copyOf(agents);
        timeOff = List.copyOf(timeOff);
    }

    /**
     * @param timeOff     the time-off file, or null for the contract's default: timeoff.csv beside the agents
     *                    file when it exists (noted), else no time off
     * @param defaultZone the zone when channels.yaml has no {@code timezone} (plan.yaml's), or null for the
     *                    system's
     */
    public static ScheduleInputs read(Path channels, Path rules, Path agents, Path timeOff, ZoneId defaultZone,
                                      Notes notes) {
        ChannelPlan channelPlan = ChannelsReader.read(channels, defaultZone == null ? ZoneId.systemDefault() : defaultZone,
                notes);
        Rules ruleSet = RulesReader.read(rules, notes);
        List<Agent> agentList = AgentsReader.read(agents, channelPlan, ruleSet, notes);
        ruleSet = RulesReader.withPatternAgents(ruleSet, agentList, rules);
        Path timeOffFile = timeOff;
        if (timeOffFile == null) {
            Path beside = agents.resolveSibling("timeoff.csv");
            if (Files.isRegularFile(beside)) {
                timeOffFile = beside;
                notes.add(beside.toString(), 0, null, "read as the time off of " + agents
                        + " (found beside it; --timeoff names another file)");
            }
        }
        List<TimeOff> off = List.of();
        if (timeOffFile != null) {
            Set<String> ids = agentList.stream().map(Agent::id).collect(Collectors.toSet());
            off = TimeOffReader.read(timeOffFile, ids, notes);
        }
        return new ScheduleInputs(channelPlan, ruleSet, agentList, off, timeOffFile);
    }
}
