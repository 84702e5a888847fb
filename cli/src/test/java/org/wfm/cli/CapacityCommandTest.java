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

    /** --leave (timeoff.csv's format): a whole day of A001 (voice 0.9, 35-40 h) is 7.5 h, 0.2 FTE, 0.18 on voice. */
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
        for (int i = 0; i < before.size(); i++) {
            double drop = Double.parseDouble(before.get(i).get("available_fte"))
                    - Double.parseDouble(after.get(i).get("available_fte"));
            boolean leaveWeek = before.get(i).get("week_start").equals(week)
                    && before.get(i).get("channel").equals("voice");
            assertThat(drop).as(before.get(i).toString()).isCloseTo(leaveWeek ? 0.18 : 0, within(0.006));
        }
        assertThat(Files.readString(with.resolve("summary.json"))).contains("leave.csv");
    }
}
