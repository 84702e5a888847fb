package org.wfm.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

class RunFolderTest {
    @TempDir
    Path tmp;

    /** A night shift 22:00–06:00 dated on its start day: blocks after midnight belong to the next calendar day. */
    private Path nightRun() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), false);
        Files.writeString(run.resolve("schedule.csv"), """
                agent_id,date,start,end,activity,channel,location,name
                N1,2026-01-05,22:00,23:45,work,voice,london,Nora Night
                N1,2026-01-05,23:45,00:15,break,,london,Nora Night
                N1,2026-01-05,00:15,02:00,work,voice,london,Nora Night
                N1,2026-01-05,02:00,02:30,lunch,,london,Nora Night
                N1,2026-01-05,02:30,06:00,work,voice,london,Nora Night
                """, StandardCharsets.UTF_8);
        return run;
    }

    @Test
    void blocksOfANightShiftAfterMidnightMoveToTheNextDay() throws IOException {
        List<ScheduleRow> rows = RunFolder.read(nightRun()).schedule();
        assertEquals(5, rows.size());
        assertEquals(LocalDateTime.of(2026, 1, 5, 23, 45), rows.get(1).start());
        assertEquals(LocalDateTime.of(2026, 1, 6, 0, 15), rows.get(1).end());
        assertEquals(LocalDateTime.of(2026, 1, 6, 0, 15), rows.get(2).start());
        assertEquals(LocalDateTime.of(2026, 1, 6, 2, 0), rows.get(3).start());
        assertEquals(Activity.LUNCH, rows.get(3).activity());
        assertEquals(LocalDateTime.of(2026, 1, 6, 6, 0), rows.get(4).end());
        assertTrue(rows.stream().allMatch(r -> r.date().equals(RunFixture.DAY1)), "date stays the shift's day");
    }

    @Test
    void nightShiftGridShowsWholeDaysAndCrossesMidnight() throws IOException {
        Path out = WorkbookExporter.export(nightRun(), tmp.resolve("plan.xlsx"));
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("Schedule");
            Row nora = WorkbookExporterTest.findRow(sheet, "Nora Night");
            int perDay = 96;
            int day1 = ScheduleSheet.FIXED_COLUMNS;
            assertEquals("V", nora.getCell(day1 + 22 * 4).getStringCellValue(), "22:00 on day 1");
            assertEquals("B", nora.getCell(day1 + 23 * 4 + 3).getStringCellValue(), "23:45 on day 1");
            assertEquals("B", nora.getCell(day1 + perDay).getStringCellValue(), "00:00 on day 2");
            assertEquals("L", nora.getCell(day1 + perDay + 8).getStringCellValue(), "02:00 on day 2");
            assertEquals(7.5, nora.getCell(3).getNumericCellValue(), 1e-9, "8 h less 30 min unpaid lunch");
        }
    }

    @Test
    void unknownActivityIsReportedWithItsLine() throws IOException {
        Path run = nightRun();
        Files.writeString(run.resolve("schedule.csv"), """
                agent_id,date,start,end,activity,channel,location
                N1,2026-01-05,22:00,23:45,nap,voice,london
                N1,2026-01-05,23:45,24:15,break,,london
                """, StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> RunFolder.read(run));
        assertEquals(2, e.problems().size());
        assertEquals("schedule.csv line 2, column activity: \"nap\" is not an activity, expected work, break, lunch or training",
                e.problems().get(0).describe());
        assertEquals(3, e.problems().get(1).line());
        assertEquals("end", e.problems().get(1).column());
    }

    @Test
    void runWithoutShiftsStillExports() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        Files.writeString(run.resolve("schedule.csv"), "agent_id,date,start,end,activity,channel,location\n");
        Path out = WorkbookExporter.export(run, tmp.resolve("plan.xlsx"));
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("Schedule");
            assertEquals("Schedule 2026-01-05 to 2026-01-06", sheet.getRow(0).getCell(0).getStringCellValue(),
                    "the horizon comes from coverage.csv");
            Row alice = WorkbookExporterTest.findRow(sheet, "Alice Smith");
            assertEquals(0.0, alice.getCell(3).getNumericCellValue(), "listed from summary.json, no hours");
        }
    }

    @Test
    void longHorizonsCoarsenTheGridToFitExcelsColumns() {
        assertEquals(15, ScheduleSheet.gridStep(15, 42, 1440), "42 days × 96 columns fit");
        assertEquals(30, ScheduleSheet.gridStep(15, 200, 1440), "200 days × 96 do not, × 48 do");
        assertEquals(60, ScheduleSheet.gridStep(60, 300, 600));
    }

    @Test
    void intervalLengthComesFromCoverage() throws IOException {
        assertEquals(15, RunFolder.read(RunFixture.write(tmp.resolve("run"), true)).intervalMinutes());
    }
}
