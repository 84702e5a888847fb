package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/** {@code wfm schedule --preferences}: figures in summary.json recomputed from schedule.csv, bad rows refused. */
class PreferencesCommandTest {
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
    void preferencesAreCountedAsScheduleCsvShowsThem() throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path prefs = Fixtures.write(dir.resolve("in"), "preferences.csv", DAYS_OFF);
        Path out = dir.resolve("run");
        Run r = WfmRunner.run(f.args(out, "--time-limit", "1s", "--preferences", prefs.toString()));
        assertThat(r.code()).as(r.toString()).isZero();
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
