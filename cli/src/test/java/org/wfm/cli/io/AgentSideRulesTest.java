package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Rules;

/** rules.yaml's preferences:, fairness: and patterns: sections. */
class AgentSideRulesTest {
    @TempDir
    Path dir;

    private Path yaml(String text) {
        return Inputs.write(dir, "rules.yaml", text);
    }

    private InputException bad(String text) {
        Path p = yaml(text);
        return failing(() -> RulesReader.read(p));
    }

    private Path file() {
        return dir.resolve("rules.yaml");
    }

    @Test
    void defaultsWhenAbsent() {
        Rules rules = RulesReader.read(yaml("breaks: none\n"));
        assertEquals(Rules.Preferences.DEFAULT, rules.preferences());
        assertEquals(Rules.Fairness.DEFAULT, rules.fairness());
        assertThat(rules.patterns()).isEmpty();
    }

    @Test
    void preferencesAndFairnessKeys() {
        Rules rules = RulesReader.read(yaml("""
                preferences: {budget_points: 50, point_value: 0.5}
                fairness: {weekend_days: [Fri, Sat], late_shift_ends_after: "21:30", weekend_price: 3, late_shift_price: 0}
                """));
        assertEquals(new Rules.Preferences(50, 0.5), rules.preferences());
        assertEquals(new Rules.Fairness(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), 21 * 60 + 30, 3, 0),
                rules.fairness());
    }

    @Test
    void patternsInTheirThreeForms() {
        Rules rules = RulesReader.read(yaml("""
                patterns:
                  rotation: {agents: [A1, A2], weeks: [Mon-Fri, "Mon,Tue", off], anchor: 2026-01-05, stagger: false, hard: true}
                  wednesdays: {agents: A3, days_off: Wed, weight: 20}
                  weekends: {weekends_off_every: 2, anchor: 2026-01-03}
                """));
        List<Rules.Pattern> p = rules.patterns();
        assertEquals(3, p.size());
        assertEquals(List.of("A1", "A2"), p.get(0).agents());
        assertEquals(List.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), Set.of()), p.get(0).weeks());
        assertThat(p.get(0).hard()).isTrue();
        assertThat(p.get(0).stagger()).isFalse();
        assertEquals(List.of(EnumSet.complementOf(EnumSet.of(DayOfWeek.WEDNESDAY))), p.get(1).weeks());
        assertEquals(20, p.get(1).weight());
        assertThat(p.get(1).hard()).isFalse();
        assertThat(p.get(2).agents()).as("all").isEmpty();
        assertEquals(List.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), EnumSet.allOf(DayOfWeek.class)),
                p.get(2).weeks());
        assertEquals(LocalDate.of(2026, 1, 3), p.get(2).anchor());
        assertThat(p.get(2).stagger()).isTrue();
    }

    @Test
    void badPatternsAreNamed() {
        assertProblem(bad("patterns:\n  r: {weeks: [Mon-Fri, Mon-Sun]}\n"), file(), 2, "patterns.r.anchor",
                "first day of the cycle");
        assertProblem(bad("patterns:\n  r: {days_off: [Wed], weeks: [Mon-Fri]}\n"), file(), 2, "patterns.r.days_off",
                "exactly one of");
        assertProblem(bad("patterns:\n  r: {days_off: Wod}\n"), file(), 2, "patterns.r.days_off", "not a day");
        assertProblem(bad("patterns:\n  r: {days_off: Wed, hard: true, weight: 5}\n"), file(), 2, "patterns.r.weight",
                "soft patterns");
        assertProblem(bad("patterns:\n  r: {days_off: Wed, hardd: true}\n"), file(), 2, "patterns.r.hardd",
                "unknown key");
        assertProblem(bad("fairness: {late_shift_ends_after: 8pm}\n"), file(), 1, "fairness.late_shift_ends_after",
                "not a time");
    }

    @Test
    void patternAgentsMustBeAgents() {
        Rules rules = RulesReader.read(yaml("patterns:\n  r:\n    agents: [a1, B9]\n    days_off: Wed\n"));
        var agents = List.of(new org.wfm.scheduler.domain.Agent("A1", "Ann", "london",
                org.wfm.scheduler.domain.WorkMode.ONSITE, org.wfm.scheduler.domain.Employment.FULL_TIME,
                Map.of("voice", 1.0), Map.of(), 0, 40, 15, EnumSet.allOf(DayOfWeek.class), java.time.LocalTime.of(8, 0),
                java.time.LocalTime.of(20, 0)));
        assertEquals(List.of("A1"), RulesReader.withPatternAgents(RulesReader.read(yaml(
                "patterns:\n  r:\n    agents: [a1]\n    days_off: Wed\n")), agents, file()).patterns().get(0).agents());
        InputException e = failing(() -> RulesReader.withPatternAgents(rules, agents, file()));
        assertProblem(e, file(), 2, "patterns.r.agents", "agent `B9` is not in agents.csv");
    }
}
