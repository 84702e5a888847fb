package org.wfm.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;

class PlanConfigReaderTest {
    static final String FILES = "history: data/history.csv\nchannels: channels.yaml\nagents: data/agents.csv\n"
            + "rules: rules.yaml\n";
    @TempDir
    Path dir;

    @BeforeEach
    void inputs() {
        for (String f : new String[] {"data/history.csv", "channels.yaml", "data/agents.csv", "rules.yaml"}) {
            Inputs.write(dir, f, "x\n");
        }
    }

    private Path yaml(String text) {
        return Inputs.write(dir, "plan.yaml", text);
    }

    private InputException bad(String text) {
        Path p = yaml(text);
        return failing(() -> PlanConfigReader.read(p));
    }

    private Path file() {
        return dir.resolve("plan.yaml");
    }

    @Test
    void defaults() {
        PlanConfig plan = PlanConfigReader.read(yaml(FILES));
        assertEquals(new PlanConfig.Forecast("auto", 42, 80), plan.forecast());
        assertEquals(PlanConfig.StartKind.NEXT_MONDAY, plan.schedule().start().kind());
        assertEquals(14, plan.schedule().days());
        assertEquals(Duration.ofSeconds(60), plan.schedule().timeLimit());
        assertEquals(dir.resolve("runs"), plan.runs());
        assertEquals(PlanConfig.Previous.LATEST, plan.previous());
        assertNull(plan.timeoff());
        assertNull(plan.holidays());
    }

    static final String OTHER_FILES = "channels: channels.yaml\nagents: data/agents.csv\nrules: rules.yaml\n";

    @Test
    void historyAsAMappingSaysHowToReadTheExport() {
        PlanConfig plan = PlanConfigReader.read(yaml("history:\n  file: data/history.csv\n  columns: {timestamp:"
                + " Interval Start, channel: Queue, volume: Offered, aht: AHT}\n  separator: ;\n"
                + "  date_format: dd/MM/yyyy\n  decimal: comma\n" + OTHER_FILES));
        assertEquals(dir.resolve("data/history.csv"), plan.history());
        assertEquals(new org.wfm.forecast.history.HistoryFormat("Interval Start", null, null, "Queue", "Offered", "AHT",
                org.wfm.forecast.io.CsvSource.Separator.SEMICOLON,
                org.wfm.forecast.io.TimestampParser.DateOrder.DAY_FIRST, ','), plan.historyFormat());
        assertEquals(org.wfm.forecast.history.HistoryFormat.AUTO, PlanConfigReader.read(yaml(FILES)).historyFormat());
    }

    @Test
    void historyMappingProblemsNameTheirLine() {
        assertEquals("plan.yaml line 3, column history.columns.volumen: unknown key `volumen` (did you mean `volume`?)",
                bad("history:\n  file: data/history.csv\n  columns: {volumen: Offered}\n" + OTHER_FILES)
                        .getMessage().replace(dir.resolve("plan.yaml").toString(), "plan.yaml"));
        assertEquals("plan.yaml line 2, column history.separator: separator \"|\" is not one wfm reads; expected comma,"
                + " semicolon (or ;) or tab", bad("history:\n  separator: \"|\"\n  file: data/history.csv\n"
                + OTHER_FILES).getMessage().replace(dir.resolve("plan.yaml").toString(), "plan.yaml"));
        assertEquals("plan.yaml line 1, column history.file: missing", bad("history:\n  separator: tab\n"
                + OTHER_FILES).getMessage().replace(dir.resolve("plan.yaml").toString(), "plan.yaml")
                .replaceAll(" \\(.*", "").replaceAll(";.*", ""));
    }

    @Test
    void theForecastLevelIsAShareLikeEveryOther() {
        for (String level : new String[] {"80", "0.8", "80%"}) {
            PlanConfig plan = PlanConfigReader.read(yaml(FILES + "forecast: {level: " + level + "}\n"));
            assertEquals(80.0, plan.forecast().level(), 1e-9, level);
        }
    }

    @Test
    void fixedDateTomorrowAndTimezone() {
        PlanConfig plan = PlanConfigReader.read(yaml(FILES + "timezone: America/New_York\n"
                + "schedule: {start: 2026-02-02, days: 7, time_limit: 90}\nprevious: none\n"));
        assertEquals(LocalDate.of(2026, 2, 2), plan.schedule().start().resolve(LocalDate.of(2030, 1, 1)));
        assertEquals(Duration.ofSeconds(90), plan.schedule().timeLimit());
        assertEquals(ZoneId.of("America/New_York"), plan.timezone());
        assertEquals(PlanConfig.Previous.NONE, plan.previous());
        PlanConfig tomorrow = PlanConfigReader.read(yaml(FILES + "schedule: {start: tomorrow}\n"));
        assertEquals(LocalDate.of(2026, 1, 1), tomorrow.schedule().start().resolve(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void relativePathOfThePlanStaysRelative() {
        // Messages then show paths as the planner wrote them, relative to where wfm was started.
        Path relative = Path.of("").toAbsolutePath().relativize(yaml(FILES));
        PlanConfig plan = PlanConfigReader.read(relative);
        assertEquals(relative.getParent().resolve("data/agents.csv"), plan.agents());
    }

    @Test
    void missingInputFileIsReportedAtItsLine() {
        assertProblem(bad(FILES + "holidays: data/holidays.csv\n"), file(), 5, "holidays",
                "file " + dir.resolve("data/holidays.csv") + " not found (relative paths are relative to the folder of plan.yaml)");
    }

    @Test
    void requiredInputMissing() {
        assertProblem(bad(FILES.replace("rules: rules.yaml\n", "")), file(), 1, "rules", "missing");
    }

    @Test
    void misspeltStart() {
        assertProblem(bad(FILES + "schedule:\n  start: next-mondy\n"), file(), 6, "schedule.start",
                "\"next-mondy\" is not a start (did you mean `next-monday`?)");
    }

    @Test
    void zeroTimeLimit() {
        assertProblem(bad(FILES + "schedule: {time_limit: 0s}\n"), file(), 5, "schedule.time_limit",
                "\"0s\" is not positive (expected a positive duration such as 90s");
    }

    @Test
    void garbageTimeLimit() {
        assertProblem(bad(FILES + "schedule: {time_limit: soon}\n"), file(), 5, "schedule.time_limit",
                "\"soon\" is not a duration");
    }

    @Test
    void forecastTooShortForTheSchedule() {
        assertProblem(bad(FILES + "forecast: {horizon_days: 14}\nschedule: {start: next-monday, days: 14}\n"), file(), 5,
                "forecast.horizon_days", "14 days of forecast do not reach the end of the schedule (start next-monday"
                        + " + 14 days needs at least 21)");
    }

    @Test
    void misspeltTopLevelKey() {
        InputException e = bad(FILES.replace("history:", "histroy:"));
        assertProblem(e, file(), 1, "histroy", "unknown key `histroy` (did you mean `history`?)");
        assertProblem(e, file(), 1, "history", "missing");
    }

    @Test
    void folderWhereAFileBelongs() {
        assertProblem(bad(FILES + "timeoff: data\n"), file(), 5, "timeoff", "is a folder, expected a file");
    }

    @Test
    void keepRunsIsACountOrDays() {
        assertNull(PlanConfigReader.read(yaml(FILES)).keepRuns(), "absent: every run is kept");
        assertEquals(new PlanConfig.KeepRuns(60, null), PlanConfigReader.read(yaml(FILES + "keep_runs: 60\n")).keepRuns());
        assertEquals(new PlanConfig.KeepRuns(null, 30), PlanConfigReader.read(yaml(FILES + "keep_runs: 30d\n")).keepRuns());
        assertEquals("30d", PlanConfigReader.read(yaml(FILES + "keep_runs: 30D\n")).keepRuns().toString());
    }

    @Test
    void keepRunsOutOfRangeOrMalformedIsNamed() {
        assertProblem(bad(FILES + "keep_runs: 0\n"), file(), 5, "keep_runs", "out of range");
        assertProblem(bad(FILES + "keep_runs: -3d\n"), file(), 5, "keep_runs", "out of range");
        assertProblem(bad(FILES + "keep_runs: 30 days\n"), file(), 5, "keep_runs", "not a number of runs or days");
        assertProblem(bad(FILES + "keep_runs: 2w\n"), file(), 5, "keep_runs", "expected e.g. 60 or 30d");
    }
}
