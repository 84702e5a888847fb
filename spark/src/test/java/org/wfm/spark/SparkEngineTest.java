package org.wfm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.plan.UnitsFixture;
import org.wfm.cli.service.PlanRun;
import org.wfm.cli.units.EngineOptions;
import org.wfm.cli.units.PlanEngines;
import org.wfm.forecast.io.InputException;

/**
 * A plan with two units ({@link UnitsFixture}, the cli tests' fixture: four agents each, a 1-day schedule) on
 * embedded Spark ({@code local[2]}) against the local
 * engine: the same run folder byte for byte, except the files and fields that hold wall-clock times (plan.xlsx,
 * run.log, the solver's seconds). And a unit's input error coming back from a Spark task as the same one-line input
 * error (exit 3).
 */
class SparkEngineTest {
    static final LocalDate RUN = LocalDate.of(2026, 1, 7);

    @TempDir
    Path dir;

    @Test
    void sparkWritesTheSameRunFolderAsTheLocalEngine() throws IOException {
        assertThat(PlanEngines.find("spark")).isInstanceOf(SparkEngine.class);
        Path local = UnitsFixture.write(dir, "runs-local/");
        Path spark = UnitsFixture.plan(dir, "plan-spark.yaml", "runs-spark/");
        PlanRun.Outcome a = PlanRun.run(local, RUN, false, new EngineOptions("local", 2, null), s -> { });
        PlanRun.Outcome b = PlanRun.run(spark, RUN, false, new EngineOptions("spark", 0, "local[2]"), s -> { });
        assertThat(b.units().cost()).isEqualTo(a.units().cost());
        // the forecast of each unit's series (one channel each here) ran as Spark tasks of its own
        assertThat(Files.readString(b.runDir().resolve("run.log"))).contains("engine spark (local[2])")
                .contains("spark: 2 series tasks (forecast), then 2 unit tasks (schedule)")
                .contains("spark: 2 series forecast");
        // forecast.csv and summary.json's forecast methods and reasons included: the assembled forecast is the one
        // the local engine made in one piece
        UnitsFixture.assertSameRun(a.runDir(), b.runDir());
    }

    @Test
    void aUnitsInputErrorComesBackFromItsTaskAsAnInputError() throws IOException {
        Path plan = UnitsFixture.write(dir, "runs/");
        UnitsFixture.southOwn(dir, "rules", "min_rest_hours: 11", "min_rest_hours: eleven");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanRun.run(plan, RUN, false,
                        new EngineOptions("spark", 0, "local[1]"), s -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining("rules.yaml")
                .hasMessageContaining("min_rest_hours");
        assertThat(dir.resolve("runs/2026-01-07")).doesNotExist();
    }
}
