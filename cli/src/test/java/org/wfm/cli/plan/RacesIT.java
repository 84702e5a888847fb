package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.reliability.ChildWfm;

/**
 * Two wfm processes at once on one output (issue 15, item 4): one succeeds, the other exits 2 naming it, and the
 * result is the complete output of the one that succeeded. Before, with a stale lock file present, two plans both
 * got past the pid-file lock (2 of 15 tries), and two {@code schedule --out same} both exited 0.
 */
class RacesIT {
    @TempDir
    Path dir;

    @Test
    void twoPlansStartedTogetherOverAStaleLockRunOnce() throws Exception {
        Path plan = PlanFixture.write(dir.resolve("centre"));
        Files.writeString(plan, Files.readString(plan).replaceAll("time_limit: \\d+s", "time_limit: 2s"));
        Path runs = Files.createDirectories(plan.resolveSibling("runs"));
        // two attempts: with the lock of before, 2 tries in 15 let both through; with an OS lock none can
        for (int attempt = 0; attempt < 2; attempt++) {
            String date = "2026-01-0" + (5 + attempt);
            // a lock file left by a killed run (its process is gone, its OS lock with it)
            Files.writeString(runs.resolve(".wfm-plan.lock"), "process 999999 started 2001-01-01T00:00:00Z\n");
            ChildWfm a = new ChildWfm("512m", "plan", "--config", plan.toString(), "--date", date);
            ChildWfm b = new ChildWfm("512m", "plan", "--config", plan.toString(), "--date", date);
            int ca = a.waitFor(300);
            int cb = b.waitFor(300);
            assertThat(List.of(Math.min(ca, cb), Math.max(ca, cb))).as("a: " + a.err + "\nb: " + b.err)
                    .containsExactly(0, 2);
            ChildWfm loser = ca == 2 ? a : b;
            ChildWfm winner = ca == 2 ? b : a;
            // the loser names the winner, or finds the night done; or, when it comes in while the winner is letting
            // go of the night's folder (its lock file already deleted, so no process to name), the folder's lock
            assertThat(String.join("\n", loser.err)).containsAnyOf(
                    "another wfm (process " + winner.process.pid(), date + " already exists",
                    "another wfm is writing " + runs.resolve(date));
            assertThat(runs.resolve(date).resolve("summary.json")).isRegularFile();
            try (Stream<Path> s = Files.list(runs)) {
                assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
            }
        }
    }

    @Test
    void aSecondScheduleToTheSameFolderIsRefusedNamingTheFirst() throws Exception {
        Path in = dir.resolve("in");
        Path centre = PlanFixture.write(in).getParent();
        Path req = Files.writeString(in.resolve("requirements.csv"), requirements());
        Path out = dir.resolve("out/run");
        String[] args = {"schedule", "--requirements", req.toString(), "--channels",
            centre.resolve("channels.yaml").toString(), "--agents", centre.resolve("agents.csv").toString(),
            "--rules", centre.resolve("rules.yaml").toString(), "--out", out.toString(), "--time-limit", "20s"};
        ChildWfm first = new ChildWfm("512m", args);
        assertThat(first.await("solving", 120)).as("first started: " + first.err).isTrue();
        ChildWfm second = new ChildWfm("512m", args);
        assertThat(second.waitFor(120)).as("second: " + second.err).isEqualTo(2);
        assertThat(String.join("\n", second.err)).contains("another wfm (process " + first.process.pid())
                .contains("writing " + out);
        assertThat(first.waitFor(300)).as("first: " + first.err).isZero();
        assertThat(out.resolve("schedule.csv")).isRegularFile();
        assertThat(ChildWfm.leftovers(out.getParent())).isEmpty();
    }

    /** One voice requirement of 2 staff for the fixture's week (Mon 5 to Fri 9 January 2026, 08:00-18:00). */
    private static String requirements() {
        StringBuilder sb = new StringBuilder(
                "interval_start,channel,forecast_volume,aht_seconds,required_agents,required_staff\n");
        for (int d = 5; d <= 9; d++) {
            for (int slot = 0; slot < 20; slot++) {
                sb.append(String.format("2026-01-%02dT%02d:%02d,voice,10,300,2,2%n", d, 8 + slot / 2,
                        slot % 2 * 30));
            }
        }
        return sb.toString();
    }
}
