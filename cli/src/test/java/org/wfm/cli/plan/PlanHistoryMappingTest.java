package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/** plan.yaml's {@code history:} as a mapping: the nightly batch reads a platform export through it. */
class PlanHistoryMappingTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    @Test
    void nightlyBatchReadsThePlatformExportItNames() throws IOException {
        Path plan = PlanFixture.write(dir);
        // the fixture's history rewritten as a platform would export it, under headers no one would guess
        List<String> rows = Files.readAllLines(dir.resolve("history.csv"));
        List<String> export = new ArrayList<>(List.of("Slot begins;Line;Calls in;Handle secs"));
        DateTimeFormatter dayFirst = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        for (String row : rows.subList(1, rows.size())) {
            String[] v = row.split(",");
            export.add(LocalDateTime.parse(v[0]).format(dayFirst) + ";" + v[1] + ";" + v[2] + ";"
                    + v[3].replace('.', ','));
        }
        Files.write(dir.resolve("export.csv"), export);
        String yaml = Files.readString(plan).replace("history: history.csv\n", """
                history:
                  file: export.csv
                  columns: {timestamp: Slot begins, channel: Line, volume: Calls in, aht: Handle secs}
                  separator: semicolon
                  date_format: dd/MM/yyyy
                """);
        Files.writeString(plan, yaml);
        Files.delete(dir.resolve("history.csv"));
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isZero();
        Path run = dir.resolve("runs/2026-01-07");
        assertThat(Files.readString(run.resolve("run.log"))).contains("history: read export.csv as `;`-separated,"
                + " decimal comma, dd/MM/yyyy HH:mm, columns Slot begins→timestamp, Line→channel, Calls in→volume,"
                + " Handle secs→aht");
        List<String> forecast = Files.readAllLines(run.resolve("forecast.csv"));
        // the run of 7 January reads the history up to that day and forecasts from the next
        assertThat(forecast.get(1)).startsWith("2026-01-08T08:00,voice,");
    }
}
