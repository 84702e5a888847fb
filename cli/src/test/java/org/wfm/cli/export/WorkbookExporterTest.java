package org.wfm.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;

class WorkbookExporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-04T18:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private XSSFWorkbook exportAndOpen(boolean fullSummary) throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), fullSummary);
        Path out = WorkbookExporter.export(run, tmp.resolve("out/plan.xlsx"), CLOCK);
        try (InputStream in = Files.newInputStream(out)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void sheetsInTheContractsOrder() throws IOException {
        try (XSSFWorkbook wb = exportAndOpen(true)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            // Daily (the roll-up) added after Coverage; the contract's sheets keep their order
            assertEquals(List.of("Schedule", "Agents", "Coverage", "Daily", "Forecast", "KPIs", "Run info"), names);
            assertEquals(0, wb.getActiveSheetIndex());
            assertTrue(wb.getSheetAt(0).isSelected());
            for (int i = 1; i < wb.getNumberOfSheets(); i++) {
                assertFalse(wb.getSheetAt(i).isSelected(), "only one tab selected, else sheets open grouped");
            }
        }
    }

    @Test
    void coverageAndForecastHaveOneNativeChartPerChannel() throws IOException {
        try (XSSFWorkbook wb = exportAndOpen(true)) {
            for (String sheet : List.of("Coverage", "Forecast")) {
                var charts = wb.getSheet(sheet).getDrawingPatriarch().getCharts();
                assertEquals(2, charts.size(), sheet);
                assertTrue(charts.get(0).getTitleText().getString().startsWith("voice"));
            }
            var forecastChart = wb.getSheet("Forecast").getDrawingPatriarch().getCharts().get(0);
            // forecast, lower, upper, peak markers, trough markers
            assertEquals(5, forecastChart.getChartSeries().get(0).getSeriesCount());
            // 40 intervals × 2 days of voice; the peak series holds only the 10:00–11:00 windows (4 × 2 points).
            var series = forecastChart.getChartSeries().get(0);
            assertEquals(80, series.getSeries(0).getValuesData().getPointCount());
            String xml = forecastChart.getCTChart().toString();
            assertTrue(xml.contains("tickLblSkip"), "one axis label per day");
        }
    }

    @Test
    void datesAreRealExcelDates() throws IOException {
        try (XSSFWorkbook wb = exportAndOpen(true)) {
            Cell first = wb.getSheet("Coverage").getRow(1).getCell(0);
            assertEquals(CellType.NUMERIC, first.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(first));
            assertEquals(LocalDateTime.of(2026, 1, 5, 8, 0), first.getLocalDateTimeCellValue());
            Cell day = wb.getSheet("Schedule").getRow(1).getCell(ScheduleSheet.FIXED_COLUMNS);
            assertTrue(DateUtil.isCellDateFormatted(day));
            assertEquals(LocalDateTime.of(2026, 1, 5, 0, 0), day.getLocalDateTimeCellValue());
            Row generated = wb.getSheet("Run info").getRow(2);
            assertEquals(LocalDateTime.of(2026, 1, 4, 18, 30), generated.getCell(1).getLocalDateTimeCellValue());
            Cell sl = wb.getSheet("Coverage").getRow(1).getCell(6);
            assertEquals(0.81, sl.getNumericCellValue(), 1e-12);
            assertEquals("0.0%", sl.getCellStyle().getDataFormatString());
            assertEquals(CellType.BLANK, wb.getSheet("Coverage").getRow(81).getCell(6).getCellType(),
                    "email has no service level: blank, not 0 or NaN");
        }
    }

    @Test
    void agentNamedLikeAFormulaStaysText() throws IOException {
        try (XSSFWorkbook wb = exportAndOpen(true)) {
            int found = 0;
            for (String sheet : List.of("Schedule", "Agents", "KPIs")) {
                for (Row row : wb.getSheet(sheet)) {
                    for (Cell c : row) {
                        assertTrue(c.getCellType() != CellType.FORMULA || sheet.equals("Agents"),
                                "no formula outside the Agents totals: " + sheet + " " + c.getAddress());
                        if (c.getCellType() == CellType.STRING
                                && c.getStringCellValue().equals(RunFixture.INJECTION)) {
                            assertTrue(c.getCellStyle().getQuotePrefixed(), sheet + " " + c.getAddress());
                            found++;
                        }
                    }
                }
            }
            assertEquals(3, found, "Schedule row, Agents row, KPIs violation");
            for (Row row : wb.getSheet("Agents")) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.FORMULA) {
                        assertTrue(c.getCellFormula().startsWith("SUBTOTAL(109,"), c.getCellFormula());
                    }
                }
            }
        }
    }

    @Test
    void scheduleGridColoursActivities() throws IOException {
        try (XSSFWorkbook wb = exportAndOpen(true)) {
            XSSFSheet sheet = wb.getSheet("Schedule");
            Row alice = findRow(sheet, "Alice Smith");
            // Columns: 08:00 is the first shown (earliest start); each 15 minutes one column.
            int c0800 = ScheduleSheet.FIXED_COLUMNS;
            assertEquals("V", alice.getCell(c0800).getStringCellValue());
            assertEquals("B", alice.getCell(c0800 + 8).getStringCellValue());
            assertEquals("L", alice.getCell(c0800 + 16).getStringCellValue());
            assertEquals("T", alice.getCell(c0800 + 28).getStringCellValue());
            assertEquals(15.0, alice.getCell(3).getNumericCellValue(), 1e-9, "paid hours: 2 × 7.5");
            XSSFCellStyle work = (XSSFCellStyle) alice.getCell(c0800 + 1).getCellStyle();
            assertEquals("9CC9EA", work.getFillForegroundColorColor().getARGBHex().substring(2));
            Row homeWorker = findRow(sheet, RunFixture.INJECTION);
            assertEquals("v", homeWorker.getCell(c0800).getStringCellValue(), "lower case: worked from home");
            Row bob = findRow(sheet, "Bob Jones");
            assertEquals("E", bob.getCell(c0800 + 1).getStringCellValue());
            // 08:00–16:00 shown: 32 columns a day; day 2 starts right after.
            assertEquals("V", alice.getCell(c0800 + 32 + 1).getStringCellValue());
            // Title, days, a head-count row per channel (voice, email), hours: 5 rows frozen above the agents.
            assertEquals(CellType.NUMERIC, sheet.getRow(4).getCell(c0800 + 4).getCellType(), "hour header");
            assertEquals(5, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(ScheduleSheet.FIXED_COLUMNS, sheet.getPaneInformation().getVerticalSplitPosition());
            // Agents by site, then usual start, then name: london's Alice and Bob (both 08:00), then the one at home.
            assertEquals("Alice Smith", sheet.getRow(5).getCell(0).getStringCellValue());
            assertEquals("Bob Jones", sheet.getRow(6).getCell(0).getStringCellValue());
            assertEquals(RunFixture.INJECTION, sheet.getRow(7).getCell(0).getStringCellValue());
        }
    }

    @Test
    void agentsAndKpisCarryTheSummary() throws IOException {
        try (XSSFWorkbook wb = exportAndOpen(true)) {
            XSSFSheet agents = wb.getSheet("Agents");
            assertNotNull(agents.getCTWorksheet().getAutoFilter());
            Row alice = findRow(agents, "Alice Smith");
            assertEquals(300.0, alice.getCell(10).getNumericCellValue(), 1e-9);
            assertEquals(0.5, alice.getCell(13).getNumericCellValue(), 1e-9, "2 of 4 wanted training hours");
            XSSFSheet kpis = wb.getSheet("KPIs");
            assertEquals(1234.5, findRow(kpis, "Total").getCell(1).getNumericCellValue(), 1e-9);
            assertEquals(0.1223, findRow(kpis, "Gap to lower bound").getCell(1).getNumericCellValue(), 1e-9);
            assertEquals(1.0, findRow(kpis, "Uncovered intervals").getCell(1).getNumericCellValue(), 1e-9);
            assertEquals(1.0, findRow(kpis, "Hard violations").getCell(1).getNumericCellValue(), 1e-9);
            Row voice = findRow(kpis, "voice");
            assertEquals(0.78, voice.getCell(2).getNumericCellValue(), 1e-9);
            assertEquals(CellType.BLANK, voice.getCell(3).getCellType(), "not simulated yet");
            Row email = findRow(kpis, "email");
            assertEquals(0.9375, email.getCell(1).getNumericCellValue(), 1e-12, "share done within the window");
            assertEquals(2.0, email.getCell(2).getNumericCellValue(), 1e-12, "peak backlog, agent-hours");
            assertEquals("Deferred work", kpis.getRow(email.getRowNum() - 1).getCell(0).getStringCellValue());
            Row input = findRow(wb.getSheet("Run info"), "samples/agents.csv");
            assertEquals("ab12", input.getCell(1).getStringCellValue());
        }
    }

    @Test
    void simulationFillsSimulatedServiceLevels() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        Files.writeString(run.resolve("simulation.csv"), """
                interval_start,channel,offered,answered_in_target,abandoned,service_level,service_level_ci95,asa_seconds,occupancy
                2026-01-05T08:00,voice,30,27,1,0.9,0.02,8.5,0.8
                2026-01-05T08:15,voice,10,5,2,0.5,0.05,40,0.9
                """);
        try (XSSFWorkbook wb = open(WorkbookExporter.export(run, tmp.resolve("plan.xlsx"), CLOCK))) {
            Row voice = findRow(wb.getSheet("KPIs"), "voice");
            assertEquals(32.0 / 40.0, voice.getCell(3).getNumericCellValue(), 1e-12,
                    "answered in time over offered, not the mean of interval service levels");
            assertEquals(0.9, wb.getSheet("Coverage").getRow(1).getCell(8).getNumericCellValue(), 1e-12);
            assertEquals(CellType.BLANK, wb.getSheet("Coverage").getRow(3).getCell(8).getCellType());
        }
    }

    private static XSSFWorkbook open(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void summaryWithoutAgentsFallsBackToTheSchedule() throws IOException {
        try (XSSFWorkbook wb = exportAndOpen(false)) {
            XSSFSheet agents = wb.getSheet("Agents");
            Row alice = findRow(agents, "Alice Smith");
            assertEquals(15.0, alice.getCell(5).getNumericCellValue(), 1e-9, "paid hours from schedule.csv");
            assertEquals(2.0, alice.getCell(7).getNumericCellValue(), 1e-9, "training hours from schedule.csv");
            assertEquals(14.0, findRow(agents, RunFixture.INJECTION).getCell(8).getNumericCellValue(), 1e-9,
                    "home hours: work and training at home, 7 h a day");
            assertEquals(CellType.BLANK, alice.getCell(10).getCellType(), "cost unknown without the summary");
        }
    }

    @Test
    void missingRunFileIsAnInputErrorAndWritesNothing() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        Files.delete(run.resolve("coverage.csv"));
        Path out = tmp.resolve("out/plan.xlsx");
        InputException e = assertThrows(InputException.class, () -> WorkbookExporter.export(run, out, CLOCK));
        assertTrue(e.getMessage().startsWith("coverage.csv"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedCellIsReportedWithLineAndColumn() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        Path coverage = run.resolve("coverage.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(coverage));
        String[] cells = lines.get(3).split(",", -1);
        cells[4] = "two";
        lines.set(3, String.join(",", cells));
        Files.write(coverage, lines);
        InputException e = assertThrows(InputException.class,
                () -> WorkbookExporter.export(run, tmp.resolve("plan.xlsx"), CLOCK));
        assertEquals("coverage.csv line 4, column scheduled: \"two\" is not a number", e.getMessage());
    }

    @Test
    void replacesAnExistingWorkbookAndLeavesNoTemporaryFile() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        Path out = tmp.resolve("out/plan.xlsx");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "old");
        WorkbookExporter.export(run, out, CLOCK);
        assertTrue(Files.size(out) > 10_000);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    static Row findRow(XSSFSheet sheet, String firstCell) {
        for (Row row : sheet) {
            XSSFCell c = (XSSFCell) row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(firstCell)) {
                return row;
            }
        }
        throw new AssertionError("no row " + firstCell + " in " + sheet.getSheetName() + " "
                + new CellReference(0, 0));
    }
}
