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
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;

/** Each history dialect a platform exports, and each refusal, with the message asserted. */
class HistoryDialectsTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static HistoryReader.Result read(Path p, HistoryFormat format) {
        return HistoryReader.read(p, new HistoryReader.Options(format, LONDON, true, "--columns"));
    }

    private static List<Observation> obs(HistoryReader.Result r, String channel) {
        return r.history().channels().get(channel).observations();
    }

    @Test
    void platformExportWithSemicolonsDayFirstDatesDecimalCommaAndMinutesSeconds() throws IOException {
        Path p = write("export.csv", "\uFEFFInterval Start;Queue;Offered;Handled;AHT\r\n"
                + "07/12/2026 08:00;Sales UK;12,5;12;03:25\r\n"
                + "07/12/2026 08:15;Sales UK;14;13;04:05\r\n"
                + "13/12/2026 08:00;Sales UK;9;9;1:02:03\r\n");
        HistoryReader.Result r = read(p, HistoryFormat.AUTO);
        assertThat(obs(r, "Sales UK")).containsExactly(
                new Observation(LocalDateTime.parse("2026-12-07T08:00"), 12.5, 205),
                new Observation(LocalDateTime.parse("2026-12-07T08:15"), 14, 245),
                new Observation(LocalDateTime.parse("2026-12-13T08:00"), 9, 3723));
        assertThat(r.dialect()).isEqualTo("history: read export.csv as `;`-separated, decimal comma, dd/MM/yyyy HH:mm,"
                + " columns Interval Start→timestamp, Queue→channel, Offered→volume, AHT (mm:ss)→aht");
        assertThat(r.notes()).contains("export.csv: ignored extra columns Handled");
    }

    @Test
    void plainContractFileNeedsNoReadAsLine() throws IOException {
        Path p = write("history.csv", "interval_start,channel,volume,aht_seconds\n2025-03-03T07:00,voice,1,300\n");
        assertThat(read(p, HistoryFormat.AUTO).dialect()).isNull();
    }

    @Test
    void tabSeparatedMonthFirstWithAmPm() throws IOException {
        Path p = write("us.tsv", "Start Time\tSkill\tCalls\tAvg Handle Time\n"
                + "12/7/2026 12:30 PM\tbilling\t10\t310\n"
                + "12/7/2026 1:00 PM\tbilling\t11\t290.5\n"
                + "12/14/2026 8:00 AM\tbilling\t7\t300\n");
        HistoryReader.Result r = read(p, HistoryFormat.AUTO);
        assertThat(obs(r, "billing")).extracting(Observation::start).containsExactly(
                LocalDateTime.parse("2026-12-07T12:30"), LocalDateTime.parse("2026-12-07T13:00"),
                LocalDateTime.parse("2026-12-14T08:00"));
        assertThat(r.dialect()).isEqualTo("history: read us.tsv as tab-separated, MM/dd/yyyy HH:mm, columns Start"
                + " Time→timestamp, Skill→channel, Calls→volume, Avg Handle Time→aht");
    }

    @Test
    void ambiguousDayMonthIsRefusedWithBothReadings() throws IOException {
        Path p = write("amb.csv", "Interval;Queue;Offered\n07/12/2026 08:00;q;1\n08/12/2026 08:00;q;2\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).isInstanceOf(InputException.class)
                .hasMessage("amb.csv line 2, column Interval: \"07/12/2026 08:00\" could be 7 December 2026"
                        + " (dd/MM/yyyy) or 12 July 2026 (MM/dd/yyyy), and no date in the file has a day above 12 to"
                        + " tell which; give the date format (date_format=dd/MM/yyyy or date_format=MM/dd/yyyy)");
        HistoryReader.Result r = read(p, HistoryFormat.parse("date_format=MM/dd/yyyy"));
        assertThat(obs(r, "q").get(0).start()).isEqualTo(LocalDateTime.parse("2026-07-12T08:00"));
    }

    @Test
    void mixedDayFirstAndMonthFirstIsRefused() throws IOException {
        Path p = write("mixed.csv", "Interval;Queue;Offered\n13/12/2026 08:00;q;1\n12/14/2026 08:00;q;2\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).isInstanceOf(InputException.class)
                .hasMessage("mixed.csv line 3, column Interval: \"12/14/2026 08:00\" is not a date-time dd/MM/yyyy HH:mm;"
                        + " expected e.g. 31/03/2025 07:00 (the file's dates are day-first: line 2 has 13/12/2026 08:00)");
    }

    @Test
    void dayFirstFileWithAMonthFirstRowNamesTheRow() throws IOException {
        Path p = write("slip.csv", "Interval;Queue;Offered\n13/12/2026 08:00;q;1\n14/12/2026 08:00;q;1\n"
                + "2026-12-15 08:00;q;2\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).isInstanceOf(InputException.class)
                .hasMessage("slip.csv line 4, column Interval: \"2026-12-15 08:00\" is not a date-time dd/MM/yyyy HH:mm;"
                        + " expected e.g. 31/03/2025 07:00 (the file's dates are day-first: line 2 has 13/12/2026 08:00)");
    }

    @Test
    void dateAndTimeInTwoColumns() throws IOException {
        Path p = write("two.csv", "Date,Time,Channel,Contacts,AHT\n2026-12-07,08:00,chat,3,200\n"
                + "2026-12-07,08:30 - 09:00,chat,4,210\n");
        HistoryReader.Result r = read(p, HistoryFormat.AUTO);
        assertThat(obs(r, "chat")).extracting(Observation::start).containsExactly(
                LocalDateTime.parse("2026-12-07T08:00"), LocalDateTime.parse("2026-12-07T08:30"));
        assertThat(r.history().intervalMinutes()).isEqualTo(30);
        assertThat(r.dialect()).isEqualTo("history: read two.csv as date and time of day in two columns, columns Date"
                + " + Time→timestamp, Contacts→volume, AHT→aht");
    }

    @Test
    void dateBesideAnIntervalOfTimesOfDayCombine() throws IOException {
        Path p = write("di.csv", "Date;Interval;Queue;Offered\n31/12/2026;08:00;q;3\n31/12/2026;08:15;q;4\n");
        HistoryReader.Result r = read(p, HistoryFormat.AUTO);
        assertThat(obs(r, "q").get(1).start()).isEqualTo(LocalDateTime.parse("2026-12-31T08:15"));
        assertThat(r.dialect()).contains("dd/MM/yyyy and a time of day", "Date + Interval→timestamp");
    }

    @Test
    void handledIsTheVolumeOnlyWithoutAnOfferedColumnAndSaysSo() throws IOException {
        Path p = write("h.csv", "Interval Start,Queue,Handled\n2026-12-07T08:00,q,5\n");
        HistoryReader.Result r = read(p, HistoryFormat.AUTO);
        assertThat(obs(r, "q").get(0).volume()).isEqualTo(5);
        assertThat(r.dialect()).contains("Handled→volume (no offered column");
        assertThat(r.notes()).anyMatch(n -> n.contains("volume read from `Handled`"));
    }

    @Test
    void twoCandidatesForOnePartAreRefused() throws IOException {
        Path p = write("two.csv", "Interval,Queue,Offered,Calls\n2026-12-07T08:00,q,5,6\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).isInstanceOf(InputException.class)
                .hasMessage("two.csv line 1: columns `Offered` and `Calls` could each be the volume; name the one to"
                        + " use (volume=... in --columns, or under history: columns: in plan.yaml)");
        HistoryReader.Result r = read(p, HistoryFormat.parse("volume=Calls"));
        assertThat(obs(r, "q").get(0).volume()).isEqualTo(6);
        assertThat(r.notes()).contains("two.csv: ignored extra columns Offered");
    }

    @Test
    void mappingNamesColumnsWhateverTheyAreCalled() throws IOException {
        Path p = write("odd.csv", "When|x;Team;N;Secs\n2026-12-07 08:00;t1;5;100\n");
        HistoryReader.Result r = read(p, HistoryFormat.parse("timestamp=When|x,channel=Team,volume=N,aht=Secs"));
        assertThat(obs(r, "t1")).containsExactly(new Observation(LocalDateTime.parse("2026-12-07T08:00"), 5, 100));
        assertThat(r.dialect()).isEqualTo("history: read odd.csv as `;`-separated, columns When|x→timestamp,"
                + " Team→channel, N→volume, Secs→aht");
    }

    @Test
    void mappingNamingAColumnTheFileLacksIsRefused() throws IOException {
        Path p = write("m.csv", "Interval;Queue;Offered\n2026-12-07 08:00;q;5\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.parse("volume=Offerd")))
                .isInstanceOf(InputException.class)
                .hasMessage("m.csv line 1: --columns names `Offerd` as the volume column, but the header has no such"
                        + " column (it has `Interval`, `Queue`, `Offered`)");
    }

    @Test
    void longFormPartsWithoutAChannelAreRefused() throws IOException {
        Path p = write("nochan.csv", "Interval;Offered;AHT\n2026-12-07 08:00;5;100\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).isInstanceOf(InputException.class)
                .hasMessage("nochan.csv line 1, column channel: missing column: the header has `Offered` but no channel"
                        + " column (Queue, Skill, Split or channel); expected a channel column, or one column of volumes"
                        + " per channel (wide form)");
    }

    @Test
    void decimalCommaInACommaSeparatedFileNeedsTheMapping() throws IOException {
        Path p = write("q.csv", "interval_start,channel,volume\n2026-12-07T08:00,q,\"2,5\"\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).hasMessage("q.csv line 2, column volume: \"2,5\" is not"
                + " a number: with columns separated by commas a comma in a number is not read as a decimal mark (it"
                + " could be a thousands separator); write 2.5, or give decimal=comma in the column mapping");
        assertThat(obs(read(p, HistoryFormat.parse("decimal=comma")), "q").get(0).volume()).isEqualTo(2.5);
    }

    @Test
    void mixedDecimalMarksAreRefused() throws IOException {
        Path p = write("mix.csv", "Interval;Queue;Offered\n2026-12-07 08:00;q;2,5\n2026-12-07 08:15;q;3.5\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).hasMessage("mix.csv line 3: the numbers mix a decimal"
                + " dot (line 3) and a decimal comma (line 2); expected one decimal mark (give decimal=dot or"
                + " decimal=comma in the column mapping)");
    }

    @Test
    void badDurationIsRefused() throws IOException {
        Path p = write("d.csv", "Interval;Queue;Offered;AHT\n2026-12-07 08:00;q;2;3:75\n");
        assertThatThrownBy(() -> read(p, HistoryFormat.AUTO)).hasMessage("d.csv line 2, column AHT: \"3:75\" is not a"
                + " duration; expected seconds (185), mm:ss (03:05) or h:mm:ss (1:03:05)");
    }

    @Test
    void wideFormWithAPlatformTimestampHeader() throws IOException {
        Path p = write("wide.csv", "Interval Start;Sales;Support\n2026-12-07 08:00;1,5;2\n2026-12-07 08:15;3;4\n");
        HistoryReader.Result r = read(p, HistoryFormat.AUTO);
        assertThat(r.history().channels()).containsOnlyKeys("sales", "support");
        assertThat(obs(r, "sales").get(0).volume()).isEqualTo(1.5);
        assertThat(r.dialect()).isEqualTo("history: read wide.csv as `;`-separated, decimal comma, columns Interval"
                + " Start→timestamp, one column per channel (sales, support)");
    }

    /** Offsets of one zone across its DST change, read on a machine in another zone without --timezone. */
    private Path offsets() throws IOException {
        return write("offsets.csv", "interval_start,channel,volume\n"
                + "2025-10-26T00:00+01:00,voice,1\n"
                + "2025-10-26T00:30+01:00,voice,1\n"
                + "2025-10-26T01:00+01:00,voice,2\n"
                + "2025-10-26T01:30+01:00,voice,2\n"
                + "2025-10-26T01:00+00:00,voice,3\n"
                + "2025-10-26T01:30+00:00,voice,3\n"
                + "2025-10-26T02:00+00:00,voice,4\n");
    }

    @Test
    void offsetsWithoutAGivenZoneAreReadAsWrittenNeverShifted() throws IOException {
        for (ZoneId system : List.of(ZoneOffset.UTC, ZoneId.of("America/New_York"))) {
            HistoryReader.Result r = HistoryReader.read(offsets(), new HistoryReader.Options(null, system, false, null));
            assertThat(obs(r, "voice")).extracting(Observation::start, Observation::volume).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(LocalDateTime.parse("2025-10-26T00:00"), 1.0),
                    org.assertj.core.groups.Tuple.tuple(LocalDateTime.parse("2025-10-26T00:30"), 1.0),
                    org.assertj.core.groups.Tuple.tuple(LocalDateTime.parse("2025-10-26T01:00"), 5.0),
                    org.assertj.core.groups.Tuple.tuple(LocalDateTime.parse("2025-10-26T01:30"), 5.0),
                    org.assertj.core.groups.Tuple.tuple(LocalDateTime.parse("2025-10-26T02:00"), 4.0));
            assertThat(r.history().zone()).isEqualTo(ZoneOffset.UTC);
            assertThat(r.notes()).contains("offsets.csv: timestamps carry UTC offsets that the system's time zone "
                    + system + " does not use (line 2: 2025-10-26T00:00+01:00), so they were read as the local time"
                    + " written, not shifted (an offset only tells apart the two copies of the hour the clocks go"
                    + " back), and without any zone's daylight-saving rules; give --timezone or --channels to name"
                    + " the zone", "offsets.csv: 2 intervals of the repeated DST hour were summed into one local interval");
        }
    }

    @Test
    void offsetsOfTheSystemZoneNeedNoNote() throws IOException {
        HistoryReader.Result r = HistoryReader.read(offsets(), new HistoryReader.Options(null, LONDON, false, null));
        assertThat(r.history().zone()).isEqualTo(LONDON);
        assertThat(obs(r, "voice")).hasSize(5);
        assertThat(r.notes()).containsExactly("offsets.csv: 2 intervals of the repeated DST hour were summed into one"
                + " local interval");
    }

    @Test
    void offsetsOfAnotherZoneThanTheGivenOneAreConvertedAndSaid() throws IOException {
        Path p = write("utc.csv", "interval_start,channel,volume\n2025-07-01T07:00Z,voice,1\n2025-07-01T07:30Z,voice,1\n");
        HistoryReader.Result r = HistoryReader.read(p, HistoryReader.Options.in(LONDON));
        assertThat(obs(r, "voice").get(0).start()).isEqualTo(LocalDateTime.parse("2025-07-01T08:00"));
        assertThat(r.notes()).contains("utc.csv: 2 timestamps had offsets of another zone than Europe/London (first on"
                + " line 2) and were converted to Europe/London local time");
    }

    @Test
    void aSkippedHourInTheSystemZoneNamesTheZoneAndTheOptions() throws IOException {
        Path p = write("gap.csv", "interval_start,channel,volume\n2025-03-30T00:30,voice,1\n2025-03-30T01:30,voice,1\n");
        assertThatThrownBy(() -> HistoryReader.read(p, new HistoryReader.Options(null, LONDON, false, null)))
                .hasMessage("gap.csv line 3, column interval_start: \"2025-03-30T01:30\" does not exist in Europe/London"
                        + " (the clocks skip that hour; Europe/London is the system's time zone: give --timezone or"
                        + " --channels if the file is in another)");
    }

    @Test
    void workbookWithTextDatesAndDurationCells() throws IOException {
        Path p = dir.resolve("export.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            Sheet s = wb.createSheet("Report");
            CellStyle duration = wb.createCellStyle();
            duration.setDataFormat(wb.createDataFormat().getFormat("[mm]:ss"));
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.createDataFormat().getFormat("hh:mm"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Row h = s.createRow(0);
            String[] head = {"Date", "Time", "Queue", "Offered", "AHT"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int k = 0; k < 2; k++) {
                Row r = s.createRow(k + 1);
                r.createCell(0).setCellValue(java.time.LocalDate.parse("2026-12-07").atStartOfDay());
                r.getCell(0).setCellStyle(date);
                r.createCell(1).setCellValue((8 * 60 + 15 * k) / 1440.0);
                r.getCell(1).setCellStyle(time);
                r.createCell(2).setCellValue("Sales UK");
                r.createCell(3).setCellValue(10 + k);
                r.createCell(4).setCellValue(205 / 86400.0);
                r.getCell(4).setCellStyle(duration);
            }
            wb.write(out);
        }
        HistoryReader.Result r = read(p, HistoryFormat.AUTO);
        assertThat(obs(r, "Sales UK")).containsExactly(
                new Observation(LocalDateTime.parse("2026-12-07T08:00"), 10, 205),
                new Observation(LocalDateTime.parse("2026-12-07T08:15"), 11, 205));
        assertThat(r.dialect()).isEqualTo("history: read export.xlsx as date and time of day in two columns, columns"
                + " Date + Time→timestamp, Queue→channel, Offered→volume, AHT (mm:ss)→aht");
    }
}
