package org.wfm.cli.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The Run info sheet: provenance, so a workbook can be traced back to its inputs and reproduced: the inputs with
 * their sha256 as the run recorded them, the solver's score, time and seed, the version, when the workbook was made,
 * and the run folder's own files with their sha256 now.
 */
final class RunInfoSheet {
    static final String NAME = "Run info";
    /** Keys shown in their own sections; any other scalar key of summary.json is listed at the end. */
    private static final Set<String> SHOWN = Set.of("cost", "service_level", "late_contacts", "training",
            "remote_share", "on_demand_hours", "paid_hours", "hard_violations", "uncovered_intervals", "lower_bound",
            "solver", "inputs", "previous", "version", "agents");
    private static final List<String> RUN_FILES = List.of(RunFolder.FORECAST, RunFolder.PEAKS, "requirements.csv",
            RunFolder.SCHEDULE, RunFolder.COVERAGE, RunFolder.SIMULATION, RunFolder.SUMMARY, "run.log");

    private final RunFolder run;
    private final Styles styles;
    private final LocalDateTime generatedAt;
    /** Where the folder is (or will be once renamed into place): the workbook may be made under a temporary name. */
    private final Path shownDir;
    private int r;

    RunInfoSheet(RunFolder run, Styles styles, LocalDateTime generatedAt, Path shownDir) {
        this.run = run;
        this.shownDir = shownDir;
        this.styles = styles;
        this.generatedAt = generatedAt;
    }

    void write(Workbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        JsonNode s = run.summary();
        r = 0;
        styles.text(sheet.createRow(r++), 0, "Run info", styles.title);
        r++;
        Row generated = sheet.createRow(r++);
        styles.text(generated, 0, "Workbook generated");
        styles.when(generated, 1, generatedAt, styles.left(styles.dateTime));
        pair(sheet, "Run folder", shownDir.toAbsolutePath().normalize().toString());
        pair(sheet, "Version", Json.text(s, "version"));
        pair(sheet, "Previous (published) schedule", Json.text(s, "previous").isEmpty() ? "none"
                : Json.text(s, "previous"));
        pair(sheet, "Solver score", Json.text(s.path("solver"), "score"));
        Row seconds = sheet.createRow(r++);
        styles.text(seconds, 0, "Solver seconds");
        styles.number(seconds, 1, Json.number(s.path("solver"), "seconds"), styles.left(styles.decimal1));
        pair(sheet, "Solver seed", Json.text(s.path("solver"), "seed"));
        r++;
        header(sheet, "Input", "sha256");
        Iterator<Map.Entry<String, JsonNode>> inputs = s.path("inputs").fields();
        while (inputs.hasNext()) {
            Map.Entry<String, JsonNode> e = inputs.next();
            pair(sheet, e.getKey(), e.getValue().asText());
        }
        r++;
        header(sheet, "Run folder file", "sha256");
        for (String name : RUN_FILES) {
            Path file = run.dir().resolve(name);
            if (Files.isRegularFile(file)) {
                pair(sheet, name, sha256(file));
            }
        }
        boolean first = true;
        Iterator<Map.Entry<String, JsonNode>> fields = s.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (SHOWN.contains(e.getKey()) || !e.getValue().isValueNode()) {
                continue;
            }
            if (first) {
                r++;
                header(sheet, "Other summary key", "Value");
                first = false;
            }
            pair(sheet, e.getKey(), e.getValue().asText());
        }
        Styles.print(sheet, 1, 0, 0);
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 70 * 256);
    }

    private void header(Sheet sheet, String a, String b) {
        Row row = sheet.createRow(r++);
        styles.text(row, 0, a, styles.header);
        styles.text(row, 1, b, styles.header);
    }

    private void pair(Sheet sheet, String label, String value) {
        Row row = sheet.createRow(r++);
        styles.text(row, 0, label);
        styles.text(row, 1, value);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
