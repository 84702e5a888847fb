package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Preference;

class PreferencesReaderTest {
    static final Set<String> AGENTS = Set.of("A1", "A2", "B17");
    static final String HEADER = "agent_id,date_or_weekday,kind,start,end,weight";
    @TempDir
    Path dir;

    private Path csv(String... lines) {
        return Inputs.write(dir, "preferences.csv", String.join("\n", lines) + "\n");
    }

    private InputException bad(String... lines) {
        Path p = csv(lines);
        return failing(() -> PreferencesReader.read(p, AGENTS, new Notes()));
    }

    private Path file() {
        return dir.resolve("preferences.csv");
    }

    @Test
    void datesWeekdaysAndKinds() {
        List<Preference> p = PreferencesReader.read(csv(HEADER, "A1,2026-01-06,day_off,,,10", "a2,Mon,prefer,07:00,15:00,3",
                "B17,SATURDAY,avoid,22:00,06:00,2.5", "A1,fri,Day-Off,,,1"), AGENTS, new Notes());
        assertThat(p).containsExactly(
                new Preference("A1", LocalDate.of(2026, 1, 6), null, Preference.Kind.DAY_OFF, null, null, 10, 2),
                new Preference("A2", null, DayOfWeek.MONDAY, Preference.Kind.PREFER, LocalTime.of(7, 0),
                        LocalTime.of(15, 0), 3, 3),
                new Preference("B17", null, DayOfWeek.SATURDAY, Preference.Kind.AVOID, LocalTime.of(22, 0),
                        LocalTime.of(6, 0), 2.5, 4),
                new Preference("A1", null, DayOfWeek.FRIDAY, Preference.Kind.DAY_OFF, null, null, 1, 5));
    }

    @Test
    void withoutAWeightColumnEveryRowWeighsOnePointAndRepeatsAreNoted() {
        Notes notes = new Notes();
        List<Preference> p = PreferencesReader.read(csv("agent_id,date_or_weekday,kind", "A1,TUE,day_off",
                "A1,TUE,day_off"), AGENTS, notes);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).weight()).isEqualTo(1);
        assertThat(notes.list()).anyMatch(n -> n.contains("every preference weighs 1 point"))
                .anyMatch(n -> n.contains("line 3: repeats line 2; ignored"));
    }

    @Test
    void unknownAgentNamesTheLine() {
        assertProblem(bad(HEADER, "A1,MON,day_off,,,1", "B71,MON,day_off,,,1"), file(), 3, "agent_id",
                "agent `B71` is not in agents.csv (did you mean `B17`?)");
    }

    @Test
    void everyBadCellIsNamed() {
        assertProblem(bad(HEADER, "A1,Mon-Fri,day_off,,,1"), file(), 2, "date_or_weekday", "not one weekday");
        assertProblem(bad(HEADER, "A1,2026-02-30,day_off,,,1"), file(), 2, "date_or_weekday", "not a day of the calendar");
        assertProblem(bad(HEADER, "A1,MON,wish,,,1"), file(), 2, "kind", "is not allowed");
        assertProblem(bad(HEADER, "A1,MON,day_off,08:00,,1"), file(), 2, "start", "expected empty for day_off");
        assertProblem(bad(HEADER, "A1,MON,prefer,08:00,,1"), file(), 2, "end", "expected HH:MM for prefer");
        assertProblem(bad(HEADER, "A1,MON,avoid,08:00,08:00,1"), file(), 2, "end", "equals start");
        assertProblem(bad(HEADER, "A1,MON,avoid,8am,12:00,1"), file(), 2, "start", "is not a time");
        assertProblem(bad(HEADER, "A1,MON,day_off,,,0"), file(), 2, "weight", "expected points more than 0");
        assertProblem(bad(HEADER, "A1,MON,day_off,,,5000"), file(), 2, "weight", "at most 1000");
        assertProblem(bad(HEADER, "A1,MON,day_off,,,"), file(), 2, "weight", "is empty");
    }
}
