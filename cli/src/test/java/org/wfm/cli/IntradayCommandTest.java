package org.wfm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner.Run;

/**
 * {@code wfm intraday} and {@code wfm adherence} run non-interactively on a tiny hand-made run folder: one voice
 * queue, two agents on the published schedule and one on-demand agent, a two-day run of which the first day is
 * reforecast at 11:00.
 */
class IntradayCommandTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void setUp() throws Exception {
        Files.writeString(dir.resolve("channels.yaml"), """
                timezone: UTC
                interval_minutes: 15
                shrinkage: 0
                channels:
                  voice: {kind: immediate, service_level: 0.80, answer_seconds: 20, aht_seconds: 300}
                """);
        Files.writeString(dir.resolve("agents.csv"), """
                agent_id,name,site,work_mode,employment,skills,development,min_hours_week,max_hours_week,hourly_cost,available_days,earliest_start,latest_end
                a1,Ann,,remote,full-time,voice:1.0,,0,40,15,Mon-Sun,06:00,22:00
                a2,Bob,,remote,full-time,voice:1.0,,0,40,15,Mon-Sun,06:00,22:00
                od,Cy,,remote,on-demand,voice:1.0,,0,40,15,Mon-Sun,06:00,22:00
                """);
        Files.writeString(dir.resolve("rules.yaml"), """
                horizon: {start: 2026-01-05, days: 2}
                shifts: {lengths_hours: [4, 6, 8, 10], start_step_minutes: 30, min_rest_hours: 11,
                         max_consecutive_days: 5, max_days_per_week: 5}
                breaks: {every_hours: 2, break_minutes: 15, lunch_minutes: 30, lunch_after_hours: 6}
                costs: {overtime_after_hours_week: 40, overtime_multiplier: 1.5, on_demand_premium: 0.25}
                objective: {mode: cover, late_contact_cost: 1.50, spread: 1}
                """);
        run = dir.resolve("run");
        Files.createDirectories(run);
        StringBuilder schedule = new StringBuilder("agent_id,date,start,end,activity,channel,location\n");
        for (String day : List.of("2026-01-05", "2026-01-06")) {
            shift(schedule, "a1", day, 8, 0);
            shift(schedule, "a2", day, 11, 30);
        }
        Files.writeString(run.resolve("schedule.csv"), schedule);
        StringBuilder forecast = new StringBuilder("interval_start,channel,volume,volume_lower,volume_upper,aht_seconds\n");
        StringBuilder actuals = new StringBuilder("interval_start,channel,volume,aht_seconds\n");
        for (String day : List.of("2026-01-05", "2026-01-06")) {
            for (int m = 8 * 60; m < 19 * 60 + 30; m += 15) {
                String t = String.format(Locale.ROOT, "%sT%02d:%02d", day, m / 60, m % 60);
                forecast.append(t).append(",voice,3,1,5,300\n");
                if (day.equals("2026-01-05") && m < 11 * 60) {
                    actuals.append(t).append(",voice,6,300\n");
                }
            }
        }
        Files.writeString(run.resolve("forecast.csv"), forecast);
        Files.writeString(dir.resolve("actuals.csv"), actuals);
    }

    private static void shift(StringBuilder sb, String agent, String day, int h, int m) {
        int s = h * 60 + m;
        int[][] parts = {{0, 120, 0}, {120, 135, 1}, {135, 240, 0}, {240, 270, 2}, {270, 360, 0}, {360, 375, 1},
            {375, 480, 0}};
        String[] kind = {"work", "break", "lunch"};
        for (int[] p : parts) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%02d:%02d,%02d:%02d,%s,%s,home%n", agent, day,
                    (s + p[0]) / 60, (s + p[0]) % 60, (s + p[1]) / 60, (s + p[1]) % 60, kind[p[2]],
                    p[2] == 0 ? "voice" : ""));
        }
    }

    private static String[] args(String out, String... more) {
        List<String> a = new ArrayList<>(List.of("intraday", "--run", run.toString(), "--actuals",
                dir.resolve("actuals.csv").toString(), "--at", "11:00", "--out", dir.resolve(out).toString(),
                "--channels", dir.resolve("channels.yaml").toString(), "--agents", dir.resolve("agents.csv").toString(),
                "--rules", dir.resolve("rules.yaml").toString(), "--time-limit", "1s"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The rows of an agent's day up to 11:00, as written. */
    private static List<String> morning(Path schedule) throws Exception {
        return Files.readAllLines(schedule).stream().filter(l -> l.contains(",2026-01-05,"))
                .filter(l -> l.split(",")[2].compareTo("11:00") < 0)
                .map(l -> String.join(",", java.util.Arrays.copyOf(l.split(",", -1), 7))).sorted().toList();
    }

    @Test
    void aBusyMorningGivesARunFolderWithChangesAndOffersAndKeepsTheMorning() throws Exception {
        Run r = WfmRunner.run(args("busy"));
        assertThat(r.code()).as(r.toString()).isZero();
        Path out = dir.resolve("busy");
        for (String f : List.of("forecast.csv", "requirements.csv", "schedule.csv", "coverage.csv", "summary.json",
                "changes.csv", "offers.csv", "plan.xlsx")) {
            assertThat(out.resolve(f)).as(f).exists();
        }
        List<String> changes = Files.readAllLines(out.resolve("changes.csv"));
        assertThat(changes.get(0)).isEqualTo("agent_id,change,from,to,reason,service_level_effect,date,name");
        assertThat(changes).hasSizeGreaterThan(1);
        assertThat(Files.readAllLines(out.resolve("offers.csv")).get(0)).isEqualTo("agent_id,kind,start,end,priority");
        // The rest of the day is reforecast up (twice the forecast seen), the morning is what happened.
        List<String> fc = Files.readAllLines(out.resolve("forecast.csv"));
        assertThat(fc).contains("2026-01-05T10:45,voice,6,6,6,300");
        assertThat(fc.stream().filter(l -> l.startsWith("2026-01-05T15:00,")).findFirst().orElseThrow()
                .split(",")[2]).satisfies(v -> assertThat(Double.parseDouble(v)).isGreaterThan(3));
        assertThat(fc).contains("2026-01-06T15:00,voice,3,1,5,300");
        assertThat(morning(out.resolve("schedule.csv"))).isEqualTo(morning(run.resolve("schedule.csv")));
        assertThat(r.out()).containsPattern("voice now \\d+% -> \\d+% with \\d+ changes?");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"intraday_at\" : \"11:00\"")
                .contains("\"volume_factor\"");
    }

    @Test
    void actualsOfTwoDaysWithoutDateAreAnInputError() throws Exception {
        Path two = dir.resolve("two-days.csv");
        Files.writeString(two, "interval_start,channel,volume\n2026-01-05T08:00,voice,3\n2026-01-06T08:00,voice,3\n");
        Run r = WfmRunner.run("intraday", "--run", run.toString(), "--actuals", two.toString(), "--at", "11:00",
                "--out", dir.resolve("never").toString(), "--channels", dir.resolve("channels.yaml").toString(),
                "--agents", dir.resolve("agents.csv").toString(), "--rules", dir.resolve("rules.yaml").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("two-days.csv").contains("expected one day, or --date");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aMalformedTimeIsAUsageError() {
        Run r = WfmRunner.run("intraday", "--run", run.toString(), "--actuals", dir.resolve("actuals.csv").toString(),
                "--at", "half past ten", "--out", dir.resolve("never2").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err() + r.out()).contains("--at").contains("HH:MM");
    }

    @Test
    void adherenceFromAStateLog() throws Exception {
        Path states = dir.resolve("states.csv");
        Files.writeString(states, """
                agent_id,start,end,state
                a1,2026-01-05 08:05,2026-01-05 10:00,Available
                a1,2026-01-05T10:00,2026-01-05T10:15,Break
                a1,2026-01-05T10:15,2026-01-05T12:00,on call
                a1,2026-01-05T12:00,2026-01-05T12:30,lunch
                a1,2026-01-05T12:30,2026-01-05T16:00,available
                a2,2026-01-05T11:30,2026-01-05T19:30,smoking
                """);
        Path out = dir.resolve("adherence.csv");
        Path details = dir.resolve("adherence-details.csv");
        Run r = WfmRunner.run("adherence", "--run", run.toString(), "--states", states.toString(), "--out",
                out.toString(), "--details", details.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("agent_id,date,scheduled_minutes,adherent_minutes,adherence,conformance");
        // a1: 480 minutes scheduled; logged in 5 minutes late, the 14:00 break worked through (15 out): 460
        // adherent; worked 115 + 105 + 210 = 430 of 420 scheduled work minutes.
        assertThat(lines).contains("a1,2026-01-05,480,460,0.9583,1.0238");
        assertThat(lines).anyMatch(l -> l.startsWith("a2,2026-01-05,480,0,0,0"));
        assertThat(Files.readAllLines(details)).contains("a1,2026-01-05,2026-01-05T08:00,2026-01-05T08:05,work,none");
        assertThat(r.err()).contains("smoking");
        Run bad = WfmRunner.run("adherence", "--run", run.toString(), "--states", dir.resolve("agents.csv").toString(),
                "--out", dir.resolve("bad.csv").toString());
        assertThat(bad.code()).as(bad.toString()).isEqualTo(3);
        assertThat(dir.resolve("bad.csv")).doesNotExist();
    }
}
