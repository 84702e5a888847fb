package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/** The runs folder around a plan: runs/latest must be wfm's link, and keep_runs prunes old runs after success. */
class RunsFolderTest {
    @TempDir
    Path dir;

    @Test
    void aRealLatestFolderIsRefusedBeforeAnyWork() throws IOException {
        Path plan = PlanFixture.write(dir);
        Path latest = Files.createDirectories(dir.resolve("runs/latest"));
        Files.writeString(latest.resolve("mine.txt"), "the planner's");
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains(latest + " is a folder, not the link wfm keeps");
        assertThat(r.err()).doesNotContain("solving");
        assertThat(latest.resolve("mine.txt")).hasContent("the planner's");
        assertThat(dir.resolve("runs/latest.txt")).doesNotExist();
        assertThat(dir.resolve("runs/2026-01-07")).doesNotExist();
    }

    @Test
    void keepRunsRemovesOlderRunsAfterASuccessfulRunAndSaysWhich() throws IOException {
        Path plan = PlanFixture.write(dir);
        Files.writeString(plan, Files.readString(plan).replaceAll("time_limit: \\d+s", "time_limit: 1s")
                + "keep_runs: 2\n");
        for (int d = 1; d <= 5; d++) {
            Path run = Files.createDirectories(dir.resolve("runs/2026-01-0" + d));
            Files.writeString(run.resolve("schedule.csv"), "agent_id,date,start,end,activity,channel,location\n");
            Files.writeString(run.resolve("summary.json"), "{\"previous\": null}");
        }
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isZero();
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("2026-01-05", "2026-01-07", "latest");
        }
        String said = "keep_runs 2: removed 4 older run folders: 2026-01-04, 2026-01-03, 2026-01-02, 2026-01-01";
        assertThat(r.err()).contains(said);
        assertThat(dir.resolve("runs/2026-01-07/run.log")).content().contains(said).contains("run complete");
    }
}
