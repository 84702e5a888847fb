package org.wfm.forecast.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.InputProblem;

class HistoryReaderTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsLongFormatWithBomCrlfQuotesAndExtraColumns() throws IOException {
        Path p = write("history.csv", "\uFEFFinterval_start,channel,volume,aht_seconds,site\r\n"
                + "2025-03-03T07:00,voice,12,300,\"London, UK\"\r\n"
                + "\"2025-03-03 07:15:00\",\"voice\",\"15\",,x\r\n"
                + "2025-03-03T07:00,chat,4,600,x\r\n");
        HistoryReader.Result r = HistoryReader.readWithNotes(p, LONDON);
        History h = r.history();
        assertThat(h.intervalMinutes()).isEqualTo(15);
        assertThat(h.channels()).containsOnlyKeys("voice", "chat");
        List<Observation> voice = h.channels().get("voice").observations();
        assertThat(voice).containsExactly(
                new Observation(LocalDateTime.parse("2025-03-03T07:00"), 12, 300),
                new Observation(LocalDateTime.parse("2025-03-03T07:15"), 15, Double.NaN));
        assertThat(r.notes()).anyMatch(n -> n.contains("site"));
    }

    @Test
    void readsWideFormat() throws IOException {
        Path p = write("wide.csv", "interval_start,voice,chat,comment\n"
                + "2025-03-03T07:00,10,2,hello\n2025-03-03T07:30,11,,x\n");
        HistoryReader.Result r = HistoryReader.readWithNotes(p, LONDON);
        assertThat(r.history().intervalMinutes()).isEqualTo(30);
        assertThat(r.history().channels().get("voice").observations()).hasSize(2);
        assertThat(r.history().channels().get("chat").observations()).hasSize(1);
        assertThat(r.notes()).anyMatch(n -> n.contains("comment"));
    }

    @Test
    void readsFirstSheetOfXlsx() throws IOException {
        Path p = dir.resolve("history.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            Sheet s = wb.createSheet("data");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("interval_start");
            h.createCell(1).setCellValue("channel");
            h.createCell(2).setCellValue("volume");
            // a US display format must not matter: the reader takes the date value, not its display
            org.apache.poi.ss.usermodel.CellStyle usDate = wb.createCellStyle();
            usDate.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy h:mm"));
            for (int i = 0; i < 3; i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue(LocalDateTime.parse("2025-03-03T07:00").plusMinutes(10L * i));
                r.getCell(0).setCellStyle(usDate);
                r.createCell(1).setCellValue("email");
                r.createCell(2).setCellValue(5 + i);
            }
            Row text = s.createRow(4);
            text.createCell(0).setCellValue("2025-03-03 07:30:00");
            text.createCell(1).setCellValue("email");
            text.createCell(2).setCellFormula("4+4");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // as Excel stores cached results
            wb.createSheet("ignored").createRow(0).createCell(0).setCellValue("not read");
            wb.write(out);
        }
        History h = HistoryReader.read(p, LONDON);
        assertThat(h.intervalMinutes()).isEqualTo(10);
        assertThat(h.channels().get("email").observations()).extracting(Observation::volume).containsExactly(5.0, 6.0, 7.0, 8.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 15, 30, 60})
    void infersEachSupportedIntervalLength(int minutes) throws IOException {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume\n");
        LocalDateTime t = LocalDateTime.parse("2025-03-03T08:00");
        for (int i = 0; i < 10; i++) {
            // a missing interval (zero rows left out) must not change the inferred length
            if (i != 4) {
                sb.append(t.plusMinutes((long) minutes * i)).append(",voice,").append(i).append('\n');
            }
        }
        assertThat(HistoryReader.read(write("h" + minutes + ".csv", sb.toString()), LONDON).intervalMinutes())
                .isEqualTo(minutes);
    }

    @Test
    void aStrayRowOffTheGridIsReportedNotMistakenForFiveMinuteData() throws IOException {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume\n");
        for (int i = 0; i < 40; i++) {
            sb.append(LocalDateTime.parse("2025-03-03T08:00").plusMinutes(15L * i)).append(",voice,1\n");
        }
        sb.append("2025-03-03T09:05,voice,1\n");
        assertThatThrownBy(() -> HistoryReader.read(write("stray.csv", sb.toString()), LONDON))
                .hasMessage("stray.csv line 42, column interval_start: \"2025-03-03T09:05\" does not start a 15-minute"
                        + " interval (the length inferred from the file)");
        assertThatThrownBy(() -> HistoryReader.read(write("twenty.csv", "interval_start,channel,volume\n"
                + "2025-03-03T08:00,voice,1\n2025-03-03T08:20,voice,1\n2025-03-03T08:40,voice,1\n"), LONDON))
                .hasMessageContaining("rows 20 minutes apart");
    }

    @Test
    void mixedIntervalLengthsAreAnError() throws IOException {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume\n");
        for (int i = 0; i < 12; i++) {
            sb.append(LocalDateTime.parse("2025-03-03T08:00").plusMinutes(30L * i)).append(",voice,1\n");
            sb.append(LocalDateTime.parse("2025-03-04T08:00").plusMinutes(15L * i)).append(",voice,1\n");
        }
        assertThatThrownBy(() -> HistoryReader.read(write("mixed.csv", sb.toString()), LONDON))
                .isInstanceOf(InputException.class).hasMessageContaining("mixed interval lengths");
    }

    @Test
    void listsEveryProblemOfTheFileAtOnce() throws IOException {
        Path p = write("history.csv", "interval_start,channel,volume\n"
                + "2025-03-03T07:00,voice,\"12,5\"\n"
                + "2025-03-03T07:15,voice,-3\n"
                + "2025-13-03T07:30,voice,4\n"
                + "2025-03-03T07:45,voice,4\n"
                + "2025-03-03T07:45,voice,5\n"
                + "2025-03-03T08:00,voice,\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> HistoryReader.read(p, LONDON));
        assertThat(e.problems()).extracting(InputProblem::describe).containsExactly(
                "history.csv line 2, column volume: \"12,5\" is not a number: with columns separated by commas a comma in a"
                        + " number is not read as a decimal mark (it could be a thousands separator); write 12.5, or give"
                        + " decimal=comma in the column mapping",
                "history.csv line 3, column volume: \"-3\" is negative; expected a volume of 0 or more",
                "history.csv line 4, column interval_start: \"2025-13-03T07:30\" is not a date-time; expected e.g. 2025-03-03T07:00",
                "history.csv line 6, column interval_start: duplicate of line 5 for 2025-03-03T07:45 and channel voice",
                "history.csv line 7, column volume: missing; expected a number of contacts");
    }

    @Test
    void emptyHeaderOnlyAndMissingColumnsAreErrors() throws IOException {
        assertThatThrownBy(() -> HistoryReader.read(write("a.csv", ""), LONDON))
                .isInstanceOf(InputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> HistoryReader.read(write("b.csv", "interval_start,channel,volume\n"), LONDON))
                .isInstanceOf(InputException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> HistoryReader.read(write("c.csv", "interval_start,channel,count\n2025-03-03T07:00,voice,1\n"), LONDON))
                .isInstanceOf(InputException.class).hasMessage("c.csv line 1, column volume: missing column; expected interval_start,channel,volume[,aht_seconds]"
                        + " (or Offered, Contacts, Calls or Handled beside channel)");
        assertThatThrownBy(() -> HistoryReader.read(dir.resolve("none.csv"), LONDON))
                .isInstanceOf(InputException.class).hasMessageContaining("not found");
    }

    @Test
    void offsetsConvertToPlanZoneAndFallBackHourIsSummed() throws IOException {
        // 2025-10-26: London clocks go back at 02:00 BST to 01:00 GMT; 01:00 local happens twice.
        Path p = write("dst.csv", "interval_start,channel,volume,aht_seconds\n"
                + "2025-10-26T00:00Z,voice,5,100\n"      // 01:00 BST
                + "2025-10-26T01:00+00:00,voice,7,200\n" // 01:00 GMT
                + "2025-10-26T02:00Z,voice,3,100\n");
        History h = HistoryReader.read(p, LONDON);
        assertThat(h.intervalMinutes()).isEqualTo(60);
        assertThat(h.channels().get("voice").observations()).containsExactly(
                new Observation(LocalDateTime.parse("2025-10-26T01:00"), 12, (5 * 100 + 7 * 200) / 12.0),
                new Observation(LocalDateTime.parse("2025-10-26T02:00"), 3, 100));
    }

    @Test
    void repeatedLocalHourOnFallBackDayIsSummedButNotElsewhere() throws IOException {
        Path p = write("dst.csv", "interval_start,channel,volume\n"
                + "2025-10-26T00:00,voice,1\n2025-10-26T01:00,voice,5\n2025-10-26T01:00,voice,7\n2025-10-26T02:00,voice,3\n");
        assertThat(HistoryReader.read(p, LONDON).channels().get("voice").observations())
                .extracting(Observation::volume).containsExactly(1.0, 12.0, 3.0);
        Path q = write("dup.csv", "interval_start,channel,volume\n"
                + "2025-10-26T01:00,voice,5\n2025-10-26T01:00,voice,7\n2025-10-26T01:00,voice,3\n");
        assertThatThrownBy(() -> HistoryReader.read(q, LONDON)).hasMessageContaining("line 4")
                .hasMessageContaining("duplicate of line 2");
    }

    @Test
    void springForwardGapTimeIsAnError() throws IOException {
        Path p = write("gap.csv", "interval_start,channel,volume\n2025-03-30T01:30,voice,2\n2025-03-30T03:00,voice,2\n");
        assertThatThrownBy(() -> HistoryReader.read(p, LONDON)).hasMessageContaining("line 2")
                .hasMessageContaining("does not exist");
    }
}
