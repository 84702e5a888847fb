package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * wfm forecast and backtest on history files as platforms export them (test resources {@code history/}: a
 * telephony platform's interval report as CSV, {@code ;}, {@code dd/MM/yyyy HH:mm}, decimal commas, AHT in mm:ss,
 * and the same report as a workbook with date and duration cells), with a column mapping, and on machines in
 * other zones than the history's.
 */
class HistoryExportsTest {
    static final String READ_AS = "as `;`-separated, decimal comma, dd/MM/yyyy HH:mm, columns Interval"
            + " Start→timestamp, Queue→channel, Offered→volume, AHT (mm:ss)→aht";
    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        try (InputStream in = HistoryExportsTest.class.getResourceAsStream("/history/" + name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Run forecast(Path history, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("forecast", "--history", history.toString(), "--horizon-days", "7",
                "--out", dir.resolve(out).resolve("forecast.csv").toString()));
        args.addAll(List.of(more));
        return WfmRunner.run(args.toArray(String[]::new));
    }

    @Test
    void platformExportAsCsvAndAsWorkbookForecastAlike() throws IOException {
        Path csv = resource("platform-export.csv");
        byte[] before = Files.readAllBytes(csv);
        Run r = forecast(csv, "csv", "--timezone", "Europe/London");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("history: read platform-export.csv " + READ_AS);
        assertThat(r.err()).contains("note: platform-export.csv: ignored extra columns Handled");
        assertThat(Files.readAllBytes(csv)).as("input untouched").isEqualTo(before);
        List<String> rows = Files.readAllLines(dir.resolve("csv/forecast.csv"));
        assertThat(rows.get(0)).isEqualTo("interval_start,channel,volume,volume_lower,volume_upper,aht_seconds");
        assertThat(rows.get(1)).startsWith("2026-11-30T08:00,Sales UK,");
        assertThat(rows.get(2)).startsWith("2026-11-30T08:00,Support,");
        assertThat(rows).hasSize(1 + 544); // 5 weekdays × 48 + Saturday 32 intervals, two queues

        Run x = forecast(resource("platform-export.xlsx"), "xlsx", "--timezone", "Europe/London");
        assertThat(x.code()).as(x.toString()).isZero();
        assertThat(x.out().lines().findFirst()).hasValue("history: read platform-export.xlsx as columns Interval"
                + " Start→timestamp, Queue→channel, Offered→volume, AHT (mm:ss)→aht");
        assertThat(Files.readAllBytes(dir.resolve("xlsx/forecast.csv"))).as("same report, same forecast")
                .isEqualTo(Files.readAllBytes(dir.resolve("csv/forecast.csv")));
    }

    @Test
    void columnsOptionMapsAnyHeaders() throws IOException {
        StringBuilder sb = new StringBuilder("Slot\tTeam\tN\tSecs\n");
        for (int d = 0; d < 63; d++) {
            java.time.LocalDate day = java.time.LocalDate.of(2026, 9, 7).plusDays(d);
            for (int q = 0; q < 8; q++) {
                sb.append(String.format("%s %02d:%02d\tcare\t%d\t%d%n", day, 9 + q / 4, q % 4 * 15,
                        5 + (q * 7 + d) % 4, 200 + q));
            }
        }
        Path p = write("renamed.tsv", sb.toString());
        Run r = WfmRunner.run("backtest", "--history", p.toString(), "--folds", "1", "--horizon-days", "7",
                "--timezone", "UTC", "--columns", "timestamp=Slot,channel=Team,volume=N,aht=Secs,separator=tab");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("history: read renamed.tsv as tab-separated, columns"
                + " Slot→timestamp, Team→channel, N→volume, Secs→aht");
        assertThat(r.out()).contains("care");
    }

    @Test
    void badColumnsOptionIsAUsageError() throws IOException {
        Path csv = resource("platform-export.csv");
        Run r = forecast(csv, "bad", "--columns", "stamp=Interval Start");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err() + r.out()).contains("--columns \"stamp=Interval Start\": unknown key `stamp`; expected"
                + " timestamp, date, time, channel, volume, aht, separator, date_format, decimal");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void mappingNamingAMissingColumnIsOneLine() throws IOException {
        Path csv = resource("platform-export.csv");
        Run r = forecast(csv, "missing", "--columns", "volume=Offerd");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("wfm: platform-export.csv line 1: --columns names `Offerd` as the"
                + " volume column, but the header has no such column (it has `Interval Start`, `Queue`, `Offered`,"
                + " `Handled`, `AHT`)");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void undecidableDayAndMonthIsRefusedWithBothReadings() throws IOException {
        Path p = write("amb.csv", "Interval Start;Queue;Offered;AHT\n01/12/2026 08:00;Sales;3;02:10\n"
                + "02/12/2026 08:00;Sales;4;02:20\n");
        Run r = forecast(p, "amb");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("wfm: amb.csv line 2, column Interval Start: \"01/12/2026 08:00\" could"
                + " be 1 December 2026 (dd/MM/yyyy) or 12 January 2026 (MM/dd/yyyy), and no date in the file has a day"
                + " above 12 to tell which; give the date format (date_format=dd/MM/yyyy or date_format=MM/dd/yyyy)");
        Run ok = forecast(p, "amb-ok", "--columns", "date_format=MM/dd/yyyy", "--timezone", "UTC");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out().lines().findFirst()).hasValue("history: read amb.csv as `;`-separated, MM/dd/yyyy HH:mm,"
                + " columns Interval Start→timestamp, Queue→channel, Offered→volume, AHT (mm:ss)→aht");
    }

    @Test
    void zoneFromChannelsYamlAndTimezoneWins() throws IOException {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume\n");
        for (int d = 1; d <= 21; d++) {
            for (int h = 8; h < 12; h++) {
                sb.append(String.format("2026-07-%02dT%02d:00Z,voice,%d%n", d, h, 3 + (d + h) % 5));
            }
        }
        Path p = write("utc.csv", sb.toString());
        Path channels = WfmRunner.samples().resolve("channels.yaml"); // timezone: Europe/London
        Run r = forecast(p, "chan", "--channels", channels.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("note: utc.csv: 84 timestamps had offsets of another zone than Europe/London"
                + " (first on line 2) and were converted to Europe/London local time");
        assertThat(Files.readAllLines(dir.resolve("chan/forecast.csv")).get(1)).startsWith("2026-07-22T09:00,voice,");
        Run wins = forecast(p, "wins", "--channels", channels.toString(), "--timezone", "UTC");
        assertThat(wins.code()).as(wins.toString()).isZero();
        assertThat(wins.err()).doesNotContain("converted");
        assertThat(Files.readAllLines(dir.resolve("wins/forecast.csv")).get(1)).startsWith("2026-07-22T08:00,voice,");
    }

    /**
     * The README's plain command on the samples, in a JVM whose zone is the machine's (TZ and user.timezone): on a
     * UTC or New York server the history's offsets (only on the repeated DST hour) are read as written, not shifted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Europe/London"})
    void samplesForecastOnAMachineInAnyZone(String zone) throws Exception {
        Path out = dir.resolve(zone.replace('/', '-')).resolve("forecast.csv");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=" + zone, "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dwfm.home=" + WfmRunner.samples().getParent(), "-cp", System.getProperty("java.class.path"),
                "org.wfm.cli.WfmApplication", "forecast", "--history",
                WfmRunner.samples().resolve("history.csv").toString(), "--horizon-days", "7", "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TZ", zone);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(1)).startsWith("2026-11-23T00:00,email,");
        if (zone.equals("Europe/London")) {
            assertThat(output).doesNotContain("offsets");
        } else {
            assertThat(output).contains("note: history.csv: timestamps carry UTC offsets that the system's time zone "
                    + zone + " does not use (line 10374: 2024-10-27T01:00+01:00), so they were read as the local time"
                    + " written, not shifted");
        }
    }
}
