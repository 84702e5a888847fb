package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * {@code wfm schedule --preferences} and fairness carried from run to run, with every figure recomputed here from
 * schedule.csv: the preferences met (days off only, so met = no shift that day), and the weekend days and late shifts
 * the second week's run (--previous week1) carries from the first week.
 */
class AgentSideCommandTest {
    @TempDir
    Path dir;

    /** Days off only, so "met" can be recomputed from schedule.csv: no shift that day. */
    private static final String DAYS_OFF = """
            agent_id,date_or_weekday,kind,start,end,weight
            A1,2025-02-11,day_off,,,10
            a4,WED,day_off,,,5
            A2,monday,day_off,,,40
            A1,2025-02-14,day_off,,,10
            """;


    @Test
    void theNextRunCarriesThePublishedWeeksCounts() throws Exception {
        Path in = dir.resolve("in");
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(in);
        // two weeks of requirements, so that the second week's horizon has demand too
        StringBuilder twoWeeks = new StringBuilder(Fixtures.requirements());
        Fixtures.requirements().lines().skip(1).forEach(l -> {
            int comma = l.indexOf(',');
            twoWeeks.append(LocalDateTime.parse(l.substring(0, comma)).plusDays(7)).append(l.substring(comma))
                    .append('\n');
        });
        Files.writeString(f.requirements(), twoWeeks);
        Path prefs = Fixtures.write(in, "preferences.csv", DAYS_OFF);
        Path week1 = dir.resolve("week1");
        Run r1 = WfmRunner.run(f.args(week1, "--time-limit", "1s", "--preferences", prefs.toString()));
        assertThat(r1.code()).as(r1.toString()).isZero();
        assertPreferences(r1, week1, prefs);
        assertThat(r1.out()).contains("weekend days per agent");
        List<String> fairness1 = Files.readAllLines(week1.resolve("fairness.csv"));
        assertThat(fairness1.get(0)).isEqualTo(
                "agent_id,carried_before,carried_weekend_days,carried_late_shifts,weekend_days,late_shifts");
        assertThat(fairness1).hasSize(5).allMatch(l -> l.startsWith("agent_id") || l.contains(",2025-02-10,0,0,"));

        Path rules2 = Fixtures.write(in, "rules2.yaml", Fixtures.RULES.replace("start: 2025-02-10", "start: 2025-02-17"));
        Path week2 = dir.resolve("week2");
        String[] args = f.args(week2, "--time-limit", "1s", "--previous", week1.toString());
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(f.rules().toString())) {
                args[i] = rules2.toString();
            }
        }
        Run r2 = WfmRunner.run(args);
        assertThat(r2.code()).as(r2.toString()).isZero();

        // the first week's weekend days and late shifts (ending after 20:00), from its schedule.csv
        Map<String, int[]> expected = new HashMap<>();
        Map<String, LocalDateTime> lastEnd = new HashMap<>();
        for (String l : Files.readAllLines(week1.resolve("schedule.csv")).subList(1, Files.readAllLines(
                week1.resolve("schedule.csv")).size())) {
            String[] c = l.split(",");
            LocalDate date = LocalDate.parse(c[1]);
            LocalDateTime end = date.atTime(java.time.LocalTime.parse(c[3]));
            if (!end.isAfter(date.atTime(java.time.LocalTime.parse(c[2])))) {
                end = end.plusDays(1);
            }
            lastEnd.merge(c[0] + "|" + date, end, (a, b) -> a.isAfter(b) ? a : b);
        }
        lastEnd.forEach((k, end) -> {
            String agent = k.substring(0, k.indexOf('|'));
            LocalDate date = LocalDate.parse(k.substring(k.indexOf('|') + 1));
            int[] n = expected.computeIfAbsent(agent, x -> new int[2]);
            if (date.getDayOfWeek().getValue() >= 6) {
                n[0]++;
            }
            if (end.isAfter(date.atTime(20, 0))) {
                n[1]++;
            }
        });
        JsonNode summary = new ObjectMapper().readTree(week2.resolve("summary.json").toFile());
        assertThat(summary.at("/fairness/counted_from").asText()).isEqualTo("2025-02-17");
        for (JsonNode a : summary.at("/fairness/agents")) {
            int[] n = expected.getOrDefault(a.get("agent_id").asText(), new int[2]);
            assertThat(a.get("carried_weekend_days").asInt()).as(a.toString()).isEqualTo(n[0]);
            assertThat(a.get("carried_late_shifts").asInt()).as(a.toString()).isEqualTo(n[1]);
        }
        assertThat(Files.readAllLines(week2.resolve("fairness.csv"))).hasSize(5)
                .allMatch(l -> l.startsWith("agent_id") || l.contains(",2025-02-17,"));
    }

    private static void assertPreferences(Run r, Path out, Path prefs) throws Exception {
        // a4 is read as agent A4 (noted)
        assertThat(r.err()).contains("read as agent `A4`");
        Set<String> worked = new HashSet<>();
        Files.readAllLines(out.resolve("schedule.csv")).stream().skip(1)
                .forEach(l -> worked.add(l.split(",")[0] + "|" + l.split(",")[1]));
        List<String> wishes = List.of("A1|2025-02-11", "A4|2025-02-12", "A2|2025-02-10", "A1|2025-02-14");
        long met = wishes.stream().filter(w -> !worked.contains(w)).count();

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode p = summary.get("preferences");
        assertThat(p.get("total").asInt()).isEqualTo(4);
        assertThat(p.get("met").asLong()).isEqualTo(met);
        assertThat(p.get("share").asDouble()).isEqualTo(met / 4.0);
        assertThat(summary.get("inputs").has(prefs.toString())).isTrue();
        assertThat(r.out()).contains("preferences met " + met + " of 4");
    }

    @Test
    void anUnknownAgentIsAnInputErrorNamingTheLine() {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path prefs = Fixtures.write(dir.resolve("in"), "preferences.csv",
                "agent_id,date_or_weekday,kind,start,end,weight\nA1,MON,prefer,08:00,16:00,5\nA9,TUE,avoid,18:00,20:00,5\n");
        Path out = dir.resolve("run");
        Run r = WfmRunner.run(f.args(out, "--time-limit", "1s", "--preferences", prefs.toString()));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        Fixtures.assertOneCleanMessage(r);
        assertThat(r.err()).contains("preferences.csv line 3, column agent_id").contains("`A9` is not in agents.csv");
        assertThat(out).doesNotExist();
    }
}
