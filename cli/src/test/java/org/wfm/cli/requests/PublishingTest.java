package org.wfm.cli.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;
import org.wfm.cli.export.AgentCalendars;

/**
 * Publishing: every run folder gains one .ics per agent, read back here by the iCalendar library, and a run against
 * a previous one gains changes.csv; two short solver runs on {@link TinyRun}'s inputs.
 */
class PublishingTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    @TempDir
    Path dir;

    private Run schedule(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("schedule", "--requirements",
                dir.resolve("run/requirements.csv").toString(), "--channels", dir.resolve("channels.yaml").toString(),
                "--agents", dir.resolve("agents.csv").toString(), "--rules", dir.resolve("rules.yaml").toString(),
                "--out", out.toString(), "--time-limit", "1s", "--seed", "3"));
        args.addAll(List.of(extra));
        return WfmRunner.run(args.toArray(String[]::new));
    }

    @Test
    void eachAgentGetsACalendarOfTheirShiftsAndASecondRunListsWhatChanged() throws Exception {
        TinyRun.write(dir, "");
        Path first = dir.resolve("first");
        Run r1 = schedule(first);
        assertThat(r1.code()).as(r1.toString()).isZero();
        assertThat(first.resolve("changes.csv")).doesNotExist();
        List<CSVRecord> rows = AgentRequestsTest.records(first.resolve("schedule.csv"));
        String busy = rows.get(0).get("agent_id");
        TreeSet<String> days = new TreeSet<>();
        LocalDateTime firstStart = null;
        for (CSVRecord row : rows) {
            if (row.get("agent_id").equals(busy)) {
                days.add(row.get("date"));
                LocalDateTime t = LocalDateTime.parse(row.get("date") + "T" + row.get("start"));
                firstStart = firstStart == null || t.isBefore(firstStart) ? t : firstStart;
            }
        }
        Path ics = first.resolve("agents").resolve(AgentCalendars.fileName(busy));
        ICalendar cal = Biweekly.parse(ics.toFile()).first();
        List<VEvent> events = cal.getEvents();
        assertThat(events).hasSize(days.size());
        VEvent ev = events.stream().min(java.util.Comparator.comparing(e -> e.getDateStart().getValue())).orElseThrow();
        assertThat(ev.getDateStart().getValue().toInstant()).isEqualTo(firstStart.atZone(LONDON).toInstant());
        assertThat(ev.getDescription().getValue()).contains("work voice @ london");
        assertThat(ev.getLocation().getValue()).isEqualTo("london");
        String text = Files.readString(ics);
        assertThat(text).contains("BEGIN:VTIMEZONE").contains("TZID:Europe/London")
                .contains("DTSTART;TZID=Europe/London:");
        // every agent has a file, the one without shifts an empty calendar
        assertThat(first.resolve("agents")).isDirectoryContaining("glob:**/a1.ics")
                .isDirectoryContaining("glob:**/a2.ics").isDirectoryContaining("glob:**/a3.ics");

        // the busy agent's first day becomes time off: the next publication must move that shift away
        String day = days.first();
        Path timeoff = TinyRun.put(dir.resolve("timeoff.csv"), "agent_id,date,start,end,reason\n" + busy + ","
                + day + ",,,leave\n");
        Path second = dir.resolve("second");
        Run r2 = schedule(second, "--previous", first.toString(), "--timeoff", timeoff.toString());
        assertThat(r2.code()).as(r2.toString()).isZero();
        assertThat(Files.readAllLines(second.resolve("changes.csv")).get(0))
                .isEqualTo("agent_id,change,from,to,reason,service_level_effect,date,name");
        List<CSVRecord> changes = AgentRequestsTest.records(second.resolve("changes.csv"));
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("agent_id")).isEqualTo(busy);
            assertThat(c.get("date")).isEqualTo(day);
            assertThat(c.get("change")).isEqualTo("shift_removed");
            assertThat(c.get("reason")).isEqualTo("time off");
        });
        // the same agent and day keep their UID, so a calendar app updates instead of duplicating
        ICalendar again = Biweekly.parse(second.resolve("agents").resolve(AgentCalendars.fileName(busy)).toFile())
                .first();
        assertThat(again.getEvents()).noneMatch(e -> e.getUid().getValue().equals(ev.getUid().getValue()));
        for (VEvent e : again.getEvents()) {
            VEvent old = events.stream().filter(o -> o.getUid().getValue().equals(e.getUid().getValue())).findFirst()
                    .orElse(null);
            if (old != null) {
                boolean moved = !old.getDateStart().getValue().equals(e.getDateStart().getValue())
                        || !old.getDateEnd().getValue().equals(e.getDateEnd().getValue())
                        || !old.getDescription().getValue().equals(e.getDescription().getValue());
                assertThat(e.getSequence().getValue()).isEqualTo(old.getSequence().getValue() + (moved ? 1 : 0));
            }
        }
    }

    @Test
    void fileNamesAreSafeForAnyAgentIdAndTheSameForEverySpellingOfOneId() {
        assertThat(AgentCalendars.fileName("A001")).isEqualTo("a001.ics");
        assertThat(AgentCalendars.fileName(" a001 ")).isEqualTo("a001.ics");
        assertThat(AgentCalendars.fileName("../etc/passwd")).isEqualTo("%2E.%2Fetc%2Fpasswd.ics");
        assertThat(AgentCalendars.fileName("Zoë O'Neil")).isEqualTo("zo%C3%AB%20o%27neil.ics");
        assertThat(AgentCalendars.fileName("x".repeat(300))).hasSize(120 + 1 + 16 + 4);
        assertThat(AgentCalendars.uid("A1", java.time.LocalDate.of(2025, 2, 10)))
                .isEqualTo(AgentCalendars.uid("a1", java.time.LocalDate.of(2025, 2, 10)))
                .isNotEqualTo(AgentCalendars.uid("A1", java.time.LocalDate.of(2025, 2, 11)));
    }
}
