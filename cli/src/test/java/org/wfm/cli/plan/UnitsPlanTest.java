package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;
import org.wfm.cli.units.UnitSeeds;

/**
 * {@code wfm plan} with {@code units:} on {@link UnitsFixture}: one run folder with units/north and units/south
 * (each a normal run folder), the all-units summary.json whose sums are the units' figures, the Overview sheet,
 * the same bytes with 1 and 2 threads, the next night replanned per unit, and the input errors of units.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitsPlanTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path plan;

    @BeforeAll
    static void setUp() throws IOException {
        plan = UnitsFixture.write(dir, "runs/");
    }

    static Run plan(Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", "--config", config.toString()));
        args.addAll(List.of(extra));
        return WfmRunner.run(args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void oneRunFolderWithAFolderPerUnitAndTheirSums() throws IOException {
        Run r = plan(plan, "--date", "2026-01-07", "--threads", "1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("north", "south", "all units");
        Path run = dir.resolve("runs/2026-01-07");
        for (String unit : List.of("north", "south")) {
            for (String f : List.of("forecast.csv", "requirements.csv", "schedule.csv", "coverage.csv",
                    "summary.json", "plan.xlsx")) {
                assertThat(run.resolve("units").resolve(unit).resolve(f)).as(unit + "/" + f).isRegularFile();
            }
        }
        assertThat(Files.readString(run.resolve("units/south/schedule.csv"))).contains("S1").doesNotContain("A1,");
        JsonNode all = JSON.readTree(run.resolve("summary.json").toFile());
        JsonNode north = JSON.readTree(run.resolve("units/north/summary.json").toFile());
        JsonNode south = JSON.readTree(run.resolve("units/south/summary.json").toFile());
        assertThat(all.at("/cost/total").asDouble())
                .isEqualTo(north.at("/cost/total").asDouble() + south.at("/cost/total").asDouble());
        assertThat(all.get("paid_hours").asDouble())
                .isEqualTo(north.get("paid_hours").asDouble() + south.get("paid_hours").asDouble());
        assertThat(all.at("/lower_bound/cost").asDouble())
                .isEqualTo(north.at("/lower_bound/cost").asDouble() + south.at("/lower_bound/cost").asDouble());
        assertThat(all.get("agents").asInt()).isEqualTo(8);
        assertThat(all.at("/units/0/name").asText()).isEqualTo("north");
        assertThat(all.at("/units/1/seed").asLong()).isEqualTo(UnitSeeds.of(1, "south"))
                .isEqualTo(south.at("/solver/seed").asLong());
        double shortfall = 0;
        for (JsonNode d : north.at("/rollup/daily")) {
            shortfall += d.get("short_hours").asDouble();
        }
        assertThat(all.at("/units/0/shortfall_hours").asDouble()).isEqualTo(shortfall);
        try (InputStream in = Files.newInputStream(run.resolve("plan.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet overview = wb.getSheet("Overview");
            assertThat(overview).isNotNull();
            assertThat(overview.getRow(1).getCell(0).getStringCellValue()).isEqualTo("north");
            assertThat(overview.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(south.at("/cost/total").asDouble());
            assertThat(overview.getRow(3).getCell(0).getStringCellValue()).isEqualTo("All units");
            assertThat(overview.getRow(1).getCell(10).getHyperlink().getAddress()).isEqualTo("units/north/plan.xlsx");
        }
        assertThat(Files.readSymbolicLink(dir.resolve("runs/latest")).toString()).isEqualTo("2026-01-07");
    }

    @Test
    @Order(2)
    void twoThreadsGiveTheSameBytesAsOne() throws IOException {
        Path other = UnitsFixture.plan(dir, "plan-threads.yaml", "runs-threads/");
        Run r = plan(other, "--date", "2026-01-07", "--threads", "2");
        assertThat(r.code()).as(r.toString()).isZero();
        UnitsFixture.assertSameRun(dir.resolve("runs/2026-01-07"), dir.resolve("runs-threads/2026-01-07"));
    }

    @Test
    @Order(3)
    void theNextNightReplansEachUnitFromItsPublishedSchedule() throws IOException {
        Run r = plan(plan, "--date", "2026-01-08");
        assertThat(r.code()).as(r.toString()).isZero();
        Path run = dir.resolve("runs/2026-01-08");
        JsonNode north = JSON.readTree(run.resolve("units/north/summary.json").toFile());
        assertThat(north.get("previous").asText()).endsWith(Path.of("runs", "2026-01-07", "units", "north").toString());
        JsonNode all = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(all.get("previous").asText()).endsWith("2026-01-07");
    }

    @Test
    @Order(4)
    void exportOfTheUnitsFolderWritesTheOverviewAndAWorkbookPerUnit() throws IOException {
        Path run = dir.resolve("runs/2026-01-07");
        Path out = dir.resolve("export/all.xlsx");
        Run r = WfmRunner.run("export", "--schedule", run.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Overview of 2 units").contains("all-north.xlsx").contains("all-south.xlsx");
        JsonNode south = JSON.readTree(run.resolve("units/south/summary.json").toFile());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet overview = wb.getSheet("Overview");
            assertThat(overview.getRow(2).getCell(0).getStringCellValue()).isEqualTo("south");
            assertThat(overview.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(south.at("/cost/total").asDouble());
            assertThat(overview.getRow(1).getCell(10).getHyperlink().getAddress()).isEqualTo("all-north.xlsx");
        }
        for (String unit : List.of("north", "south")) {
            try (InputStream in = Files.newInputStream(dir.resolve("export/all-" + unit + ".xlsx"));
                 XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(wb.getSheet("Schedule")).as(unit).isNotNull();
                assertThat(wb.getSheet("KPIs")).as(unit).isNotNull();
            }
        }
        // the set exists: without --force nothing is replaced; one unit alone is that unit's workbook
        assertThat(WfmRunner.run("export", "--schedule", run.toString(), "--out", out.toString()).code()).isEqualTo(2);
        Run one = WfmRunner.run("export", "--schedule", run.toString(), "--unit", "south", "--out",
                dir.resolve("export/south.xlsx").toString());
        assertThat(one.code()).as(one.toString()).isZero();
        try (InputStream in = Files.newInputStream(dir.resolve("export/south.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> texts = new ArrayList<>();
            wb.getSheet("Agents").forEach(row -> row.forEach(c -> texts.add(c.toString())));
            assertThat(texts).contains("S1").doesNotContain("A1");
        }
        Run unknown = WfmRunner.run("export", "--schedule", run.toString(), "--unit", "east", "--out",
                dir.resolve("export/east.xlsx").toString());
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("no unit `east`").contains("north, south");
        assertThat(dir.resolve("export/east.xlsx")).doesNotExist();
    }

    @Test
    @Order(5)
    void simulateOfTheUnitsFolderSimulatesEveryUnitWithItsOwnInputsAndSeed() throws IOException {
        Path run = dir.resolve("runs/2026-01-07");
        // the plan simulated each unit already: nothing is replaced without --force
        Run refused = WfmRunner.run("simulate", "--schedule", run.toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        Run r = WfmRunner.run("simulate", "--schedule", run.toString(), "--force");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("unit north (seed " + UnitSeeds.of(1, "north") + ")")
                .contains("unit south (seed " + UnitSeeds.of(1, "south") + ")").contains("all units:");
        JsonNode south = JSON.readTree(run.resolve("units/south/summary.json").toFile());
        assertThat(south.at("/service_level/voice/simulated").isNumber()).isTrue();
        // the all-units line: the sums of the units' simulation.csv columns
        double offered = 0;
        double inTarget = 0;
        for (String unit : List.of("north", "south")) {
            List<String> rows = Files.readAllLines(run.resolve("units").resolve(unit).resolve("simulation.csv"));
            List<String> head = List.of(rows.get(0).split(","));
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",", -1);
                offered += Double.parseDouble(f[head.indexOf("offered")]);
                inTarget += Double.parseDouble(f[head.indexOf("answered_in_target")]);
            }
        }
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "all units: %.1f contacts offered, %.1f"
                + " answered within target (%.1f%%)", offered, inTarget, 100 * inTarget / offered));
        Run unknown = WfmRunner.run("simulate", "--schedule", run.toString(), "--unit", "east");
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("no unit `east`").contains("north, south");
        Run files = WfmRunner.run("simulate", "--schedule", run.toString(), "--agents",
                dir.resolve("north/agents.csv").toString());
        assertThat(files.code()).as(files.toString()).isEqualTo(2);
        assertThat(files.err()).contains("--unit");
        Run one = WfmRunner.run("simulate", "--schedule", run.toString(), "--unit", "south", "--force");
        assertThat(one.code()).as(one.toString()).isZero();
        assertThat(one.out()).contains("unit south").doesNotContain("unit north");
    }

    @Test
    void anAgentInTwoUnitsIsAnInputErrorNamingBothFilesAndLines() throws IOException {
        Path bad = dir.resolve("twice");
        UnitsFixture.write(bad, "runs/");
        Path south = bad.resolve("south/agents.csv");
        Files.writeString(south, Files.readString(south).replace("S3,", "a1 ,"));
        Run r = plan(bad.resolve("plan.yaml"), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(south.toString()).contains("line 4").contains("agent_id")
                .contains(bad.resolve("north/agents.csv") + " line 2").contains("unit north");
        assertThat(bad.resolve("runs")).doesNotExist();
    }

    @Test
    void anUnsafeUnitNameIsAnInputError() throws IOException {
        Path bad = dir.resolve("badname");
        UnitsFixture.write(bad, "runs/");
        Path p = bad.resolve("plan.yaml");
        Files.writeString(p, Files.readString(p).replace("  south:", "  ../south:"));
        Run r = plan(p, "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("plan.yaml").contains("line 11").contains("not a safe folder name");
    }

    @Test
    void sparkWithoutTheSparkModuleSaysSo() {
        Run r = plan(plan, "--date", "2026-01-09", "--engine", "spark");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("Spark engine is not on the class path");
    }
}
