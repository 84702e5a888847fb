package org.wfm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner.Run;

/**
 * The efficiency measured with the real scheduler on the samples (a solver run: an IT, run by {@code mvn verify}).
 * The same seed gives the same figure: the solver stops on its move budget, not on the clock.
 */
class CapacityCalibrationIT {
    @TempDir
    Path dir;

    @Test
    void theEfficiencyIsMeasuredByTheSchedulerAndRepeats() throws Exception {
        Path samples = WfmRunner.samples();
        System.setProperty("wfm.home", samples.getParent().toString());
        JsonNode[] runs = new JsonNode[2];
        for (int i = 0; i < 2; i++) {
            Run r = WfmRunner.run("capacity", "--history", samples.resolve("history.csv").toString(), "--channels",
                    samples.resolve("channels.yaml").toString(), "--agents", samples.resolve("agents.csv").toString(),
                    "--months", "1", "--time-limit", "2s", "--seed", "3", "--json", "--out",
                    dir.resolve("run" + i).toString());
            assertThat(r.code()).as(r.toString()).isZero();
            runs[i] = new ObjectMapper().readTree(r.out());
        }
        JsonNode e = runs[0].get("efficiency");
        assertThat(e.get("measured").asBoolean()).isTrue();
        assertThat(e.get("weeks").get(0).asText()).isEqualTo("2026-11-23");
        // paid hours ÷ covered staff-hours: at least 1, and covered never above required
        assertThat(e.get("factor").asDouble()).isGreaterThanOrEqualTo(1.0)
                .isEqualTo(e.get("paid_hours").asDouble() / e.get("covered_hours").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-3));
        assertThat(e.get("covered_hours").asDouble()).isLessThanOrEqualTo(e.get("required_hours").asDouble() + 1e-6);
        if (!org.wfm.scheduler.solver.ScheduleSolver.TIME_LIMIT.equals(e.get("solver_stop").asText())) {
            assertThat(runs[1].get("efficiency").get("factor").asDouble()).isEqualTo(e.get("factor").asDouble());
        }
    }
}
