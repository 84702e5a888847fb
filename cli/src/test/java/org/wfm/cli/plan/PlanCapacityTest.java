package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/** plan.yaml {@code capacity:}: the nightly run folder carries the months-ahead plan on the weekdays asked for. */
class PlanCapacityTest {
    @TempDir
    Path dir;

    @Test
    void theNightsRunFolderHoldsTheCapacityPlanOnItsWeekdaysOnly() throws Exception {
        Path plan = PlanFixture.write(dir.resolve("centre"));
        // Wednesday 7 January 2026 is a capacity day; Thursday the 8th is not
        Files.writeString(plan, Files.readString(plan) + "capacity: {months: 1, efficiency: 1.2, attrition: 0.02,"
                + " on: Wed}\n");
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isZero();
        Path run = plan.resolveSibling("runs").resolve("2026-01-07");
        for (String f : List.of("capacity.csv", "capacity-monthly.csv", "hiring.csv", "capacity.xlsx",
                "capacity.png", "summary.json")) {
            assertThat(run.resolve("capacity").resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readAllLines(run.resolve("capacity/capacity.csv")).get(0)).startsWith("week_start,channel");
        assertThat(Files.readString(run.resolve("run.log"))).contains("capacity plan, 1 months");
        Run next = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-08");
        assertThat(next.code()).as(next.toString()).isZero();
        Path thursday = plan.resolveSibling("runs").resolve("2026-01-08");
        assertThat(thursday.resolve("capacity")).doesNotExist();
        assertThat(Files.readString(thursday.resolve("run.log"))).contains("capacity: not on Thu");
    }

    @Test
    void aBadCapacityKeyIsAnInputErrorBeforeAnyRun() throws Exception {
        Path plan = PlanFixture.write(dir.resolve("centre"));
        Files.writeString(plan, Files.readString(plan) + "capacity: {months: 99}\n");
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("capacity.months").contains("99");
        assertThat(plan.resolveSibling("runs").resolve("2026-01-07")).doesNotExist();
    }
}
