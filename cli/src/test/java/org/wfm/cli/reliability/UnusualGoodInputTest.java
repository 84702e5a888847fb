package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * Files that are fine but unusual (Reading rules): UTF-8 BOM, CRLF, quoted fields, extra columns (ignored with
 * a note), trailing blank lines, an .xlsx history and a wide history all forecast to exactly what the plain
 * file gives.
 */
class UnusualGoodInputTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    /** forecast.csv from a history text, with the run for its notes. */
    private record Forecast(Run run, String csv) {
    }

    private Forecast forecast(String name, byte[] history) {
        Path h = Fixtures.write(dir, "in/" + name, history);
        Path out = dir.resolve("out-" + name + "/forecast.csv");
        Run r = WfmRunner.run("forecast", "--history", h.toString(), "--horizon-days", "7", "--timezone",
                "Europe/London", "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        return new Forecast(r, Fixtures.read(out));
    }

    private Forecast plain() {
        return forecast("plain.csv", utf8(Fixtures.history()));
    }

    @Test
    void bomCrlfQuotesAndTrailingBlankLinesGiveTheSameForecast() {
        String expected = plain().csv();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = utf8(Fixtures.history());
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertThat(forecast("bom.csv", withBom).csv()).isEqualTo(expected);
        assertThat(forecast("crlf.csv", utf8(Fixtures.history().replace("\n", "\r\n"))).csv()).isEqualTo(expected);
        String quoted = Fixtures.history().lines()
                .map(l -> '"' + String.join("\",\"", l.split(",")) + '"')
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(forecast("quoted.csv", utf8(quoted)).csv()).isEqualTo(expected);
        assertThat(forecast("blank.csv", utf8(Fixtures.history() + "\n\n   \n\r\n")).csv()).isEqualTo(expected);
    }

    @Test
    void extraColumnsAreIgnoredWithANote() {
        String expected = plain().csv();
        String extra = Fixtures.history().lines()
                .map(l -> l.startsWith("interval_start") ? l + ",site,comment" : l + ",london,\"ok, fine\"")
                .reduce("", (a, b) -> a + b + "\n");
        Forecast f = forecast("extra.csv", utf8(extra));
        assertThat(f.csv()).isEqualTo(expected);
        assertThat(f.run().err()).contains("note:").contains("site").contains("comment");
    }

    @Test
    void xlsxHistoryGivesTheSameForecast() throws Exception {
        String expected = plain().csv();
        Path xlsx = dir.resolve("in/history.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("history");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            List<String> lines = Fixtures.history().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String[] v = lines.get(i).split(",");
                Row row = sheet.createRow(i);
                if (i == 0) {
                    for (int c = 0; c < v.length; c++) {
                        row.createCell(c).setCellValue(v[c]);
                    }
                    continue;
                }
                // real date cells, as a spreadsheet user would have them, and numbers as numbers
                row.createCell(0).setCellValue(LocalDateTime.parse(v[0]));
                row.getCell(0).setCellStyle(dateStyle);
                row.createCell(1).setCellValue(v[1]);
                row.createCell(2).setCellValue(Double.parseDouble(v[2]));
                row.createCell(3).setCellValue(Double.parseDouble(v[3]));
            }
            wb.write(os);
        }
        Path out = dir.resolve("out-xlsx/forecast.csv");
        Run r = WfmRunner.run("forecast", "--history", xlsx.toString(), "--horizon-days", "7", "--timezone",
                "Europe/London", "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Fixtures.read(out)).isEqualTo(expected);
    }

    @Test
    void wideHistoryGivesTheSameForecastVolumes() {
        Forecast longForm = plain();
        StringBuilder wide = new StringBuilder("interval_start,voice,chat,voice_aht_seconds,chat_aht_seconds\n");
        List<String> lines = Fixtures.history().lines().skip(1).toList();
        for (int i = 0; i < lines.size(); i += 2) {
            String[] voice = lines.get(i).split(",");
            String[] chat = lines.get(i + 1).split(",");
            wide.append(voice[0]).append(',').append(voice[2]).append(',').append(chat[2]).append(',')
                    .append(voice[3]).append(',').append(chat[3]).append('\n');
        }
        Forecast wideForm = forecast("wide.csv", utf8(wide.toString()));
        // Same rows; channel order may follow the columns, so compare as sets of lines.
        assertThat(wideForm.csv().lines().sorted().toList()).isEqualTo(longForm.csv().lines().sorted().toList());
    }

    @Test
    void aConstantHistoryForecastsWithHoltWinters() {
        // 0.94 contacts every 30 minutes, 08:00-18:00, five weeks: BOBYQA finds the objective flat and gives up
        StringBuilder constant = new StringBuilder("interval_start,channel,volume\n");
        for (int d = 0; d < Fixtures.HISTORY_DAYS; d++) {
            for (int m = 8 * 60; m < 18 * 60; m += 30) {
                constant.append(Fixtures.HISTORY_START.plusDays(d).atStartOfDay().plusMinutes(m)).append(",voice,0.94\n");
            }
        }
        Path h = Fixtures.write(dir, "in/constant.csv", constant.toString());
        Path out = dir.resolve("out-constant/forecast.csv");
        Run r = WfmRunner.run("forecast", "--history", h.toString(), "--horizon-days", "7", "--method",
                "holt-winters", "--timezone", "Europe/London", "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Fixtures.read(out).lines().skip(1)).isNotEmpty()
                .allSatisfy(l -> assertThat(Double.parseDouble(l.split(",")[2])).isCloseTo(0.94,
                        org.assertj.core.api.Assertions.within(1e-3)));
    }

    @Test
    void unusualScheduleInputsAreRead() {
        Path in = dir.resolve("sched");
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(in);
        // agents with BOM, CRLF, an extra column and trailing blank lines; rules with CRLF
        String agents = Fixtures.AGENTS.lines()
                .map(l -> l.startsWith("agent_id") ? l + ",team" : l + ",\"Team \"\"A\"\"\"")
                .reduce("", (a, b) -> a + b + "\r\n") + "\r\n\r\n";
        Fixtures.write(in, "agents.csv", ("\uFEFF" + agents).getBytes(StandardCharsets.UTF_8));
        Fixtures.write(in, "rules.yaml", Fixtures.RULES.replace("\n", "\r\n"));
        Path out = dir.resolve("run");
        Run r = WfmRunner.run(f.args(out, "--time-limit", "2s"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("note:").contains("team");
        assertThat(out.resolve("schedule.csv")).exists();
        assertThat(Fixtures.read(out.resolve("schedule.csv"))).contains("A1");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
