package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * The history's channel names against channels.yaml in {@code wfm plan}: the same name in another case is the same
 * channel (forecast, scheduled and written as channels.yaml spells it, with a note), never a queue dropped; a name
 * channels.yaml lacks is an error naming both files and the near match, before any forecasting.
 */
class PlanChannelNamesTest {
    @TempDir
    Path dir;

    @Test
    void historyChannelInAnotherCaseIsChannelsYamlsChannel() throws Exception {
        Path plan = PlanFixture.write(dir);
        PlanFixture.write(dir.resolve("channels.yaml"), Files.readString(dir.resolve("channels.yaml"))
                .replace("  voice:", "  Voice:"));
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("note: " + dir.resolve("history.csv") + " column channel: `voice` is read as"
                + " channel `Voice` of " + dir.resolve("channels.yaml")
                + " (channel names are compared ignoring case and surrounding spaces)");
        Path run = dir.resolve("runs").resolve("2026-01-07");
        assertThat(Files.readString(run.resolve("forecast.csv"))).contains(",Voice,").doesNotContain(",voice,");
        assertThat(Files.readString(run.resolve("schedule.csv"))).contains(",work,Voice,");
    }

    @Test
    void historyChannelMissingFromChannelsYamlExits3NamingBothFiles() throws Exception {
        Path plan = PlanFixture.write(dir);
        PlanFixture.write(dir.resolve("history.csv"), Files.readString(dir.resolve("history.csv"))
                .replace(",voice,", ",voise,"));
        Run r = WfmRunner.run("plan", "--config", plan.toString(), "--date", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("wfm: " + dir.resolve("history.csv") + " column channel: channel `voise` is not"
                + " in " + dir.resolve("channels.yaml") + " (did you mean `voice`?) (expected every channel of the"
                + " history in " + dir.resolve("channels.yaml") + ", whose settings its requirements need)");
        assertThat(dir.resolve("runs").resolve("2026-01-07")).doesNotExist();
    }
}
