package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.TimeOff;

class TimeOffReaderTest {
    static final Set<String> AGENTS = Set.of("A1", "A2", "B17");
    @TempDir
    Path dir;

    private Path csv(String... lines) {
        return Inputs.write(dir, "timeoff.csv", String.join("\r\n", lines) + "\r\n");
    }

    private InputException bad(String... lines) {
        Path p = csv(lines);
        return failing(() -> TimeOffReader.read(p, AGENTS));
    }

    private Path file() {
        return dir.resolve("timeoff.csv");
    }

    @Test
    void headerOnlyMeansNobodyIsOff() {
        assertEquals(List.of(), TimeOffReader.read(csv("agent_id,date,start,end,reason"), AGENTS));
    }

    @Test
    void timesAndReasonColumnsMayBeLeftOutAndRepeatsAreNoted() {
        Notes notes = new Notes();
        List<TimeOff> off = TimeOffReader.read(csv("Agent_ID , Date", "A1,2026-01-05", "A1,2026-01-05"), AGENTS, notes);
        assertEquals(1, off.size());
        assertEquals("", off.get(0).reason());
        assertThat(notes.list()).containsExactly(file() + " line 3: repeats line 2; ignored");
    }

    @Test
    void quotedReasonWithComma() {
        List<TimeOff> off = TimeOffReader.read(csv("agent_id,date,start,end,reason",
                "A2,2026-01-05,13:30,17:00,\"doctor, then school run\""), AGENTS);
        assertEquals(new TimeOff("A2", java.time.LocalDate.of(2026, 1, 5), LocalTime.of(13, 30), LocalTime.of(17, 0),
                "doctor, then school run"), off.get(0));
    }

    @Test
    void unknownAgentGetsSuggestion() {
        assertProblem(bad("agent_id,date,start,end,reason", "B71,2026-01-05,,,"), file(), 2, "agent_id",
                "agent `B71` is not in agents.csv (did you mean `B17`?)");
    }

    @Test
    void farAgentIdGetsNoSuggestion() {
        InputException e = bad("agent_id,date,start,end,reason", "A999,2026-01-05,,,");
        assertProblem(e, file(), 2, "agent_id", "agent `A999` is not in agents.csv");
        assertThat(e.getMessage()).doesNotContain("did you mean");
    }

    @Test
    void dayThatDoesNotExist() {
        assertProblem(bad("agent_id,date", "A1,2026-11-31"), file(), 2, "date", "\"2026-11-31\" is not a day of the calendar");
    }

    @Test
    void endBeforeStart() {
        assertProblem(bad("agent_id,date,start,end,reason", "A1,2026-01-05,,,", "A1,2026-01-06,14:00,09:00,x"), file(), 3,
                "end", "09:00 is not after start 14:00");
    }

    @Test
    void onlyOneTime() {
        assertProblem(bad("agent_id,date,start,end,reason", "A1,2026-01-05,09:00,,x"), file(), 2, "end",
                "is empty but start is given");
    }

    @Test
    void dateInAnotherFormat() {
        assertProblem(bad("agent_id,date,start,end,reason", "A1,5/1/2026,,,"), file(), 2, "date",
                "\"5/1/2026\" is not a date (expected YYYY-MM-DD");
    }

    @Test
    void endOfDayAs2400() {
        assertProblem(bad("agent_id,date,start,end,reason", "A1,2026-01-05,20:00,24:00,"), file(), 2, "end", "write 23:59");
    }

    @Test
    void missingDateColumn() {
        assertProblem(bad("agent_id,day,start,end,reason", "A1,2026-01-05,,,"), file(), 1, "date", "missing column `date`");
    }

    @Test
    void tabSeparated() {
        assertProblem(bad("agent_id\tdate\tstart\tend\treason", "A1\t2026-01-05\t\t\t"), file(), 1, null, "separated by tabs");
    }

    @Test
    void controlCharacter() {
        assertProblem(bad("agent_id,date", "A1,2026-01-05", "A\u00011,2026-01-06"), file(), 3, null,
                "contains a control character (U+0001), not text");
    }

    @Test
    void veryLongLineWithoutQuotes() {
        assertProblem(bad("agent_id,date,start,end,reason", "A1,2026-01-05,,," + "x".repeat(100_000)), file(), 2, "reason",
                "value is 100000 characters long (at most 1000 expected");
    }

    @Test
    void blankFirstLine() {
        assertProblem(bad("", "agent_id,date,start,end,reason"), file(), 1, null, "the first line is blank");
    }
}
