package org.wfm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * OWASP "CSV injection": text cells are written so that no spreadsheet runs them, numbers stay numbers, and wfm's
 * own reader of schedule.csv (export, simulate, --previous) reads every text back exactly.
 */
class CsvCellsTest {

    /** Text that starts like a formula, or like an escaped cell, or is plain: the interesting cases are dense. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> head = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "'", "''", "-1", "-.", "a", "A1", "");
        Arbitrary<String> tail = Arbitraries.strings().withChars("=+-@'\t\r\"|!(),;:. 0123456789abcXYZé")
                .ofMaxLength(12);
        return Combinators.combine(head, tail).as((h, t) -> h + t).filter(s -> !s.isEmpty());
    }

    @Property(seed = "15")
    void readUndoesWrite(@ForAll("text") String s) {
        assertThat(CsvCells.read(CsvCells.write(s))).isEqualTo(s);
    }

    @Property(seed = "15")
    void writtenTextNeverStartsAFormula(@ForAll("text") String s) {
        String cell = CsvCells.write(s);
        assertThat(CsvCells.needsQuote(cell)).as(cell).isFalse();
        char c = cell.charAt(0);
        assertThat("=+@\t\r".indexOf(c)).as(cell).isNegative();
    }

    @Test
    void theAttacksAreQuotedAndNumbersAreNot() {
        assertThat(CsvCells.write("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.write("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(CsvCells.write("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(CsvCells.write("-2+3+cmd")).isEqualTo("'-2+3+cmd");
        assertThat(CsvCells.write("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.write("-5")).isEqualTo("-5");
        assertThat(CsvCells.write("-0.25")).isEqualTo("-0.25");
        assertThat(CsvCells.write("Ann Archer")).isEqualTo("Ann Archer");
        assertThat(CsvCells.write("'quoted")).isEqualTo("''quoted");
        assertThat(CsvCells.read("'hand-written")).isEqualTo("'hand-written");
    }

    /** schedule.csv written and read back: every id, channel, location and name is the original text. */
    @Property(tries = 50, seed = "15")
    void scheduleCsvRoundTrips(@ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("text") String> texts)
            throws Exception {
        Path dir = Files.createTempDirectory("csvcells");
        try {
            List<ScheduleRow> rows = new ArrayList<>();
            Map<String, String> names = new LinkedHashMap<>();
            LocalDate day = LocalDate.of(2026, 1, 5);
            for (int i = 0; i < texts.size(); i++) {
                String id = texts.get(i).strip() + "#" + i;
                String t = texts.get((i + 1) % texts.size()).strip();
                rows.add(new ScheduleRow(id, day, day.atTime(8, 0), day.atTime(12, 0), Activity.WORK,
                        t.isEmpty() ? "voice" : t, "=site" + i));
                names.put(id, texts.get(i).strip().isEmpty() ? "n" : texts.get(i).strip());
            }
            Path file = dir.resolve("schedule.csv");
            CsvFiles.writeSchedule(file, rows, names);
            List<ScheduleRow> back = OutputReaders.readSchedule(file);
            assertThat(back).extracting(ScheduleRow::agentId).containsExactlyElementsOf(
                    rows.stream().map(ScheduleRow::agentId).toList());
            assertThat(back).extracting(ScheduleRow::channel).containsExactlyElementsOf(
                    rows.stream().map(ScheduleRow::channel).toList());
            assertThat(back).extracting(ScheduleRow::location).containsExactlyElementsOf(
                    rows.stream().map(ScheduleRow::location).toList());
            assertThat(OutputReaders.readNames(file)).isEqualTo(names);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
