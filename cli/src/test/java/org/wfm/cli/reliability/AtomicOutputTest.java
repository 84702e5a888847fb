package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * "A failed run leaves nothing behind": a schedule run killed in a child JVM leaves no run folder (or, if it
 * got as far as the rename, a complete one) and, after a normal SIGTERM, no temporary folder; an existing run
 * folder is kept without --force and replaced whole with it.
 */
class AtomicOutputTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    /** Either no run folder or a complete one: the rename is the commit point. */
    private static void absentOrComplete(Path out) {
        if (Files.exists(out)) {
            for (String f : List.of("schedule.csv", "coverage.csv", "summary.json")) {
                assertThat(out.resolve(f)).as("a run folder in place is complete").exists();
            }
        }
    }

    /**
     * SIGTERM while the solver searches (a cron timeout): the run stops searching, writes its folder whole with the
     * best schedule so far and exits with the signal's status; the schedule has no hard violation.
     */
    @Test
    void sigtermWhileSolvingFinishesWithTheBestScheduleSoFar() throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path parent = dir.resolve("runs");
        Files.createDirectories(parent);
        Path out = parent.resolve("run");
        ChildWfm c = new ChildWfm("512m", f.args(out, "--time-limit", "60s"));
        assertThat(c.await("local search", 90)).as("search started: " + c.err).isTrue();
        long t0 = System.nanoTime();
        int code = c.stop(false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println("SIGTERM while solving: exit " + code + " after " + seconds + " s, left "
                + ChildWfm.leftovers(parent));
        assertThat(code).isEqualTo(143);
        absentOrComplete(out);
        assertThat(out).exists();
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/solver/terminated_by").asText()).isEqualTo("stop requested");
        assertThat(summary.get("hard_violations")).isEmpty();
        assertThat(ChildWfm.leftovers(parent)).isEmpty();
        assertThat(seconds).as("stops at once, not at the limit").isLessThan(45);
    }

    @Test
    void sigtermWhileWritingLeavesNoTemporaryFolder() throws Exception {
        Path parent = stopWhileWriting(false);
        assertThat(ChildWfm.leftovers(parent)).as("the shutdown hook removes temporary folders").isEmpty();
    }

    @Test
    void sigkillWhileWritingLeavesNoHalfFolder() throws Exception {
        // SIGKILL runs no shutdown hook: a hidden .run.tmp-* and the lock file may stay, never a half "run"...
        Path parent = stopWhileWriting(true);
        assertThat(ChildWfm.leftovers(parent)).allMatch(n -> n.startsWith(".run.tmp-") || n.equals(".run.lock"));
        // ...and the next run writing there removes them (the lock file held no lock once its process died)
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Run again = WfmRunner.run(f.args(parent.resolve("run"), "--time-limit", "1s", "--force"));
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(ChildWfm.leftovers(parent)).isEmpty();
    }

    /**
     * Starts a schedule run and stops it (SIGKILL or SIGTERM) as soon as its temporary folder appears, i.e.
     * while the files are being written; checks the run folder is absent or complete and returns its parent.
     */
    private Path stopWhileWriting(boolean kill) throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path parent = dir.resolve("runs");
        Files.createDirectories(parent);
        Path out = parent.resolve("run");
        ChildWfm c = new ChildWfm("512m", f.args(out, "--time-limit", "2s"));
        boolean caught = c.awaitTemporary(parent, 90);
        int code = c.stop(kill);
        System.out.println((kill ? "SIGKILL" : "SIGTERM") + " while writing (temporary folder seen: " + caught
                + "): exit " + code + ", run folder " + Files.exists(out) + ", left " + ChildWfm.leftovers(parent));
        absentOrComplete(out);
        return parent;
    }

    @Test
    void existingRunFolderIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path parent = dir.resolve("runs");
        Path out = parent.resolve("run");
        Files.createDirectories(out);
        Fixtures.write(out, "schedule.csv", "old");
        Fixtures.write(out, "keep-me.txt", "old");
        Map<String, String> before = Fixtures.snapshot(out);

        Run refused = WfmRunner.run(f.args(out, "--time-limit", "2s"));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists").contains("--force");
        Fixtures.assertOneCleanMessage(refused);
        assertThat(Fixtures.snapshot(out)).isEqualTo(before);
        assertThat(ChildWfm.leftovers(parent)).isEmpty();

        Run forced = WfmRunner.run(f.args(out, "--time-limit", "2s", "--force"));
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(Fixtures.read(out.resolve("schedule.csv"))).startsWith("agent_id,date,start,end,activity");
        assertThat(out.resolve("keep-me.txt")).as("replaced whole, not merged").doesNotExist();
        assertThat(out.resolve("summary.json")).exists();
        assertThat(ChildWfm.leftovers(parent)).as("no .run.old-* or .run.tmp-* left").isEmpty();
    }

    @Test
    void singleFileOutputIsKeptWithoutForce() throws Exception {
        Path h = Fixtures.write(dir, "in/history.csv", Fixtures.history());
        Path out = dir.resolve("fc/forecast.csv");
        Fixtures.write(out.getParent(), "forecast.csv", "old");
        Run r = WfmRunner.run("forecast", "--history", h.toString(), "--horizon-days", "7", "--timezone",
                "Europe/London", "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(Fixtures.read(out)).isEqualTo("old");
        assertThat(out.resolveSibling("peaks.csv")).doesNotExist();
        assertThat(ChildWfm.leftovers(out.getParent())).isEmpty();
        Run forced = WfmRunner.run("forecast", "--history", h.toString(), "--horizon-days", "7", "--timezone",
                "Europe/London", "--out", out.toString(), "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(Fixtures.read(out)).startsWith("interval_start,channel,volume");
        assertThat(ChildWfm.leftovers(out.getParent())).isEmpty();
    }

    /**
     * Issue 15: SIGTERM during {@code export --force} left a 0-byte temporary workbook (4 of 4). Now the temporary
     * file is removed by the shutdown hook, and the old workbook is still there, whole.
     */
    @Test
    void sigtermDuringExportLeavesTheOldWorkbookAndNoTemporaryFile() throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path run = dir.resolve("runs/run");
        Run made = WfmRunner.run(f.args(run, "--time-limit", "1s"));
        assertThat(made.code()).as(made.toString()).isZero();
        Path parent = Files.createDirectories(dir.resolve("book"));
        Path xlsx = parent.resolve("plan.xlsx");
        Run first = WfmRunner.run("export", "--schedule", run.toString(), "--out", xlsx.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        byte[] before = Files.readAllBytes(xlsx);
        ChildWfm c = new ChildWfm("256m", "export", "--schedule", run.toString(), "--out", xlsx.toString(),
                "--force");
        boolean caught = c.awaitTemporary(parent, 90);
        int code = c.stop(false);
        System.out.println("SIGTERM during export (temporary file seen: " + caught + "): exit " + code + ", left "
                + ChildWfm.leftovers(parent));
        assertThat(ChildWfm.leftovers(parent)).isEmpty();
        if (code != 0) {
            assertThat(Files.readAllBytes(xlsx)).as("the old workbook, untouched").isEqualTo(before);
        }
        assertThat(Files.size(xlsx)).isGreaterThan(1000);
    }
}
