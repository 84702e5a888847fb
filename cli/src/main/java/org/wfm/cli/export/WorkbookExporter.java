package org.wfm.cli.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds plan.xlsx from a run folder alone: sheets Schedule, Agents, Coverage, Forecast, KPIs and Run info.
 *
 * <p>The sheets with native charts are built in memory (XSSF: a chart reads its cells when made); the Schedule grid,
 * the only sheet that grows with agents × intervals, is then streamed (SXSSF) on top of that workbook, a hundred rows
 * in memory at a time. The file is written under a temporary name in the target folder and moved into place, so a
 * failed export leaves no half-written workbook.
 */
public final class WorkbookExporter {
    private static final int ROWS_IN_MEMORY = 100;

    private WorkbookExporter() {
    }

    /**
     * Writes the workbook for {@code runDir} to {@code xlsxOut}, replacing it if it exists (the caller decides about
     * {@code --force}).
     *
     * @throws org.wfm.forecast.io.InputException when a run file is missing or malformed
     * @throws UncheckedIOException when the workbook cannot be written
     */
    public static Path export(Path runDir, Path xlsxOut) {
        return export(runDir, xlsxOut, Clock.systemDefaultZone());
    }

    /** As {@link #export(Path, Path)}, with the clock that stamps "Workbook generated" (tests fix it). */
    public static Path export(Path runDir, Path xlsxOut, Clock clock) {
        RunFolder run = RunFolder.read(runDir);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return AtomicFiles.write(xlsxOut, out -> write(run, now, out));
    }

    private static void write(RunFolder run, LocalDateTime now, OutputStream out) throws IOException {
        try (XSSFWorkbook xssf = new XSSFWorkbook()) {
            Styles styles = new Styles(xssf);
            new AgentsSheet(run, styles).write(xssf);
            new CoverageSheet(run, styles).write(xssf);
            new ForecastSheet(run, styles).write(xssf);
            new KpiSheet(run, styles).write(xssf);
            new RunInfoSheet(run, styles, now).write(xssf);
            xssf.getProperties().getCoreProperties().setTitle("wfm plan");
            xssf.getProperties().getCoreProperties().setCreator("wfm");
            try (SXSSFWorkbook wb = new SXSSFWorkbook(xssf, ROWS_IN_MEMORY)) {
                new ScheduleSheet(run, styles).write(wb);
                wb.setSheetOrder(ScheduleSheet.NAME, 0);
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    wb.getSheetAt(i).setSelected(i == 0);
                }
                wb.setActiveSheet(0);
                wb.setFirstVisibleTab(0);
                wb.write(out);
            }
        }
    }
}
