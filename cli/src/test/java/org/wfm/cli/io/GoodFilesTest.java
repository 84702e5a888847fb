package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;

/** The contract's example files read into the expected records. */
class GoodFilesTest {

    @Test
    void channelsOfTheContract() {
        Notes notes = new Notes();
        ChannelPlan plan = ChannelsReader.read(Inputs.resource("channels.yaml"), notes);
        assertEquals(ZoneId.of("Europe/London"), plan.zone());
        assertEquals(15, plan.intervalMinutes());
        assertEquals(0.30, plan.shrinkage());
        assertEquals(List.of("voice", "chat", "email"), plan.channels().stream().map(Channel::name).toList());
        assertEquals(new Channel("voice", ChannelKind.IMMEDIATE, 0.80, 20, 180, 0.85, 300, 1, Double.NaN, 0.30),
                plan.channel("voice").orElseThrow());
        assertEquals(new Channel("chat", ChannelKind.CONCURRENT, 0.80, 60, Double.NaN, Double.NaN, 900, 3, Double.NaN,
                0.30), plan.channel("chat").orElseThrow());
        assertEquals(new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 420, 1,
                24, 0.1), plan.channel("email").orElseThrow());
        assertTrue(notes.isEmpty(), notes.list()::toString);
    }

    @Test
    void rulesOfTheContract() {
        Rules rules = RulesReader.read(Inputs.resource("rules.yaml"));
        assertEquals(new Rules.Horizon(LocalDate.of(2026, 1, 5), 14), rules.horizon());
        assertEquals(new Rules.Shifts(List.of(4.0, 6.0, 8.0, 10.0), 30, 11, 5, 5), rules.shifts());
        assertEquals(new Rules.Breaks(2, 15, 30, 6), rules.breaks());
        assertEquals(new Rules.Training(60, 4), rules.training());
        assertEquals(Map.of("london", 40, "leeds", 25), rules.siteSeats());
        assertEquals(new Rules.Costs(40, 1.5, 0.25), rules.costs());
        assertEquals(new Rules.Objective(Rules.ObjectiveMode.BALANCE, 1.5), rules.objective());
    }

    @Test
    void agentsOfTheContract() {
        Notes notes = new Notes();
        ChannelPlan channels = ChannelsReader.read(Inputs.resource("channels.yaml"));
        Rules rules = RulesReader.read(Inputs.resource("rules.yaml"));
        List<Agent> agents = AgentsReader.read(Inputs.resource("agents.csv"), channels, rules, notes);
        assertEquals(4, agents.size());
        assertEquals(new Agent("A1", "Ann Archer", "london", WorkMode.ONSITE, Employment.FULL_TIME,
                Map.of("voice", 1.0, "chat", 0.7), Map.of("email", 6.0, "chat", 4.0), 37.5, 40, 14.5,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 0)), agents.get(0));
        Agent bo = agents.get(1);
        assertEquals("Bo, Bennett", bo.name());
        assertEquals(WorkMode.HYBRID, bo.workMode());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY), bo.availableDays());
        assertEquals(Map.of(), bo.development());
        Agent cy = agents.get(2);
        assertNull(cy.site());
        assertEquals(Employment.ON_DEMAND, cy.employment());
        // Sat-Mon wraps past Sunday.
        assertEquals(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY), cy.availableDays());
        assertTrue(cy.overnightWindow());
        Agent di = agents.get(3);
        assertNull(di.site());
        assertEquals(Map.of("email", 1.0), di.skills());
        assertEquals(Map.of("voice", 8.0), di.development());
        assertEquals(LocalTime.of(8, 0), di.earliestStart());
        assertEquals(LocalTime.MIDNIGHT, di.latestEnd());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), di.availableDays());
        assertTrue(notes.isEmpty(), notes.list()::toString);
    }

    @Test
    void timeOffOfTheContract() {
        List<TimeOff> off = TimeOffReader.read(Inputs.resource("timeoff.csv"), Set.of("A1", "A2"));
        assertEquals(List.of(new TimeOff("A1", LocalDate.of(2026, 1, 7), null, null, "holiday"),
                new TimeOff("A2", LocalDate.of(2026, 1, 8), LocalTime.of(9, 0), LocalTime.of(12, 0), "dentist")), off);
        assertTrue(off.get(0).wholeDay());
    }

    @Test
    void planOfTheContractResolvesPathsBesideIt() {
        Path planFile = Inputs.resource("plan/plan.yaml");
        Path dir = planFile.getParent();
        Notes notes = new Notes();
        PlanConfig plan = PlanConfigReader.read(planFile, notes);
        assertEquals(dir.resolve("data/history.csv"), plan.history());
        assertEquals(dir.resolve("config/channels.yaml"), plan.channels());
        assertEquals(dir.resolve("data/agents.csv"), plan.agents());
        assertEquals(dir.resolve("config/rules.yaml"), plan.rules());
        assertNull(plan.holidays());
        // Not in the plan, but present beside agents.csv, as for `wfm schedule`.
        assertEquals(dir.resolve("data/timeoff.csv"), plan.timeoff());
        assertThat(notes.list()).anyMatch(n -> n.contains("timeoff"));
        assertEquals(new PlanConfig.Forecast("auto", 42, 80), plan.forecast());
        assertEquals(Duration.ofMinutes(10), plan.schedule().timeLimit());
        assertEquals(14, plan.schedule().days());
        assertEquals(7, plan.schedule().seed());
        assertEquals(dir.resolve("runs"), plan.runs());
        assertEquals(PlanConfig.Previous.LATEST, plan.previous());
        assertNull(plan.timezone());
        // 2026-01-05 is a Monday: the first Monday after it is a week later.
        assertEquals(LocalDate.of(2026, 1, 12), plan.schedule().start().resolve(LocalDate.of(2026, 1, 5)));
        assertEquals(LocalDate.of(2026, 1, 12), plan.schedule().start().resolve(LocalDate.of(2026, 1, 8)));
    }
}
