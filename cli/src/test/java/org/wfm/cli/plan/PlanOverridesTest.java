package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/** {@code plan --overrides} and plan.yaml {@code overrides:}: the night's forecast with planners' changes on top. */
class PlanOverridesTest {
    @TempDir
    Path dir;

    @Test
    void theNightsForecastCarriesTheOverridesAndRecordsTheFile() throws Exception {
        Path plan = PlanFixture.write(dir.resolve("centre"));
        Path overrides = Files.writeString(dir.resolve("overrides.csv"),
                "channel,start,end,factor,reason\nvoice,2026-01-13,2026-01-13,2,mailing\n");
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07", "--overrides",
                overrides.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Path run = plan.resolveSibling("runs").resolve("2026-01-07");
        assertThat(r.err()).contains("override voice 2026-01-13T00:00 to 2026-01-14T00:00 x2 (mailing)");
        assertThat(Files.readString(run.resolve("run.log"))).contains("override voice 2026-01-13T00:00");
        assertThat(Files.readString(run.resolve("summary.json"))).contains(overrides.getFileName().toString());
        // Tuesday the 13th against Wednesday the 14th, alike in the history: about twice as many
        double wednesday = 0;
        double tuesday = 0;
        for (String line : Files.readAllLines(run.resolve("forecast.csv"))) {
            String[] f = line.split(",");
            if (f[1].equals("voice") && f[0].startsWith("2026-01-14")) {
                wednesday += Double.parseDouble(f[2]);
            } else if (f[1].equals("voice") && f[0].startsWith("2026-01-13")) {
                tuesday += Double.parseDouble(f[2]);
            }
        }
        assertThat(tuesday).isGreaterThan(1.8 * wednesday).isLessThan(2.2 * wednesday);
    }

    @Test
    void aBadOverrideIsAnInputErrorBeforeAnyRun() throws Exception {
        Path plan = PlanFixture.write(dir.resolve("centre"));
        Path overrides = Files.writeString(dir.resolve("overrides.csv"),
                "channel,start,end,factor,reason\nvoise,2026-01-13,2026-01-13,2,mailing\n");
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07", "--overrides",
                overrides.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("overrides.csv line 2, column channel: channel `voise`");
        assertThat(plan.resolveSibling("runs").resolve("2026-01-07")).doesNotExist();
    }
}
