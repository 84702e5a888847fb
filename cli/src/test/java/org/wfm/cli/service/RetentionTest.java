package org.wfm.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.io.PlanConfig;

/**
 * plan.yaml {@code keep_runs}: the older run folders go, never the newest complete run, the run just written, nor
 * a run a kept run used as its previous schedule; what went is said.
 */
class RetentionTest {
    static final LocalDate D10 = LocalDate.of(2026, 1, 10);
    @TempDir
    Path runs;

    /** Ten nightly runs, 1 to 10 January; each used the one before, except the 8th, which used the 3rd. */
    @BeforeEach
    void tenRuns() throws IOException {
        for (int d = 1; d <= 10; d++) {
            String previous = d == 1 ? "null" : "\"" + runs.resolve(date(d == 8 ? 3 : d - 1)) + "\"";
            Path run = Files.createDirectories(runs.resolve(date(d)));
            Files.writeString(run.resolve("schedule.csv"), "agent_id\n");
            Files.writeString(run.resolve("summary.json"), "{\"previous\": " + previous + "}");
        }
    }

    static String date(int day) {
        return LocalDate.of(2026, 1, day).toString();
    }

    private List<String> remaining() throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCountKeepsTheNewestAndThePreviousTheyUsed() throws IOException {
        List<String> said = new ArrayList<>();
        List<Path> removed = PlanRun.retain(runs, D10, new PlanConfig.KeepRuns(3, null), said::add);
        // 10, 9, 8 kept; 8 used 3 as its previous; 9 used 8 and 10 used 9, kept anyway
        assertThat(remaining()).containsExactly(date(3), date(8), date(9), date(10));
        assertThat(removed).hasSize(6);
        assertThat(said).singleElement().asString().contains("keep_runs 3: removed 6 older run folders")
                .contains(date(1)).contains(date(7)).doesNotContain(date(3));
    }

    @Test
    void daysKeepTheRunsOfTheLastDaysBeforeTheRun() throws IOException {
        PlanRun.retain(runs, D10, new PlanConfig.KeepRuns(null, 3), s -> { });
        // 7 January is 3 days before the 10th; the 6th is the previous of the 7th, the 3rd of the 8th
        assertThat(remaining()).containsExactly(date(3), date(6), date(7), date(8), date(9), date(10));
    }

    /** A catch-up run for an old date (--date): the newest run and what it used stay, and so does the run itself. */
    @Test
    void aCatchUpRunNeverRemovesTheNewestRun() throws IOException {
        PlanRun.retain(runs, LocalDate.of(2026, 1, 2), new PlanConfig.KeepRuns(1, null), s -> { });
        assertThat(remaining()).containsExactly(date(1), date(2), date(9), date(10));
    }

    @Test
    void foldersThatAreNotRunsAreLeftAlone() throws IOException {
        Files.createDirectories(runs.resolve("notes"));
        Files.writeString(runs.resolve("2025-12-31.txt"), "x");
        Files.createSymbolicLink(runs.resolve("latest"), Path.of(date(10)));
        PlanRun.retain(runs, D10, new PlanConfig.KeepRuns(1, null), s -> { });
        assertThat(remaining()).containsExactly("2025-12-31.txt", date(9), date(10), "latest", "notes");
    }

    /** Killed while deleting an old run: the next start finishes the deletion and never brings the half folder back. */
    @Test
    void aRunKilledWhileDeletingIsNotRestored() throws IOException {
        Path half = runs.resolve("." + date(1) + ".deleting-4242");
        Files.move(runs.resolve(date(1)), half);
        Files.delete(half.resolve("schedule.csv"));
        org.wfm.cli.output.AtomicOutput.recoverAll(runs);
        assertThat(half).doesNotExist();
        assertThat(runs.resolve(date(1))).doesNotExist();
        assertThat(remaining()).hasSize(9).allMatch(n -> !n.startsWith("."));
    }
}
