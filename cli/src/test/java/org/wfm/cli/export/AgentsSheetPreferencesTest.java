package org.wfm.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Agents sheet's preference columns come from summary.json's {@code preferences.agents}. */
class AgentsSheetPreferencesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-04T18:30:00Z"), ZoneOffset.UTC);
    @TempDir
    Path tmp;

    @Test
    void preferencesMetPerAgent() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        ObjectMapper json = new ObjectMapper();
        ObjectNode summary = (ObjectNode) json.readTree(run.resolve("summary.json").toFile());
        summary.set("preferences", json.readTree("""
                {"met": 3, "total": 5, "share": 0.6, "unmet_cost": 12.5, "agents": [
                  {"agent_id": "A1", "met": 1, "total": 3, "share": 0.3333, "unmet_cost": 12.5},
                  {"agent_id": "A3", "met": 2, "total": 2, "share": 1.0, "unmet_cost": 0}]}
                """));
        json.writeValue(run.resolve("summary.json").toFile(), summary);
        Path out = WorkbookExporter.export(run, tmp.resolve("plan.xlsx"), CLOCK);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet agents = wb.getSheet("Agents");
            assertEquals("Preferences met", agents.getRow(0).getCell(14).getStringCellValue());
            Row alice = WorkbookExporterTest.findRow(agents, "Alice Smith");
            assertEquals(1, alice.getCell(14).getNumericCellValue());
            assertEquals(3, alice.getCell(15).getNumericCellValue());
            assertEquals(1.0 / 3, alice.getCell(16).getNumericCellValue(), 1e-12);
            Row bob = WorkbookExporterTest.findRow(agents, "Bob Jones");
            assertEquals(1.0, bob.getCell(16).getNumericCellValue(), 1e-12);
            Row third = WorkbookExporterTest.findRow(agents, RunFixture.INJECTION);
            assertEquals(CellType.BLANK, third.getCell(16) == null ? CellType.BLANK : third.getCell(16).getCellType(),
                    "no preferences stated");
        }
    }

    @Test
    void noPreferenceColumnsWithoutPreferences() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        Path out = WorkbookExporter.export(run, tmp.resolve("plan.xlsx"), CLOCK);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(null, wb.getSheet("Agents").getRow(0).getCell(14));
        }
    }
}
