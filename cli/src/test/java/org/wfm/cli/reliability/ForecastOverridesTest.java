package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/** {@code forecast --overrides}: planners' campaigns and closures on top of the statistical forecast. */
class ForecastOverridesTest {
    @TempDir
    Path dir;

    private Run forecast(Path history, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("forecast", "--history", history.toString(),
                "--horizon-days", "3", "--timezone", "Europe/London", "--method", "weekday-average", "--out",
                dir.resolve(out + "/forecast.csv").toString()));
        args.addAll(List.of(extra));
        return WfmRunner.run(args.toArray(String[]::new));
    }

    /** Volume per channel and day from forecast.csv. */
    private static Map<String, Double> byDay(Path forecast) throws Exception {
        Map<String, Double> sums = new HashMap<>();
        for (String line : Files.readAllLines(forecast).subList(1, Files.readAllLines(forecast).size())) {
            String[] f = line.split(",");
            sums.merge(f[0].substring(0, 10) + " " + f[1], Double.parseDouble(f[2]), Double::sum);
        }
        return sums;
    }

    @Test
    void aFactorAndAVolumeChangeOnlyTheirPeriodAndAreReported() throws Exception {
        Path h = Fixtures.write(dir, "in/history.csv", Fixtures.history());
        Path o = Fixtures.write(dir, "in/overrides.csv", """
                channel,start,end,factor,volume,reason
                Voice,2025-02-11,2025-02-11,1.5,,mailing
                chat,2025-02-12T08:00,2025-02-12T20:00,,500,pop-up
                chat,2026-06-01,2026-06-02,2,,old campaign
                """);
        Run plain = forecast(h, "plain");
        assertThat(plain.code()).as(plain.toString()).isZero();
        Run with = forecast(h, "with", "--overrides", o.toString());
        assertThat(with.code()).as(with.toString()).isZero();
        Map<String, Double> before = byDay(dir.resolve("plain/forecast.csv"));
        Map<String, Double> after = byDay(dir.resolve("with/forecast.csv"));
        assertThat(after.get("2025-02-11 voice")).isCloseTo(1.5 * before.get("2025-02-11 voice"), within(0.05));
        assertThat(after.get("2025-02-10 voice")).isEqualTo(before.get("2025-02-10 voice"));
        assertThat(after.get("2025-02-12 chat")).isCloseTo(500, within(0.05));
        assertThat(after.get("2025-02-11 chat")).isEqualTo(before.get("2025-02-11 chat"));
        assertThat(with.out()).contains("override voice 2025-02-11T00:00 to 2025-02-12T00:00 x1.5 (mailing)")
                .contains("-> 500.0 contacts");
        // a past campaign left in the file is a warning, not silence
        assertThat(with.err()).contains("overrides.csv line 4: chat").contains("covers no interval");
    }

    @Test
    void mistakesAreInputErrorsNamingTheLineAndNothingIsWritten() {
        Path h = Fixtures.write(dir, "in/history.csv", Fixtures.history());
        String[][] cases = {
            {"channel,start,end,factor,reason\nvoise,2025-02-11,2025-02-11,1.5,x\n",
                "line 2, column channel: channel `voise` is not in history.csv (did you mean `voice`?)"},
            {"channel,start,end,factor,reason\nvoice,2025-02-11,2025-02-11,1.5,x\nvoice,2025-02-11T10:00,"
                + "2025-02-11T11:00,2,y\n", "line 3, column start: overlaps line 2"},
            {"channel,start,end,factor,volume,reason\nvoice,2025-02-11,2025-02-11,1.5,100,x\n",
                "both factor and volume are given"},
            {"channel,start,end,reason\nvoice,2025-02-11,2025-02-11,x\n", "neither factor nor volume"},
            {"channel,start,end,factor,reason\nvoice,2025-02-11,2025-02-11,1e6,x\n",
                "column factor: 1000000 is out of range (expected at least 0 and at most 100)"},
            {"channel,start,end,factor,reason\nvoice,2025-02-12,2025-02-11,2,x\n", "is not after start"},
            {"channel,start,end,factor,reason\nvoice,2025-02-11,2025-02-11,2,\n", "column reason: is empty"},
        };
        int i = 0;
        for (String[] c : cases) {
            Path o = Fixtures.write(dir, "bad" + i + "/overrides.csv", c[0]);
            Run r = forecast(h, "out" + i, "--overrides", o.toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).as(c[0]).contains(c[1]).doesNotContain("Exception");
            assertThat(dir.resolve("out" + i)).doesNotExist();
            i++;
        }
    }
}
