package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * "Same inputs + same seed = same output": two runs of each command give byte-identical CSV files and a
 * summary.json that differs only in the solver's wall-clock seconds.
 */
class DeterminismTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    private static byte[] bytes(Path p) throws Exception {
        return Files.readAllBytes(p);
    }

    @Test
    void forecastAndRequirementsAreByteIdentical() throws Exception {
        Path h = Fixtures.write(dir, "in/history.csv", Fixtures.history());
        Path channels = Fixtures.write(dir, "in/channels.yaml", Fixtures.CHANNELS);
        for (String run : new String[]{"a", "b"}) {
            Run f = WfmRunner.run("forecast", "--history", h.toString(), "--horizon-days", "7", "--timezone",
                    "Europe/London", "--out", dir.resolve(run + "/forecast.csv").toString());
            assertThat(f.code()).as(f.toString()).isZero();
            Run r = WfmRunner.run("requirements", "--forecast", dir.resolve(run + "/forecast.csv").toString(),
                    "--channels", channels.toString(), "--out", dir.resolve(run + "/requirements.csv").toString());
            assertThat(r.code()).as(r.toString()).isZero();
        }
        for (String file : new String[]{"forecast.csv", "peaks.csv", "requirements.csv"}) {
            assertThat(bytes(dir.resolve("b/" + file))).as(file).isEqualTo(bytes(dir.resolve("a/" + file)));
        }
    }

    /**
     * The solver stops at its move budget (time limit × {@code SolveOptions.MOVES_PER_SECOND} score
     * calculations), which does not depend on the machine's speed, as long as the budget is spent before the
     * wall-clock limits; on this small problem it is, by a wide margin.
     */
    @Test
    void scheduleWithTheSameSeedIsByteIdentical() throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        JsonNode[] summaries = new JsonNode[2];
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("run" + i);
            Run r = WfmRunner.run(f.args(out, "--time-limit", "10s", "--seed", "42"));
            assertThat(r.code()).as(r.toString()).isZero();
            summaries[i] = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            System.out.println("schedule run " + i + ": solver " + summaries[i].get("solver"));
        }
        for (String file : new String[]{"schedule.csv", "coverage.csv"}) {
            assertThat(new String(bytes(dir.resolve("run1/" + file))))
                    .as(file).isEqualTo(new String(bytes(dir.resolve("run0/" + file))));
        }
        for (JsonNode s : summaries) {
            ((ObjectNode) s.get("solver")).remove("seconds");
        }
        assertThat(summaries[1]).isEqualTo(summaries[0]);
    }
}
