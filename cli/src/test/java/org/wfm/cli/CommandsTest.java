package org.wfm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner.Run;

/** Each command run non-interactively on the bundled samples, as a planner or cron job would. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {
    @TempDir
    static Path dir;
    static Path samples;

    @BeforeAll
    static void setUp() {
        samples = WfmRunner.samples();
        System.setProperty("wfm.home", samples.getParent().toString());
    }

    private static String s(String name) {
        return samples.resolve(name).toString();
    }

    @Test
    @Order(1)
    void forecastWritesForecastAndPeaksBesideIt() throws Exception {
        Path out = dir.resolve("fc/forecast.csv");
        Run r = WfmRunner.run("forecast", "--history", s("history.csv"), "--holidays", s("holidays.csv"),
                "--horizon-days", "14", "--timezone", "Europe/London", "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("interval_start,channel,volume,volume_lower,volume_upper,aht_seconds");
        assertThat(lines.get(1)).startsWith("2026-11-23T");
        assertThat(lines).anyMatch(l -> l.contains(",voice,")).anyMatch(l -> l.contains(",chat,"))
                .anyMatch(l -> l.contains(",email,"));
        List<String> peaks = Files.readAllLines(out.resolveSibling("peaks.csv"));
        assertThat(peaks.get(0)).isEqualTo("channel,kind,start,end,mean_volume,ratio_to_average");
        assertThat(peaks).anyMatch(l -> l.contains(",peak,")).anyMatch(l -> l.contains(",trough,"))
                .anyMatch(l -> l.contains(",peak-day,")).anyMatch(l -> l.contains(",trough-day,"));
        assertThat(r.out()).contains("Wrote").contains("chosen by lead time").contains("day 1").contains("days 4+")
                .contains("left out of fitting").contains("--keep-outliers");
        // the planner's override: unusual days stay in the fit, and the reason no longer lists them
        Path kept = dir.resolve("fc-kept/forecast.csv");
        Run k = WfmRunner.run("forecast", "--history", s("history.csv"), "--holidays", s("holidays.csv"),
                "--horizon-days", "14", "--timezone", "Europe/London", "--keep-outliers", "--out", kept.toString());
        assertThat(k.code()).as(k.toString()).isZero();
        assertThat(k.out()).doesNotContain("left out of fitting");
    }

    @Test
    @Order(2)
    void forecastRefusesToOverwriteWithoutForce() {
        Path out = dir.resolve("fc/forecast.csv");
        Run r = WfmRunner.run("forecast", "--history", s("history.csv"), "--horizon-days", "14", "--out",
                out.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("already exists").contains("--force");
    }

    @Test
    @Order(3)
    void requirementsFromTheForecast() throws Exception {
        Path out = dir.resolve("req.csv");
        Run r = WfmRunner.run("requirements", "--forecast", dir.resolve("fc/forecast.csv").toString(),
                "--channels", s("channels.yaml"), "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo(
                "interval_start,channel,forecast_volume,aht_seconds,required_agents,required_staff");
        assertThat(lines.size()).isGreaterThan(1000);
        assertThat(r.out()).contains("voice").contains("staff-hours");
    }

    @Test
    @Order(4)
    void scheduleWritesARunFolderAndSummary() throws Exception {
        Path out = dir.resolve("run");
        Run r = WfmRunner.run("schedule", "--requirements", dir.resolve("req.csv").toString(), "--channels",
                s("channels.yaml"), "--agents", s("agents.csv"), "--rules", s("rules.yaml"), "--out",
                out.toString(), "--time-limit", "8s", "--seed", "7");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("schedule.csv")).get(0))
                .startsWith("agent_id,date,start,end,activity,channel,location");
        assertThat(Files.readAllLines(out.resolve("coverage.csv")).get(0))
                .startsWith("interval_start,channel,forecast_volume,required,scheduled,service_level,occupancy");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("cost", "service_level", "late_contacts", "training", "remote_share",
                "on_demand_hours", "hard_violations", "uncovered_intervals", "lower_bound", "solver", "inputs",
                "version")) {
            assertThat(summary.has(key)).as(key).isTrue();
        }
        assertThat(summary.at("/solver/seed").asLong()).isEqualTo(7);
        assertThat(summary.at("/cost/total").asDouble()).isGreaterThan(0);
        assertThat(r.out()).contains("service level").contains("cost");
        // the samples cannot cover every peak: the end summary names the worst days in agent-hours
        assertThat(r.out()).contains("short agent-hours by day").containsPattern(
                "\\w{3} \\d{2} \\w{3} \\w+( \\(deferred\\))?: \\d+\\.\\d agent-hours short of \\d+\\.\\d required "
                        + "\\(\\d{2}:\\d{2}-\\d{2}:\\d{2} worst");
    }

    @Test
    @Order(5)
    void strictExitsFourWhenIntervalsStayShortButStillWritesTheSchedule() throws Exception {
        // the samples' 60 agents cannot cover every peak (by design): --strict reports it with exit 4
        Path out = dir.resolve("strict");
        Run r = WfmRunner.run("schedule", "--requirements", dir.resolve("req.csv").toString(), "--channels",
                s("channels.yaml"), "--agents", s("agents.csv"), "--rules", s("rules.yaml"), "--out",
                out.toString(), "--time-limit", "4s", "--strict", "--no-bound");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("--strict");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("uncovered_intervals").size()).isPositive();
        // --no-bound: no certificate, and the options say why
        assertThat(summary.at("/lower_bound/cost").isNull()).isTrue();
        assertThat(summary.at("/options/bound").asBoolean(true)).isFalse();
    }

    @Test
    @Order(5)
    void rollupInTheSummaryAgreesWithCoverageCsv() throws Exception {
        Path run = dir.resolve("run");
        // agent-hours per day and channel summed here from coverage.csv's 15-minute rows
        Map<String, double[]> sums = new HashMap<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(run.resolve("coverage.csv")))) {
            for (CSVRecord r : parser) {
                double required = Double.parseDouble(r.get("required"));
                double scheduled = Double.parseDouble(r.get("scheduled"));
                double[] s = sums.computeIfAbsent(r.get("interval_start").substring(0, 10) + " " + r.get("channel"),
                        k -> new double[4]);
                s[0] += 0.25 * required;
                s[1] += 0.25 * scheduled;
                s[2] += 0.25 * Math.max(0, required - scheduled);
                s[3] += 0.25 * Math.max(0, scheduled - required);
            }
        }
        JsonNode rollup = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("rollup");
        assertThat(rollup.get("interval_minutes").asInt()).isEqualTo(15);
        assertThat(rollup.get("daily")).hasSize(sums.size());
        double weeklyShort = 0;
        for (JsonNode d : rollup.get("daily")) {
            double[] s = sums.get(d.get("date").asText() + " " + d.get("channel").asText());
            assertThat(s).as(d.toString()).isNotNull();
            assertThat(d.get("required_hours").asDouble()).isCloseTo(s[0], within(0.001));
            assertThat(d.get("scheduled_hours").asDouble()).isCloseTo(s[1], within(0.001));
            assertThat(d.get("short_hours").asDouble()).isCloseTo(s[2], within(0.001));
            assertThat(d.get("surplus_hours").asDouble()).isCloseTo(s[3], within(0.001));
        }
        for (JsonNode w : rollup.get("weekly")) {
            assertThat(w.has("week_start")).isTrue();
            weeklyShort += w.get("short_hours").asDouble();
        }
        assertThat(weeklyShort).isCloseTo(sums.values().stream().mapToDouble(s -> s[2]).sum(), within(0.01));
    }

    @Test
    @Order(5)
    void exportBuildsTheWorkbook() {
        Path xlsx = dir.resolve("plan.xlsx");
        Run r = WfmRunner.run("export", "--schedule", dir.resolve("run").toString(), "--out", xlsx.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(xlsx).exists();
    }

    @Test
    @Order(6)
    void simulateWritesSimulationAndFillsTheSummary() throws Exception {
        Path run = dir.resolve("run");
        Run r = WfmRunner.run("simulate", "--schedule", run.toString(), "--forecast", dir.resolve("req.csv").toString(),
                "--channels", s("channels.yaml"), "--agents", s("agents.csv"), "--replications", "3", "--seed", "5");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(run.resolve("simulation.csv")).get(0)).startsWith(
                "interval_start,channel,offered,answered_in_target,abandoned,service_level,service_level_ci95,"
                        + "asa_seconds,occupancy");
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.at("/service_level/voice/simulated").isNumber()).isTrue();
        // a deferred channel: the simulated share within the window beside the planned one
        assertThat(summary.at("/deferred/email/simulated").isNumber()).as(summary.toString()).isTrue();
        assertThat(r.out()).contains("voice").contains("service level")
                .containsPattern("email +service level +\\d+\\.\\d% ± \\d+\\.\\d \\(planned \\d+\\.\\d%\\)");
        Run again = WfmRunner.run("simulate", "--schedule", run.toString(), "--forecast",
                dir.resolve("req.csv").toString(), "--channels", s("channels.yaml"), "--agents", s("agents.csv"));
        assertThat(again.code()).as("simulation.csv exists without --force").isEqualTo(2);
    }

    @Test
    @Order(7)
    void demoWritesEveryOutputOfTheContract() throws Exception {
        Path out = dir.resolve("demo");
        Run r = WfmRunner.run("demo", "--out", out.toString(), "--time-limit", "5s");
        assertThat(r.code()).as(r.toString()).isZero();
        for (String f : List.of("forecast.csv", "peaks.csv", "requirements.csv", "schedule.csv", "coverage.csv",
                "summary.json", "plan.xlsx", "simulation.csv", "forecast.png", "coverage.png")) {
            assertThat(out.resolve(f)).as(f).exists();
        }
        assertThat(r.out()).contains(out.toAbsolutePath().toString());
    }

    @Test
    void backtestPrintsAccuracyPerChannelAndMethod() {
        Run r = WfmRunner.run("backtest", "--history", s("history.csv"), "--holidays", s("holidays.csv"), "--folds",
                "1", "--horizon-days", "7", "--timezone", "Europe/London");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("WAPE%").contains("MASE").contains("bias%").contains("coverage%");
        for (String channel : List.of("voice", "chat", "email")) {
            for (String method : List.of("seasonal-naive", "weekday-average", "holt-winters", "daily-profile")) {
                assertThat(r.out().lines().anyMatch(l -> l.startsWith(channel) && l.contains(method)))
                        .as(channel + " " + method).isTrue();
            }
        }
    }

    @Test
    void erlangJsonMatchesTheContractKeys() throws Exception {
        Run r = WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--interval-minutes", "30",
                "--target-sl", "0.8", "--answer-seconds", "20", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out().trim());
        assertThat(n.get("agents").asInt()).isEqualTo(14);
        assertThat(n.get("service_level").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(n.has("asa_seconds") && n.has("occupancy") && n.has("abandonment")).isTrue();
    }

    @Test
    void erlangJsonStaysValidWhenTheQueueIsUnstable() throws Exception {
        // 10 Erlangs offered to 9 agents: under Erlang C the wait is unbounded, which JSON writes as null
        Run r = WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--interval-minutes", "30", "--agents",
                "9", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out().trim());
        assertThat(n.get("asa_seconds").isNull()).isTrue();
        assertThat(n.get("service_level").asDouble()).isLessThan(0.5);
    }

    @Test
    void erlangHumanOutputAndAgentsMode() {
        Run r = WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--interval-minutes", "30", "--agents",
                "10");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("agents").contains("10").contains("service level");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(WfmRunner.run("erlang", "--calls", "-1", "--aht", "180").code()).isEqualTo(2);
        assertThat(WfmRunner.run("erlang", "--calls", "x", "--aht", "180").code()).isEqualTo(2);
        assertThat(WfmRunner.run("erlang", "--aht", "180").code()).isEqualTo(2);
        assertThat(WfmRunner.run("erlang", "--calls", "1", "--aht", "180", "--bogus", "1").code()).isEqualTo(2);
        Run r = WfmRunner.run("forecast", "--history", s("history.csv"), "--horizon-days", "0", "--out",
                dir.resolve("x.csv").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--horizon-days");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void collidingTimestampsWithoutATimezoneSuggestOne() throws java.io.IOException {
        // London's fall-back hour written twice in local time, no offsets: on a UTC machine the two rows meet.
        // (The samples mark that hour with offsets and forecast on any machine: HistoryExportsTest.)
        StringBuilder h = new StringBuilder("interval_start,channel,volume\n");
        for (int m = 0; m < 240; m += 30) {
            h.append(String.format("2025-10-26T%02d:%02d,voice,3%n", m / 60, m % 60));
            if (m / 60 == 1) {
                h.append(String.format("2025-10-26T%02d:%02d,voice,2%n", m / 60, m % 60));
            }
        }
        Path history = Files.writeString(dir.resolve("tz-history.csv"), h.toString());
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            Run r = WfmRunner.run("forecast", "--history", history.toString(), "--horizon-days", "3", "--out",
                    dir.resolve("tz/forecast.csv").toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("timestamps were read in the system's time zone UTC; if they are local times"
                    + " of another zone, give --timezone (e.g. Europe/London) or --channels")
                    .contains("tz-history.csv line 5, column interval_start: duplicate of line 4 for 2025-10-26T01:00");
            assertThat(dir.resolve("tz")).doesNotExist();
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = WfmRunner.run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown command");
    }

    @Test
    void missingInputFileIsAnInputErrorAndWritesNothing() {
        Path out = dir.resolve("never.csv");
        Run r = WfmRunner.run("forecast", "--history", dir.resolve("nope.csv").toString(), "--horizon-days", "7",
                "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("nope.csv").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        assertThat(out.resolveSibling("peaks.csv")).doesNotExist();
    }

    @Test
    void helpExplainsEachCommand() {
        Run r = WfmRunner.run("help", "schedule");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("--time-limit").contains("--requirements");
    }
}
