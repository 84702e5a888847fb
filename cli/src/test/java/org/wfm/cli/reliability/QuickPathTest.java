package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * forecast, backtest and requirements are answered before the Spring context starts: each call, good or bad, gives
 * the same exit code, stdout, stderr and files as through the shell ({@code wfm.quick=false}).
 */
class QuickPathTest {
    @TempDir
    Path dir;

    @Test
    void fileCommandsGiveTheSameResultOnBothPaths() throws Exception {
        Path h = Fixtures.write(dir, "in/history.csv", Fixtures.history());
        Path channels = Fixtures.write(dir, "in/channels.yaml", Fixtures.CHANNELS);
        Path bad = Fixtures.write(dir, "in/bad.csv", "interval_start,channel,volume\n2026-01-05T09:00,voice,ten\n");
        Path forecast = dir.resolve("out/forecast.csv");
        Path requirements = dir.resolve("out/requirements.csv");
        List<String[]> calls = List.of(
                new String[]{"forecast", "--history", h.toString(), "--horizon-days", "3", "--timezone",
                    "Europe/London", "--out", forecast.toString(), "--force"},
                new String[]{"requirements", "--forecast", forecast.toString(), "--channels", channels.toString(),
                    "--out", requirements.toString(), "--force"},
                new String[]{"backtest", "--history", h.toString(), "--horizon-days", "2", "--timezone",
                    "Europe/London"},
                new String[]{"forecast", "--history", bad.toString(), "--horizon-days", "3", "--out",
                    dir.resolve("other/never.csv").toString()},
                new String[]{"forecast", "--history", h.toString(), "--horizon-days", "0", "--out",
                    dir.resolve("other/never.csv").toString()});
        for (String[] call : calls) {
            Run quick = WfmRunner.run(call);
            byte[][] quickFiles = {read(forecast), read(requirements)};
            Run shell;
            System.setProperty("wfm.quick", "false");
            try {
                shell = WfmRunner.run(call);
            } finally {
                System.clearProperty("wfm.quick");
            }
            assertThat(quick.code()).as(quick + " vs " + shell).isEqualTo(shell.code());
            assertThat(withoutSeconds(quick.out())).as(call[0]).isEqualTo(withoutSeconds(shell.out()));
            // progress lines carry the clock and come from channels forecast in parallel: compared without their
            // time stamps and in sorted order
            assertThat(progress(quick.err())).as(call[0]).isEqualTo(progress(shell.err()));
            assertThat(read(forecast)).isEqualTo(quickFiles[0]);
            assertThat(read(requirements)).isEqualTo(quickFiles[1]);
        }
        assertThat(Files.exists(dir.resolve("other/never.csv"))).isFalse();
        Run again = WfmRunner.run(calls.get(3));
        assertThat(again.code()).as(again.toString()).isEqualTo(3);
    }

    /** backtest's last column is the wall-clock seconds of each method. */
    private static String withoutSeconds(String out) {
        return out.replaceAll("(?m)\\s+[0-9.]+$", "");
    }

    private static List<String> progress(String err) {
        return err.lines().map(l -> l.replaceFirst("^\\[[-0-9: ]+\\] ", "")).sorted().toList();
    }

    private static byte[] read(Path p) throws Exception {
        return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
    }
}
