package org.wfm.cli.plan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * {@code wfm plan} as cron runs it, on {@link PlanFixture}: the dated folder and its files, the same date
 * refused then forced with identical bytes, the lock (live holder refused at once, dead holder taken over),
 * the previous run chained across dates with runs/latest following, and a failed run leaving nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanCommandTest {
    static final LocalDate D1 = LocalDate.of(2026, 1, 7);   // a Wednesday: next Monday 12 January
    static final LocalDate D2 = LocalDate.of(2026, 1, 8);
    static final List<String> RUN_FILES = List.of("forecast.csv", "peaks.csv", "requirements.csv", "schedule.csv",
            "coverage.csv", "summary.json", "plan.xlsx", "run.log");
    static final List<String> CSV_FILES = List.of("forecast.csv", "peaks.csv", "requirements.csv", "schedule.csv",
            "coverage.csv", "simulation.csv");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path plan;
    static Path runs;

    @BeforeAll
    static void setUp() throws IOException {
        plan = PlanFixture.write(dir.resolve("centre"));
        runs = plan.resolveSibling("runs");
    }

    private static Run plan(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "plan";
        args[1] = "--config";
        args[2] = plan.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return WfmRunner.run(args);
    }

    @Test
    @Order(1)
    void firstRunWritesTheDatedFolder() throws IOException {
        Run r = plan("--date", D1.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Path run = runs.resolve("2026-01-07");
        for (String f : RUN_FILES) {
            assertThat(run.resolve(f)).as(f).isRegularFile();
        }
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("previous").isNull()).as("no earlier run").isTrue();
        assertThat(summary.at("/options/horizon_start").asText()).as("next Monday after Wed 7 Jan")
                .isEqualTo("2026-01-12");
        List<String> schedule = Files.readAllLines(run.resolve("schedule.csv"));
        assertThat(schedule.get(0)).startsWith("agent_id,date,start,end,activity,channel,location");
        assertThat(schedule.subList(1, schedule.size())).isNotEmpty()
                .allMatch(l -> l.split(",")[1].compareTo("2026-01-12") >= 0
                        && l.split(",")[1].compareTo("2026-01-18") <= 0);
        // history after the run date (8 to 11 January) is ignored: the forecast starts the day after it
        List<String> forecast = Files.readAllLines(run.resolve("forecast.csv"));
        assertThat(forecast.get(1)).startsWith("2026-01-08T08:00,voice,");
        assertThat(Files.readSymbolicLink(runs.resolve("latest"))).isEqualTo(Path.of("2026-01-07"));
        assertThat(runs.resolve(".wfm-plan.lock")).doesNotExist();
        assertThat(hidden(runs)).as("no temporary folders left").isEmpty();

        assertThat(r.out()).contains("Plan for 2026-01-07").contains("voice").contains("service level")
                .contains("cost").contains("Files in " + run.toAbsolutePath()).doesNotContain("\033");
        // under cron: time-stamped progress lines and notes only, no framework logging, no colour
        assertThat(r.err().lines()).isNotEmpty()
                .allMatch(l -> l.matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d] .*") || l.startsWith("note: "));
        assertThat(r.err()).contains("solving").doesNotContain("\033").doesNotContain("INFO")
                .doesNotContain("WARN");
        String log = Files.readString(run.resolve("run.log"));
        assertThat(log).contains("wfm plan").contains("solving (").contains("solved in ").contains("run complete")
                .contains("service level").contains("Schedule -> " + run);
        // the reader's note about the extra column: on stderr as it comes, and kept in run.log
        assertThat(r.err()).contains("note: ").contains("team");
        assertThat(log.lines().filter(l -> l.startsWith("note: ") && l.contains("team"))).hasSize(1);
    }

    @Test
    @Order(2)
    void theSameDateAgainIsRefused() throws IOException {
        Path summary = runs.resolve("2026-01-07/summary.json");
        byte[] before = Files.readAllBytes(summary);
        Run r = plan("--date", D1.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("2026-01-07 already exists").contains("--force");
        // refused before any work: no step of the night was started (not a wall-time bound: the machine may be busy)
        assertThat(r.out() + r.err()).as("refused before any work").doesNotContain(": schedule ")
                .doesNotContain("solving").doesNotContain("forecast");
        assertThat(Files.readAllBytes(summary)).isEqualTo(before);
        assertThat(runs.resolve(".wfm-plan.lock")).doesNotExist();
    }

    /**
     * --force re-runs the night; a lock left by a dead process and its half-written folder are cleared first.
     * Every CSV is byte for byte the same, summary.json too but for the solver's seconds.
     */
    @Test
    @Order(3)
    void forceReplacesWithTheSameBytesAndTakesOverAStaleLock() throws Exception {
        Path run = runs.resolve("2026-01-07");
        Map<String, byte[]> before = new HashMap<>();
        for (String f : CSV_FILES) {
            before.put(f, Files.readAllBytes(run.resolve(f)));
        }
        JsonNode summaryBefore = JSON.readTree(run.resolve("summary.json").toFile());
        Files.writeString(runs.resolve(".wfm-plan.lock"), deadPid() + "\n");
        Path leftover = Files.createDirectories(runs.resolve(".2026-01-07.tmp-123"));
        Files.writeString(leftover.resolve("schedule.csv"), "half");

        Run r = plan("--date", D1.toString(), "--force");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode summaryAfter = JSON.readTree(run.resolve("summary.json").toFile());
        // the solver stops on its work budget, so the same seed gives the same schedule; only a machine starved for
        // five times the limit ends a run on the wall-clock safety net, and then the two runs cannot be compared
        assumeTrue(!"wall-clock safety net".equals(summaryBefore.at("/solver/terminated_by").asText())
                && !"wall-clock safety net".equals(summaryAfter.at("/solver/terminated_by").asText()),
                "solver stopped on its safety net, not on its budget");
        for (String f : CSV_FILES) {
            assertThat(Files.readString(run.resolve(f))).as(f).isEqualTo(new String(before.get(f), UTF_8));
        }
        assertThat(withoutSeconds(summaryAfter)).isEqualTo(withoutSeconds(summaryBefore));
        assertThat(leftover).doesNotExist();
        assertThat(runs.resolve(".wfm-plan.lock")).doesNotExist();
        assertThat(Files.readString(run.resolve("run.log"))).contains("(--force)");
    }

    @Test
    @Order(4)
    void theNextDateUsesThePreviousRunAndBecomesLatest() throws IOException {
        Run r = plan("--date", D2.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode summary = JSON.readTree(runs.resolve("2026-01-08/summary.json").toFile());
        assertThat(Path.of(summary.get("previous").asText())).isEqualTo(runs.resolve("2026-01-07"));
        assertThat(r.out()).contains("previous " + runs.resolve("2026-01-07"));
        assertThat(Files.readSymbolicLink(runs.resolve("latest"))).isEqualTo(Path.of("2026-01-08"));
        assertThat(Files.readString(runs.resolve("latest/summary.json"))).contains("2026-01-07");
    }

    @Test
    @Order(5)
    void aLiveLockIsRefusedAtOnce() throws IOException {
        Path lock = runs.resolve(".wfm-plan.lock");
        // a live holder: the operating-system lock taken, as a running plan holds it
        try (org.wfm.cli.output.OutputLock held = org.wfm.cli.output.OutputLock.acquire(lock, "testing")) {
            Run r = plan("--date", "2026-01-09");
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("another wfm").contains("is running a plan in")
                    .contains("process " + ProcessHandle.current().pid());
            assertThat(r.out() + r.err()).as("refused before any work").doesNotContain("solving")
                    .doesNotContain(": schedule ");
            assertThat(lock).as("the holder's lock is left alone").exists();
            assertThat(runs.resolve("2026-01-09")).doesNotExist();
        }
    }

    /** A live process id whose start time differs from the lock's is another program reusing the id. */
    @Test
    @Order(6)
    void aReusedProcessIdIsAStaleLockAndAFailedRunLeavesNothing() throws IOException {
        Path agents = plan.resolveSibling("agents.csv");
        String good = Files.readString(agents);
        Path lock = runs.resolve(".wfm-plan.lock");
        Files.writeString(lock, ProcessHandle.current().pid() + " 2001-01-01T00:00:00Z\n");
        Files.writeString(agents, good.replace("14.50", "abc"));
        try {
            Run r = plan("--date", "2026-01-09");
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("agents.csv").contains("hourly_cost");
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        } finally {
            Files.writeString(agents, good);
        }
        assertThat(lock).doesNotExist();
        assertThat(runs.resolve("2026-01-09")).doesNotExist();
        assertThat(hidden(runs)).isEmpty();
        assertThat(Files.readSymbolicLink(runs.resolve("latest"))).isEqualTo(Path.of("2026-01-08"));
    }

    @Test
    @Order(7)
    void aFailedFirstRunLeavesNoRunsFolder() throws IOException {
        Path other = PlanFixture.write(dir.resolve("broken"));
        Files.writeString(other.resolveSibling("agents.csv"),
                Files.readString(other.resolveSibling("agents.csv")).replace("voice:1.0", "phone:1.0"));
        Run r = WfmRunner.run("plan", "--config", other.toString(), "--date", D1.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("agents.csv").contains("phone");
        assertThat(other.resolveSibling("runs")).doesNotExist();
    }

    @Test
    @Order(8)
    void aMalformedDateIsAUsageError() {
        Run r = plan("--date", "7/1/2026");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--date").contains("YYYY-MM-DD");
    }

    private static List<Path> hidden(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static JsonNode withoutSeconds(JsonNode summary) {
        ObjectNode copy = summary.deepCopy();
        ((ObjectNode) copy.get("solver")).remove("seconds");
        return copy;
    }

    /** The id of a process that has finished (so no live process holds it, barring quick reuse). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
