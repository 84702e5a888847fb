package org.wfm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.service.PlanRun;
import org.wfm.cli.units.EngineOptions;
import org.wfm.cli.units.PlanEngines;
import org.wfm.forecast.io.InputException;

/**
 * A plan with two units (four agents each, a 1-day schedule) on embedded Spark ({@code local[2]}) against the local
 * engine: the same run folder byte for byte, except the files and fields that hold wall-clock times (plan.xlsx,
 * run.log, the solver's seconds). And a unit's input error coming back from a Spark task as the same one-line input
 * error (exit 3).
 */
class SparkEngineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate RUN = LocalDate.of(2026, 1, 7);

    @TempDir
    Path dir;

    @Test
    void sparkWritesTheSameRunFolderAsTheLocalEngine() throws IOException {
        assertThat(PlanEngines.find("spark")).isInstanceOf(SparkEngine.class);
        Path local = writeUnits(dir, "runs-local/");
        Path spark = plan(dir, "plan-spark.yaml", "runs-spark/");
        PlanRun.Outcome a = PlanRun.run(local, RUN, false, new EngineOptions("local", 2, null), s -> { });
        PlanRun.Outcome b = PlanRun.run(spark, RUN, false, new EngineOptions("spark", 0, "local[2]"), s -> { });
        assertThat(b.units().cost()).isEqualTo(a.units().cost());
        assertSameRun(a.runDir(), b.runDir());
        assertThat(Files.readString(b.runDir().resolve("run.log"))).contains("engine spark (local[2])");
    }

    @Test
    void aUnitsInputErrorComesBackFromItsTaskAsAnInputError() throws IOException {
        Path plan = writeUnits(dir, "runs/");
        Path rules = dir.resolve("south/rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("min_rest_hours: 11", "min_rest_hours: eleven"));
        Files.writeString(plan, Files.readString(plan).replace("    agents: south/agents.csv",
                "    agents: south/agents.csv\n    rules: south/rules.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanRun.run(plan, RUN, false,
                        new EngineOptions("spark", 0, "local[1]"), s -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining("rules.yaml")
                .hasMessageContaining("min_rest_hours");
        assertThat(dir.resolve("runs/2026-01-07")).doesNotExist();
    }

    static void assertSameRun(Path a, Path b) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        try (Stream<Path> s = Files.walk(b)) {
            assertThat(s.filter(Files::isRegularFile).map(b::relativize).sorted().toList()).isEqualTo(files);
        }
        int compared = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.equals("plan.xlsx") || name.equals("run.log")) {
                continue;
            }
            if (name.equals("summary.json")) {
                assertThat(withoutClock(b.resolve(f))).as(f.toString()).isEqualTo(withoutClock(a.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(15);
    }

    static JsonNode withoutClock(Path summary) throws IOException {
        JsonNode n = JSON.readTree(summary.toFile());
        if (n.get("solver") instanceof ObjectNode s) {
            s.remove("seconds");
        }
        // the inputs are the same files; the unit folders' previous is none in both
        return n;
    }

    /** Two units, north (A1..A4) and south (S1..S4), sharing channels.yaml and rules.yaml; returns plan.yaml. */
    static Path writeUnits(Path dir, String runs) throws IOException {
        for (String unit : List.of("north", "south")) {
            Path u = dir.resolve(unit);
            Files.createDirectories(u);
            Files.writeString(u.resolve("history.csv"), history(unit.equals("north") ? 14 : 9));
            String prefix = unit.equals("north") ? "A" : "S";
            Files.writeString(u.resolve("agents.csv"), """
                    agent_id,name,site,work_mode,employment,skills,development,min_hours_week,max_hours_week,hourly_cost,available_days,earliest_start,latest_end
                    P1,Ann Smith,hq,onsite,full-time,voice:1.0,,16,40,14.00,Mon-Fri,08:00,18:00
                    P2,Bob Jones,hq,onsite,full-time,voice:1.0,,16,40,14.50,Mon-Fri,08:00,18:00
                    P3,Cy Brown,hq,onsite,part-time,voice:0.9,,8,24,13.00,Mon-Fri,08:00,18:00
                    P4,Di Green,hq,onsite,on-demand,voice:0.8,,0,30,12.00,Mon-Fri,08:00,18:00
                    """.replace("P", prefix));
            Files.writeString(u.resolve("channels.yaml"), """
                    timezone: Europe/London
                    interval_minutes: 30
                    shrinkage: 0.10
                    channels:
                      voice: {kind: immediate, service_level: 0.80, answer_seconds: 20, aht_seconds: 300}
                    """);
            Files.writeString(u.resolve("rules.yaml"), """
                    horizon: {start: 2026-01-05, days: 7}
                    shifts: {lengths_hours: [4, 8], start_step_minutes: 30, min_rest_hours: 11,
                             max_consecutive_days: 5, max_days_per_week: 5}
                    breaks: none
                    sites: {hq: {seats: 10}}
                    costs: {overtime_after_hours_week: 40, overtime_multiplier: 1.5, on_demand_premium: 0.25}
                    objective: {mode: cover, late_contact_cost: 1.50}
                    """);
        }
        return plan(dir, "plan.yaml", runs);
    }

    static Path plan(Path dir, String name, String runs) throws IOException {
        Path plan = dir.resolve(name);
        Files.writeString(plan, """
                channels: north/channels.yaml
                rules: north/rules.yaml
                forecast: {method: seasonal-naive, horizon_days: 21, level: 80}
                schedule: {start: next-monday, days: 1, time_limit: 1s, seed: 1}
                runs: %s
                units:
                  north:
                    history: north/history.csv
                    agents: north/agents.csv
                  south:
                    history: south/history.csv
                    agents: south/agents.csv
                """.formatted(runs));
        return plan;
    }

    /** Eight weeks of weekday voice history, 08:00-18:00 in 30-minute intervals, peaking mid-morning. */
    static String history(double base) {
        StringBuilder h = new StringBuilder("interval_start,channel,volume,aht_seconds\n");
        for (LocalDate d = LocalDate.of(2025, 11, 10); !d.isAfter(LocalDate.of(2026, 1, 4)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int slot = 0; slot < 20; slot++) {
                LocalDateTime t = d.atTime(8, 0).plusMinutes(30L * slot);
                double shape = 0.6 + Math.exp(-Math.pow((slot - 5) / 4.0, 2));
                long volume = Math.round(base * shape + (slot * 7 + d.getDayOfMonth()) % 3);
                h.append(t).append(",voice,").append(volume).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", 290.0 + slot % 4 * 5)).append('\n');
            }
        }
        return h.toString();
    }
}
