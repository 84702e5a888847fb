package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * {@code wfm plan --force} killed (SIGKILL, by strace's fault injection) at its 1st, 2nd, … rename, until a run
 * gets through all of them; after each kill the run folder of that date is complete (the old or the new one),
 * {@code runs/latest} points at a complete run, and the next plan recovers whatever was left and succeeds.
 * Skipped, with the reason, where strace is not installed (the in-process {@code CrashAtEveryStepTest} always runs).
 */
class CrashAtEveryRenameIT {
    static final String DATE = "2026-01-07";

    @TempDir
    Path dir;

    @Test
    void killedAtEveryRenameOfAForcedPlanLeavesACompleteRun() throws Exception {
        String strace = strace();
        assumeTrue(strace != null, "strace not found on PATH or in /usr/bin: the kill-at-every-rename test is skipped");
        Path plan = PlanFixture.write(dir.resolve("centre"));
        // a short solve: this test is about the renames, and runs the plan a dozen times
        Files.writeString(plan, Files.readString(plan).replaceAll("time_limit: \\d+s", "time_limit: 1s"));
        Path runs = plan.resolveSibling("runs");
        Run first = WfmRunner.run("plan", "--config", plan.toString(), "--date", DATE);
        assertThat(first.code()).as(first.toString()).isZero();
        String oldSummary = Files.readString(runs.resolve(DATE).resolve("summary.json"));

        List<String> seen = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            Process p = new ProcessBuilder(command(strace, n, plan)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child-" + n + ".log").toFile()).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("kill at rename " + n + " ended").isTrue();
            int code = p.exitValue();
            String log = Files.readString(dir.resolve("child-" + n + ".log"));
            seen.add("rename " + n + ": exit " + code + " " + hidden(runs));
            Path run = runs.resolve(DATE);
            if (Files.exists(run)) {
                assertComplete(run, "after a kill at rename " + n + "\n" + log);
                assertComplete(runs.resolve("latest"), "runs/latest after a kill at rename " + n);
            } else {
                // only without an atomic exchange (not Linux): killed between the two renames of the swap, the old
                // run is whole under its backup name and the journal says how to finish; the next start does
                assertThat(org.wfm.cli.output.AtomicOutput.folderExchangeAvailable())
                        .as("with renameat2 the run's name is never missing; killed at rename " + n).isFalse();
                assertThat(hidden(runs)).as("after a kill at rename " + n).contains("." + DATE + ".commit")
                        .anyMatch(h -> h.startsWith("." + DATE + ".old-"));
            }
            if (code == 0) {
                assertThat(hidden(runs)).as("a run that was not killed leaves nothing hidden").isEmpty();
                System.out.println("kill at every rename of plan --force: " + String.join("; ", seen));
                assertThat(n).as("renames in a forced plan (charts, workbook, journal, backup, run, latest)")
                        .isGreaterThanOrEqualTo(6);
                Run next = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-08");
                assertThat(next.code()).as(next.toString()).isZero();
                assertThat(hidden(runs)).isEmpty();
                return;
            }
            assertThat(code).as("killed by SIGKILL at rename " + n + "\n" + log).isEqualTo(137);
            // what the next start does first (any command claiming the folder, or plan on the whole runs folder),
            // so that the next kill hits the n+1th rename of a clean forced run, not of a recovery
            org.wfm.cli.output.AtomicOutput.recoverAll(runs);
            assertComplete(run, "recovered after a kill at rename " + n);
            assertComplete(runs.resolve("latest"), "runs/latest recovered after a kill at rename " + n);
            assertThat(hidden(runs)).as("recovered after a kill at rename " + n).isEmpty();
        }
        throw new AssertionError("plan --force never got through its renames: " + seen + " (old summary "
                + oldSummary.length() + " bytes)");
    }

    private static void assertComplete(Path run, String why) {
        for (String f : List.of("schedule.csv", "coverage.csv", "summary.json", "forecast.csv", "peaks.csv",
                "requirements.csv", "plan.xlsx", "run.log")) {
            assertThat(run.resolve(f)).as(f + " " + why).isRegularFile();
        }
    }

    private List<String> command(String strace, int n, Path plan) {
        List<String> cmd = new ArrayList<>(List.of(strace, "-f", "-qq", "-o", "/dev/null",
                "-e", "trace=rename,renameat,renameat2",
                "-e", "inject=rename,renameat,renameat2:signal=KILL:when=" + n,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-Dshut.up.ojAlgo=true", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "org.wfm.cli.WfmApplication", "plan", "--config",
                plan.toString(), "--date", DATE, "--force"));
        return cmd;
    }

    static String strace() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "strace"))) {
                return Path.of(d, "strace").toString();
            }
        }
        return null;
    }

    private static List<String> hidden(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.map(p -> p.getFileName().toString()).filter(x -> x.startsWith(".")).sorted().toList();
        }
    }
}
