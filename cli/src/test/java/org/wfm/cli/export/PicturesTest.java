package org.wfm.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.XDDFAreaChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.scheduler.domain.CoverageRollup;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * The pictures a planner reads at a glance: shaded coverage charts on a regular time grid, the Daily roll-up sheet,
 * the Schedule grid's order and head-count rows. On {@link RunFixture}: voice and email 08:00–18:00 on Mon 5 and
 * Tue 6 January 2026; voice needs up to 6 agents at 10:30 and has 2 until 13:00, then 1.
 */
class PicturesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-04T18:30:00Z"), ZoneOffset.UTC);
    private static final int GRID = CoverageSheet.GRID_COLUMN;

    @TempDir
    Path tmp;

    private XSSFWorkbook export(Path run) throws IOException {
        Path out = WorkbookExporter.export(run, tmp.resolve("plan.xlsx"), CLOCK);
        try (InputStream in = Files.newInputStream(out)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The fixture with voice closed all Tuesday (its coverage rows removed). */
    private Path voiceClosedOnTuesday() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        Path coverage = run.resolve("coverage.csv");
        List<String> kept = Files.readAllLines(coverage).stream()
                .filter(l -> !(l.startsWith("2026-01-06") && l.contains(",voice,"))).toList();
        Files.write(coverage, kept);
        return run;
    }

    @Test
    void coverageChartStacksCoveredShortAndSurplusOnARegularGrid() throws IOException {
        try (XSSFWorkbook wb = export(voiceClosedOnTuesday())) {
            XSSFSheet sheet = wb.getSheet("Coverage");
            XSSFChart voice = sheet.getDrawingPatriarch().getCharts().get(0);
            assertThat(voice.getTitleText().getString()).startsWith("voice");
            XDDFChartData data = voice.getChartSeries().get(0);
            assertThat(data).isInstanceOf(XDDFAreaChartData.class);
            assertThat(((XDDFAreaChartData) data).getGrouping()).isEqualTo(Grouping.STACKED);
            assertThat(data.getSeriesCount()).isEqualTo(3);
            String xml = voice.getCTChart().toString();
            assertThat(xml.indexOf(">Covered<")).isPositive().isLessThan(xml.indexOf(">Short<"));
            assertThat(xml.indexOf(">Short<")).isLessThan(xml.indexOf(">Surplus<"));
            // 08:00-18:00 on both days: Tuesday keeps its 40 points though voice has no rows then
            assertThat(data.getSeries(0).getValuesData().getPointCount()).isEqualTo(80);
            assertThat(voice.getCTChart().toString()).contains("tickLblSkip val=\"40\"");

            Row at1030 = sheet.getRow(1 + 10);
            assertThat(at1030.getCell(GRID).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 30));
            // required 6, scheduled 2: 2 covered, 4 short, no surplus
            assertThat(at1030.getCell(GRID + 1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(at1030.getCell(GRID + 2).getNumericCellValue()).isEqualTo(4.0);
            assertThat(at1030.getCell(GRID + 3).getNumericCellValue()).isEqualTo(0.0);
            Row tuesday1030 = sheet.getRow(1 + 40 + 10);
            assertThat(tuesday1030.getCell(GRID).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 1, 6, 10, 30));
            for (int k = 1; k <= 3; k++) {
                assertThat(tuesday1030.getCell(GRID + k).getNumericCellValue()).as("closed: 0").isZero();
            }
            // email (second channel): required 2 at 10:30 (volume 18), scheduled 1
            assertThat(at1030.getCell(GRID + 5).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void dailySheetHoldsTheRollupAndAColumnChartOfShortHours() throws IOException {
        Path run = voiceClosedOnTuesday();
        try (XSSFWorkbook wb = export(run)) {
            XSSFSheet daily = wb.getSheet("Daily");
            assertThat(daily).isNotNull();
            List<CoverageRow> coverage = RunFolder.read(run).coverage();
            CoverageRollup expected = CoverageRollup.of(coverage, 15);
            assertThat(expected.daily()).hasSize(3);
            for (int i = 0; i < expected.daily().size(); i++) {
                CoverageRollup.Day d = expected.daily().get(i);
                Row row = daily.getRow(1 + i);
                assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(d.date());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(d.channel());
                assertThat(row.getCell(2).getNumericCellValue()).isCloseTo(d.hours().required(), within(1e-9));
                assertThat(row.getCell(3).getNumericCellValue()).isCloseTo(d.hours().scheduled(), within(1e-9));
                assertThat(row.getCell(4).getNumericCellValue()).isCloseTo(d.hours().shortfall(), within(1e-9));
                assertThat(row.getCell(5).getNumericCellValue()).isCloseTo(d.hours().surplus(), within(1e-9));
            }
            // by hand: Monday voice has 2 agents for 20 quarter-hours and 1 for 20 (15 agent-hours); email 1 (10)
            Row mondayVoice = daily.getRow(1);
            assertThat(mondayVoice.getCell(3).getNumericCellValue()).isEqualTo(15.0);
            assertThat(daily.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(10.0);
            assertThat(daily.getRow(3).getCell(1).getStringCellValue()).as("Tuesday: email only").isEqualTo("email");
            // the worst stretch of Monday voice starts when 2 agents no longer meet the requirement
            assertThat(mondayVoice.getCell(6).getLocalDateTimeCellValue()).isEqualTo(
                    expected.daily().get(0).worst().start());
            Row weekHeader = daily.getRow(expected.daily().size() + 2);
            assertThat(weekHeader.getCell(0).getStringCellValue()).isEqualTo("Week from");
            Row week = daily.getRow(expected.daily().size() + 3);
            assertThat(week.getCell(4).getNumericCellValue())
                    .isCloseTo(expected.weekly().get(0).hours().shortfall(), within(1e-9));

            XSSFChart chart = daily.getDrawingPatriarch().getCharts().get(0);
            XDDFChartData bars = chart.getChartSeries().get(0);
            assertThat(bars).isInstanceOf(XDDFBarChartData.class);
            assertThat(bars.getSeriesCount()).as("one series per channel").isEqualTo(2);
            assertThat(bars.getSeries(0).getValuesData().getPointCount()).as("both days").isEqualTo(2);
            // the day × channel table the chart reads: voice's closed Tuesday is 0 short
            Row tuesday = daily.getRow(2);
            assertThat(tuesday.getCell(DailySheet.PIVOT_COLUMN + 1).getNumericCellValue()).isZero();
            assertThat(daily.getRow(1).getCell(DailySheet.PIVOT_COLUMN + 1).getNumericCellValue())
                    .isCloseTo(expected.daily().get(0).hours().shortfall(), within(1e-9));
        }
    }

    @Test
    void scheduleRowsBySiteThenUsualStart() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        // Bob (london) starts at 07:00, before Alice (london, 09:00); the agent at home starts earliest, but last
        Files.writeString(run.resolve("schedule.csv"), """
                agent_id,date,start,end,activity,channel,location,name
                A1,2026-01-05,09:00,13:00,work,voice,london,Alice Smith
                A1,2026-01-06,09:00,13:00,work,voice,london,Alice Smith
                A3,2026-01-05,07:00,11:00,work,email,london,Bob Jones
                A3,2026-01-06,10:00,14:00,work,email,london,Bob Jones
                A2,2026-01-05,06:00,10:00,work,voice,home,Remote Rita
                """);
        try (XSSFWorkbook wb = export(run)) {
            XSSFSheet sheet = wb.getSheet("Schedule");
            int first = ScheduleSheet.HEADER_ROWS + RunFixture.CHANNELS.size();
            List<String> order = new ArrayList<>();
            for (int r = first; r < first + 3; r++) {
                order.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(order).containsExactly("Bob Jones", "Alice Smith", "Remote Rita");
        }
    }

    @Test
    void usualStartIsTheMostCommonStartTimeEarliestOnATie() {
        LocalDate mon = LocalDate.of(2026, 1, 5);
        List<ScheduleRow> blocks = List.of(shift(mon, 9), shift(mon.plusDays(1), 8), shift(mon.plusDays(2), 9),
                shift(mon.plusDays(3), 8), shift(mon.plusDays(4), 10));
        assertThat(ScheduleSheet.usualStart(blocks)).isEqualTo(8 * 60);
        assertThat(ScheduleSheet.usualStart(blocks.subList(0, 3))).isEqualTo(9 * 60);
        assertThat(ScheduleSheet.usualStart(List.of())).as("no shifts: after everyone").isEqualTo(24 * 60);
    }

    @Test
    void headCountRowsAreCoverageCsvsScheduledAgents() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        List<CoverageRow> coverage = RunFolder.read(run).coverage();
        try (XSSFWorkbook wb = export(run)) {
            XSSFSheet sheet = wb.getSheet("Schedule");
            for (int k = 0; k < RunFixture.CHANNELS.size(); k++) {
                String channel = RunFixture.CHANNELS.get(k);
                Row row = sheet.getRow(2 + k);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Working " + channel);
                int checked = 0;
                for (CoverageRow c : coverage) {
                    if (!c.channel().equals(channel)) {
                        continue;
                    }
                    // 15-minute columns from 08:00, 32 a day (08:00-16:00, the shifts' window)
                    int minute = c.intervalStart().toLocalTime().toSecondOfDay() / 60 - 8 * 60;
                    if (minute >= 8 * 60) {
                        continue;
                    }
                    int day = c.intervalStart().toLocalDate().getDayOfMonth() - 5;
                    Cell cell = row.getCell(ScheduleSheet.FIXED_COLUMNS + day * 32 + minute / 15);
                    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).as(c.intervalStart() + " " + channel)
                            .isEqualTo(c.scheduled());
                    checked++;
                }
                assertThat(checked).isEqualTo(64);
            }
        }
    }

    private static ScheduleRow shift(LocalDate day, int hour) {
        return new ScheduleRow("A1", day, day.atTime(hour, 0), day.atTime(LocalTime.of(hour + 4, 0)),
                org.wfm.scheduler.domain.Activity.WORK, "voice", "london");
    }
}
