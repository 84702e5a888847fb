package org.wfm.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Rules;

class RulesReaderTest {
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
    void absentSectionsTakeTheContractsValues() {
        Rules rules = RulesReader.read(yaml("sites: {london: {seats: 3}}\n"));
        assertNull(rules.horizon());
        assertEquals(RulesReader.DEFAULT_SHIFTS, rules.shifts());
        assertEquals(5, rules.shifts().maxDaysPerWeek());
        assertEquals(new Rules.Breaks(2, 15, 30, 6), rules.breaks());
        assertEquals(new Rules.Training(60, 4), rules.training());
        assertEquals(new Rules.Costs(40, 1.5, 0.25), rules.costs());
        assertEquals(new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5), rules.objective());
        assertEquals(Map.of("london", 3), rules.siteSeats());
    }

    @Test
    void replanSettingsAreReadAndDefaultWhenAbsent() {
        assertEquals(Rules.Replan.DEFAULT, RulesReader.read(yaml("breaks: none\n")).replan());
        assertEquals(new Rules.Replan(0, 12.5), RulesReader.read(yaml("replan: {frozen_days: 0, change_cost: 12.5}\n"))
                .replan());
        assertEquals(new Rules.Replan(7, Rules.Replan.DEFAULT.changeCost()),
                RulesReader.read(yaml("replan: {frozen_days: 7}\n")).replan());
        assertEquals(Rules.Replan.DEFAULT, RulesReader.withHorizon(RulesReader.read(yaml("breaks: none\n")),
                java.time.LocalDate.of(2026, 3, 2), 7).replan());
    }

    @Test
    void replanValuesOutOfRangeAreInputErrors() {
        assertProblem(bad("replan: {frozen_days: -1}\n"), file(), 1, "replan.frozen_days", "out of range");
        assertProblem(bad("replan:\n  change_cost: -5\n"), file(), 2, "replan.change_cost", "out of range");
        assertProblem(bad("replan: {frozen_dayz: 2}\n"), file(), 1, "replan.frozen_dayz", "frozen_days");
    }

    @Test
    void spreadIsReadAndDefaultsToOne() {
        assertEquals(new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5, 2.5),
                RulesReader.read(yaml("objective: {mode: cover, spread: 2.5}\n")).objective());
        assertEquals(0.0, RulesReader.read(yaml("objective: {spread: 0}\n")).objective().spread());
        assertEquals(Rules.Objective.DEFAULT_SPREAD, RulesReader.read(yaml("objective: {mode: balance}\n"))
                .objective().spread());
        assertEquals(1.0, RulesReader.read(yaml("breaks: none\n")).objective().spread());
    }

    @Test
    void spreadOutOfRangeIsAnInputError() {
        assertProblem(bad("objective: {spread: -0.5}\n"), file(), 1, "objective.spread", "out of range");
        assertProblem(bad("objective:\n  mode: cover\n  spread: 101\n"), file(), 3, "objective.spread",
                "out of range");
        assertProblem(bad("objective: {spread: lots}\n"), file(), 1, "objective.spread", "lots");
    }

    @Test
    void absentKeysInAGivenSectionTakeTheirDefaults() {
        Rules rules = RulesReader.read(yaml("shifts: {lengths_hours: 8, max_days_per_week: 6}\nobjective: {mode: Balance}\n"));
        assertEquals(new Rules.Shifts(java.util.List.of(8.0), 30, 11, 5, 6), rules.shifts());
        assertEquals(Rules.ObjectiveMode.BALANCE, rules.objective().mode());
    }

    @Test
    void horizonCanBeSetFromThePlan() {
        Rules rules = RulesReader.withHorizon(RulesReader.read(yaml("breaks: none\n")), java.time.LocalDate.of(2026, 3, 2), 7);
        assertEquals(new Rules.Horizon(java.time.LocalDate.of(2026, 3, 2), 7), rules.horizon());
        assertNull(rules.breaks());
    }

    @Test
    void breaksNoneIsNull() {
        assertNull(RulesReader.read(yaml("breaks: none\n")).breaks());
    }

    @Test
    void breaksWithAnotherWord() {
        assertProblem(bad("horizon: {start: 2026-01-05, days: 7}\nbreaks: sometimes\n"), file(), 2, "breaks",
                "\"sometimes\" is not allowed (expected `none` or settings");
    }

    @Test
    void misspeltObjectiveMode() {
        assertProblem(bad("objective:\n  mode: covr\n"), file(), 2, "objective.mode", "did you mean `cover`?");
    }

    @Test
    void horizonOfZeroDays() {
        assertProblem(bad("horizon: {start: 2026-01-05, days: 0}\n"), file(), 1, "horizon.days",
                "0 is out of range (expected at least 1 and at most 366)");
    }

    @Test
    void horizonStartInAnotherDateFormat() {
        assertProblem(bad("horizon:\n  start: 05/01/2026\n  days: 14\n"), file(), 2, "horizon.start",
                "\"05/01/2026\" is not a date (expected YYYY-MM-DD");
    }

    @Test
    void horizonWithoutStart() {
        assertProblem(bad("horizon:\n  days: 14\n"), file(), 1, "horizon.start", "missing");
    }

    @Test
    void eightDaysAWeek() {
        assertProblem(bad("shifts:\n  max_days_per_week: 8\n"), file(), 2, "shifts.max_days_per_week",
                "8 is out of range (expected at least 1 and at most 7)");
    }

    @Test
    void shiftLengthOfADayAndAHalf() {
        assertProblem(bad("shifts:\n  lengths_hours: [4,\n    36]\n"), file(), 3, "shifts.lengths_hours[1]",
                "36 is out of range (expected greater than 0 and at most 24)");
    }

    @Test
    void fractionalSeats() {
        assertProblem(bad("sites:\n  london: {seats: 2.5}\n"), file(), 2, "sites.london.seats", "2.5 is not a whole number");
    }

    @Test
    void homeIsNotASite() {
        assertProblem(bad("sites:\n  home: {seats: 2}\n"), file(), 2, "sites.home", "`home` is reserved");
    }

    @Test
    void overtimeMultiplierBelowOne() {
        assertProblem(bad("costs: {overtime_multiplier: 0.5}\n"), file(), 1, "costs.overtime_multiplier",
                "expected at least 1");
    }

    @Test
    void breakLongerThanItsSpacing() {
        assertProblem(bad("breaks: {every_hours: 1, break_minutes: 60}\n"), file(), 1, "breaks.break_minutes",
                "60 minutes is not shorter than every_hours (1 h)");
    }

    @Test
    void unknownSectionGetsSuggestion() {
        assertProblem(bad("trainings: {block_minutes: 30}\n"), file(), 1, "trainings", "did you mean `training`?");
    }

    @Test
    void veryLongYamlLine() {
        InputException e = bad("objective: {mode: " + "x".repeat(500_000) + "}\n");
        assertProblem(e, file(), 1, "objective.mode", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" is not allowed");
    }

    @Test
    void scalarWhereASectionBelongs() {
        assertProblem(bad("shifts: 8\n"), file(), 1, "shifts", "expected a mapping of `key: value` settings, found the value \"8\"");
    }
}
