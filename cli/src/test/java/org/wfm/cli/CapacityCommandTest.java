package org.wfm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner.Run;

/** {@code wfm capacity} run non-interactively on the samples (efficiency given, so no solver run here). */
class CapacityCommandTest {
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

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void writesTheContractsFilesWithPlannedHiresAndAttritionByFile() throws Exception {
        Path hires = dir.resolve("hires.csv");
        Files.writeString(hires, "class_start,size,skills\n2026-12-14,5,voice:1.0;chat:0.8\n");
        Path attrition = dir.resolve("attrition.csv");
        Files.writeString(attrition, "site,employment,monthly_rate\n*,*,0.025\nlondon,full-time,0.02\n*,on-demand,0.06\n");
        Path out = dir.resolve("cap");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--holidays", s("holidays.csv"), "--months", "3", "--efficiency", "1.2", "--hires",
                hires.toString(), "--attrition", attrition.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("scheduling efficiency 1.200 given with --efficiency (not measured)")
                .contains("recommended hiring:");
        assertThat(Files.readAllLines(out.resolve("capacity.csv")).get(0)).startsWith(
                "week_start,channel,scenario,required_fte,available_fte,gap_fte,hires_starting,projected_service_level,cost");
        List<CSVRecord> rows = csv(out.resolve("capacity.csv"));
        assertThat(rows).hasSize(13 * 3); // 3 months = 13 weeks, 3 channels
        for (CSVRecord row : rows) {
            double gap = Double.parseDouble(row.get("required_fte")) - Double.parseDouble(row.get("available_fte"));
            assertThat(Double.parseDouble(row.get("gap_fte"))).isCloseTo(gap, within(0.011));
            assertThat(row.get("projected_service_level").isEmpty()).isEqualTo(row.get("channel").equals("email"));
        }
        // the planned class appears in its week in both of its channels, and in hiring.csv
        assertThat(rows.stream().filter(x -> x.get("week_start").equals("2026-12-14")
                && !x.get("channel").equals("email")).mapToInt(x -> Integer.parseInt(x.get("hires_starting"))).min()
                .orElse(0)).isGreaterThanOrEqualTo(5);
        List<CSVRecord> hiring = csv(out.resolve("hiring.csv"));
        assertThat(hiring.get(0).get("class_start")).isEqualTo("2026-12-14");
        assertThat(hiring.get(0).get("skills")).isEqualTo("chat:0.8;voice:1");
        assertThat(hiring.get(0).get("kind")).isEqualTo("planned");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/efficiency/measured").asBoolean()).isFalse();
        assertThat(summary.at("/attrition/rates").size()).isEqualTo(3);
        assertThat(summary.at("/scenarios/baseline/channels/voice/recommended_hires").isInt()).isTrue();
        assertThat(summary.at("/inputs").size()).isGreaterThanOrEqualTo(5);
        try (InputStream in = Files.newInputStream(out.resolve("capacity.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("Capacity");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize(3);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue())
                    .isCloseTo(Double.parseDouble(rows.get(0).get("required_fte")), within(0.006));
        }
        assertThat(Files.size(out.resolve("capacity.png"))).isGreaterThan(10_000);
        // the monthly roll-up is recomputable from capacity.csv: costs, contacts and hires add up per channel
        List<CSVRecord> months = csv(out.resolve("capacity-monthly.csv"));
        assertThat(months).isNotEmpty();
        for (String channel : List.of("voice", "chat", "email")) {
            for (String column : List.of("cost", "contacts", "hires_starting")) {
                double weekly = rows.stream().filter(x -> x.get("channel").equals(channel))
                        .mapToDouble(x -> Double.parseDouble(x.get(column))).sum();
                double monthly = months.stream().filter(x -> x.get("channel").equals(channel))
                        .mapToDouble(x -> Double.parseDouble(x.get(column))).sum();
                assertThat(monthly).as(channel + " " + column).isCloseTo(weekly, within(0.01 * months.size() + 1e-9));
            }
        }
        assertThat(months.stream().mapToInt(x -> Integer.parseInt(x.get("days"))).sum()).isEqualTo(13 * 7 * 3);
        try (InputStream in = Files.newInputStream(out.resolve("capacity.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Monthly").getLastRowNum()).isEqualTo(months.size());
        }
    }

    @Test
    void aBadHiresFileIsOneLineNamingLineAndColumnAndWritesNothing() throws Exception {
        Path hires = dir.resolve("bad-hires.csv");
        Files.writeString(hires, "class_start,size,skills\n2027-01-04,twelve,voice:1.0\n");
        Path out = dir.resolve("never");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.2", "--hires", hires.toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        // besides the readers' notes, one line
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("note:")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        String message = lines.get(0);
        assertThat(message).contains("bad-hires.csv").contains("line 2").contains("size").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSkillMissingFromChannelsIsAnInputError() throws Exception {
        Path hires = dir.resolve("sms-hires.csv");
        Files.writeString(hires, "class_start,size,skills\n2027-01-04,3,sms:1.0\n");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.2", "--hires", hires.toString(), "--out",
                dir.resolve("never2").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("line 2").contains("skills").contains("sms");
    }

    @Test
    void outOfRangeOptionsAreUsageErrors() {
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--attrition", "0.9", "--out", dir.resolve("x").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err() + r.out()).contains("--attrition");
        Run m = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "0", "--out", dir.resolve("y").toString());
        assertThat(m.code()).isEqualTo(2);
        Run k = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--hire-skills", "triples", "--out", dir.resolve("k").toString());
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err() + k.out()).contains("--hire-skills").contains("pairs or single");
    }

    @Test
    void withoutRulesTheEfficiencyMustBeGiven() throws Exception {
        Path alone = dir.resolve("alone");
        Files.createDirectories(alone);
        Files.copy(samples.resolve("agents.csv"), alone.resolve("agents.csv"));
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                alone.resolve("agents.csv").toString(), "--months", "1", "--out", dir.resolve("z").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--rules").contains("--efficiency");
    }

    @Test
    void scenariosRunSideBySide() throws Exception {
        Path scenarios = dir.resolve("scenarios.csv");
        Files.writeString(scenarios, "scenario,channel,volume_factor,aht_delta_seconds,service_target,shrinkage,"
                + "attrition,uplift,uplift_start,uplift_end\n"
                + "growth,voice,1.2,,,,,,,\n"
                + "growth,*,,,,,,0.3,2026-12-07,2026-12-13\n"
                + "lean,*,,,0.7,0.25,0.02,,,\n");
        Path out = dir.resolve("scen");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "2", "--efficiency", "1.2", "--scenarios", scenarios.toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("scenario").contains("growth").contains("lean");
        List<CSVRecord> rows = csv(out.resolve("capacity.csv"));
        assertThat(rows).hasSize(3 * 9 * 3); // 3 scenarios × 9 weeks × 3 channels
        java.util.function.BiFunction<String, String, Double> required = (sc, week) -> rows.stream()
                .filter(x -> x.get("scenario").equals(sc) && x.get("channel").equals("voice")
                        && x.get("week_start").equals(week))
                .mapToDouble(x -> Double.parseDouble(x.get("required_fte"))).sum();
        // more voice, most in the campaign week; a lower target and shrinkage need fewer
        assertThat(required.apply("growth", "2026-11-30")).isGreaterThan(required.apply("baseline", "2026-11-30"));
        assertThat(required.apply("growth", "2026-12-07") / required.apply("baseline", "2026-12-07"))
                .isGreaterThan(required.apply("growth", "2026-11-30") / required.apply("baseline", "2026-11-30"));
        assertThat(required.apply("lean", "2026-11-30")).isLessThan(required.apply("baseline", "2026-11-30"));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/scenarios").size()).isEqualTo(3);
        assertThat(summary.at("/scenarios/lean/total_cost").isNumber()).isTrue();
    }

    @Test
    void aScenarioLineThatChangesNothingIsAnError() throws Exception {
        Path scenarios = dir.resolve("empty-scenarios.csv");
        Files.writeString(scenarios, "scenario,channel,volume_factor\nflat,voice,\n");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.2", "--scenarios", scenarios.toString(), "--out",
                dir.resolve("never3").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("empty-scenarios.csv").contains("line 2").contains("changes nothing");
    }

    @Test
    void aServiceTargetForADeferredChannelIsAnError() throws Exception {
        Path scenarios = dir.resolve("deferred-target.csv");
        Files.writeString(scenarios, "scenario,channel,service_target\nfaster,email,0.9\n");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.2", "--scenarios", scenarios.toString(), "--out",
                dir.resolve("never4").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("line 2").contains("service_target").contains("deferred");
    }

    @Test
    void anAttritionSiteNoAgentHasIsNoted() throws Exception {
        Path attrition = dir.resolve("typo-attrition.csv");
        Files.writeString(attrition, "site,employment,monthly_rate\nlondn,*,0.02\n");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.2", "--attrition", attrition.toString(), "--out",
                dir.resolve("typo").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("note:").contains("`londn`").contains("applies to nobody");
    }

    @Test
    void jsonPrintsTheSummary() throws Exception {
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.3", "--attrition", "0.04", "--json", "--out",
                dir.resolve("json").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.at("/efficiency/factor").asDouble()).isEqualTo(1.3);
        assertThat(n.at("/attrition/default_monthly").asDouble()).isEqualTo(0.04);
        assertThat(n.at("/plan/weeks").asInt()).isEqualTo(5);
    }

    /**
     * --leave (timeoff.csv's format): a whole day of A001 (voice 0.9, 35-40 h) is 7.5 h, 0.2 FTE, 0.18 on voice.
     * The hiring programme may move multi-skilled agents to voice to make up for it (a voice-and-e-mail agent gives
     * voice 1.0 for the 0.3 it takes from e-mail), so the week's total shortfall over the channels grows by more than
     * 0 (every channel is short that week: no agent is idle) and at most 0.18, not necessarily on voice; no other
     * week changes (no class can start within one month, so the weeks are independent and each week's least
     * shortfall is unique).
     */
    @Test
    void plannedLeaveLowersTheAvailableFteOfItsWeek() throws Exception {
        Path plain = dir.resolve("leave-none");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.2", "--attrition", "0", "--out",
                plain.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<CSVRecord> before = csv(plain.resolve("capacity.csv"));
        String week = before.get(0).get("week_start");
        Path leave = dir.resolve("leave.csv");
        Files.writeString(leave, "agent_id,date,start,end,reason\nA001," + java.time.LocalDate.parse(week).plusDays(1)
                + ",,,annual leave\n");
        Path with = dir.resolve("leave-one");
        Run l = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--months", "1", "--efficiency", "1.2", "--attrition", "0", "--leave",
                leave.toString(), "--out", with.toString());
        assertThat(l.code()).as(l.toString()).isZero();
        List<CSVRecord> after = csv(with.resolve("capacity.csv"));
        java.util.Map<String, Double> shortBefore = new java.util.TreeMap<>();
        java.util.Map<String, Double> shortAfter = new java.util.TreeMap<>();
        before.forEach(x -> shortBefore.merge(x.get("week_start"), Math.max(0, Double.parseDouble(x.get("gap_fte"))),
                Double::sum));
        after.forEach(x -> shortAfter.merge(x.get("week_start"), Math.max(0, Double.parseDouble(x.get("gap_fte"))),
                Double::sum));
        assertThat(shortAfter.keySet()).isEqualTo(shortBefore.keySet());
        for (String w : shortBefore.keySet()) {
            double more = shortAfter.get(w) - shortBefore.get(w);
            if (w.equals(week)) {
                assertThat(more).as(w).isBetween(0.01, 0.18 + 0.016);
            } else {
                assertThat(more).as(w).isCloseTo(0, within(0.016));
            }
        }
        assertThat(Files.readString(with.resolve("summary.json"))).contains("leave.csv");
    }

    /**
     * The samples' 12-month plan with multi-skill classes: it runs, recommends a two-skill class (named in the end
     * summary, `chat:1;voice:1` style in hiring.csv), and its figures add up: each week's hires_starting per channel
     * is the hiring.csv classes trained in that channel starting that week, each channel's recommended hires in
     * summary.json are those classes' sizes, the total cost is capacity.csv's, and the cost of the week a class
     * starts carries its hiring cost.
     */
    @Test
    void theTwelveMonthPlanRecommendsATwoSkillClassAndAddsUp() throws Exception {
        Path out = dir.resolve("year");
        Run r = WfmRunner.run("capacity", "--history", s("history.csv"), "--channels", s("channels.yaml"), "--agents",
                s("agents.csv"), "--holidays", s("holidays.csv"), "--months", "12", "--efficiency", "1.206", "--out",
                out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<CSVRecord> hiring = csv(out.resolve("hiring.csv"));
        List<CSVRecord> multi = hiring.stream().filter(h -> h.get("kind").equals("recommended")
                && h.get("skills").contains(";")).toList();
        assertThat(multi).as(hiring.toString()).isNotEmpty();
        assertThat(multi.get(0).get("skills")).matches("[a-z]+:1;[a-z]+:1");
        String named = multi.get(0).get("class_start") + " " + multi.get(0).get("size") + " "
                + multi.get(0).get("skills").replace(":1", "").replace(';', '+');
        assertThat(r.out()).contains(named).containsPattern("\\d+ of \\d+ hires multi-skilled");
        List<CSVRecord> rows = csv(out.resolve("capacity.csv"));
        assertThat(rows).hasSize(52 * 3);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        double total = 0;
        for (CSVRecord row : rows) {
            int starting = hiring.stream().filter(h -> h.get("class_start").equals(row.get("week_start"))
                    && h.get("skills").contains(row.get("channel") + ":")).mapToInt(h -> Integer.parseInt(h.get("size")))
                    .sum();
            assertThat(Integer.parseInt(row.get("hires_starting"))).as(row.toString()).isEqualTo(starting);
            total += Double.parseDouble(row.get("cost"));
        }
        assertThat(summary.at("/scenarios/baseline/total_cost").asDouble()).isCloseTo(total, within(0.01 * rows.size()));
        int recommended = 0;
        int multiHires = 0;
        for (CSVRecord h : hiring) {
            recommended += Integer.parseInt(h.get("size"));
            multiHires += h.get("skills").contains(";") ? Integer.parseInt(h.get("size")) : 0;
        }
        assertThat(summary.at("/scenarios/baseline/recommended_hires").asInt()).isEqualTo(recommended);
        assertThat(summary.at("/scenarios/baseline/multi_skill_hires").asInt()).isEqualTo(multiHires);
        for (String channel : List.of("voice", "chat", "email")) {
            int inChannel = hiring.stream().filter(h -> h.get("skills").contains(channel + ":"))
                    .mapToInt(h -> Integer.parseInt(h.get("size"))).sum();
            assertThat(summary.at("/scenarios/baseline/channels/" + channel + "/recommended_hires").asInt())
                    .isEqualTo(inChannel);
        }
        // the status agrees with the gap to the best bound proven (never below the LP relaxation's); the samples'
        // programme is proven optimal within the search's budget, at the optimum HiGHS also proves outside the
        // product (1,178,507.78, docs/capacity.md)
        com.fasterxml.jackson.databind.JsonNode model = summary.at("/scenarios/baseline/hiring_model");
        double objective = model.get("objective").asDouble();
        double bound = model.get("bound").asDouble();
        assertThat(bound).isLessThanOrEqualTo(objective).isGreaterThanOrEqualTo(model.get("lp_bound").asDouble());
        assertThat(model.get("gap").asDouble()).isCloseTo((objective - bound) / objective, within(1e-4)); // rounded
        boolean proven = objective - bound <= Math.max(1e-6 * objective, 0.01);
        assertThat(model.get("optimal").asBoolean()).isEqualTo(proven);
        assertThat(model.get("status").asText()).isEqualTo(proven ? "optimal" : "feasible");
        assertThat(model.get("status").asText()).isEqualTo("optimal");
        assertThat(objective).isCloseTo(1_178_507.78, within(0.01));
        assertThat(model.get("solver").asText()).contains("branch and bound");
        assertThat(model.get("nodes").asInt()).isPositive();
        assertThat(r.out()).contains(proven ? "proven optimal" : "not proven optimal: at most");
        assertThat(summary.at("/scenarios/baseline/hiring_model/integer_variables").asInt()).isPositive();
        assertThat(summary.at("/settings/hire_skill_sets").size()).isEqualTo(6);
        // expected leavers × the hire cost: the replacement cost reported
        double leavers = rows.stream().mapToDouble(x -> Double.parseDouble(x.get("expected_leavers"))).sum();
        assertThat(summary.at("/scenarios/baseline/attrition_replacement_cost").asDouble())
                .isCloseTo(leavers * 6400, within(0.0005 * rows.size() * 6400));
    }
}
