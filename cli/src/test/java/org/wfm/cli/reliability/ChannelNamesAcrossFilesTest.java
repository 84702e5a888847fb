package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wfm.cli.reliability.Fixtures.assertOneCleanMessage;
import static org.wfm.cli.reliability.Fixtures.write;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * Channel names across files, run through the real commands: a channel missing from channels.yaml, a channel with
 * demand and no skilled agent, a skill without demand, and spellings that differ only in case and spaces.
 */
class ChannelNamesAcrossFilesTest {
    @TempDir
    Path dir;

    private static final String FORECAST_HEADER = "interval_start,channel,volume,volume_lower,volume_upper,aht_seconds\n";

    private static String forecast(String... channels) {
        StringBuilder sb = new StringBuilder(FORECAST_HEADER);
        for (int m = 8 * 60; m < 10 * 60; m += 15) {
            for (String ch : channels) {
                sb.append("2025-02-10T").append(String.format("%02d:%02d", m / 60, m % 60)).append(',').append(ch)
                        .append(",12,10,14,300\n");
            }
        }
        return sb.toString();
    }

    private Run requirements(String channelsYaml, String forecastCsv) {
        Path ch = write(dir, "channels.yaml", channelsYaml);
        Path fc = write(dir, "forecast.csv", forecastCsv);
        return WfmRunner.run("requirements", "--forecast", fc.toString(), "--channels", ch.toString(), "--out",
                dir.resolve("requirements.csv").toString());
    }

    @Test
    void forecastChannelMissingFromChannelsIsNamedOnceWithTheNearMatch() {
        Run r = requirements(Fixtures.CHANNELS, forecast("voice", "chatt"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertOneCleanMessage(r);
        assertThat(r.err()).contains("wfm: forecast.csv line 3, column channel: channel `chatt` is not in "
                + dir.resolve("channels.yaml") + " (did you mean `chat`?); 8 rows name it\n");
        assertThat(dir.resolve("requirements.csv")).doesNotExist();
    }

    @Test
    void aNameWrittenWithoutItsSpaceOrWithAnUnderscoreSuggestsTheSpelledOne() {
        String channels = Fixtures.CHANNELS.replace("  chat: ", "  Sales UK: ");
        Run r = requirements(channels, forecast("voice", "sales_uk"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("channel `sales_uk` is not in " + dir.resolve("channels.yaml")
                + " (did you mean `Sales UK`? names must agree apart from case and surrounding spaces); 8 rows name it");
    }

    @Test
    void queueWithSpacesAndAnotherCaseIsOneChannelWithANote() throws Exception {
        String channels = Fixtures.CHANNELS.replace("  chat: ", "  Sales UK: ");
        Run r = requirements(channels, forecast("voice", " SALES uk"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("note: forecast.csv line 3, column channel: `SALES uk` is read as channel"
                + " `Sales UK` of " + dir.resolve("channels.yaml")
                + " (channel names are compared ignoring case and surrounding spaces)");
        String out = Files.readString(dir.resolve("requirements.csv"));
        assertThat(out).contains(",Sales UK,").doesNotContain("SALES");
    }

    @Test
    void channelNameWithASkillSeparatorIsRefusedByChannelsYaml() {
        Run r = requirements(Fixtures.CHANNELS.replace("  chat: ", "  'chat;uk': "), forecast("voice"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("column channels.chat;uk: channel name `chat;uk` contains `;` (agents.csv lists"
                + " skills as voice:1.0;chat:0.7, so a channel name may not contain `:`, `;` or `,`)");
    }

    @Test
    void demandWithoutASkilledAgentExits3NamingBothFiles() {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir);
        // every agent is skilled for chat only: voice's demand would go unanswered
        write(dir, "agents.csv", Fixtures.AGENTS.replaceAll("voice:[0-9.]+;?", "").replace("london,hybrid,part-time,,", "london,hybrid,part-time,chat,"));
        Path out = dir.resolve("run");
        Run r = WfmRunner.run(f.args(out, "--time-limit", "2s"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertOneCleanMessage(r);
        assertThat(r.err()).contains("wfm: " + f.agents() + " column skills: no agent is skilled for channel `voice`,"
                + " which needs 168.0 staff-hours in " + f.requirements() + " within the horizon (its contacts would go"
                + " unanswered; expected at least one agent with a skill such as voice:1.0, or no demand for it)");
        assertThat(r.out()).doesNotContain("every interval covered");
        assertThat(out).doesNotExist();
    }

    @Test
    void skillWithoutDemandWarnsNamingTheAgentsAndRespelledSkillsAreNoted() {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir);
        // demand for voice only; skills written `Voice `
        write(dir, "requirements.csv", Fixtures.requirements().lines().filter(l -> !l.contains(",chat,"))
                .reduce("", (a, b) -> a + b + "\n"));
        write(dir, "agents.csv", Fixtures.AGENTS.replace("voice:1.0;chat:0.7", "\"Voice :1.0;chat:0.7\""));
        Run r = WfmRunner.run(f.args(dir.resolve("run"), "--time-limit", "2s"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("note: " + f.agents() + " line 2, column skills: `Voice` is read as channel"
                + " `voice` of channels.yaml (channel names are compared ignoring case and surrounding spaces)");
        assertThat(r.err()).contains("warning: " + f.agents() + ": 3 agents have a skill for channel `chat` (`A1`,"
                + " `A3`, `A4`), which has no demand in " + f.requirements() + " within the horizon; 1 of them have no"
                + " skill with demand and are paid their minimum hours with no contacts to handle");
    }

    @Test
    void skillsThatAgreeByKeyAreOneChannelAndTheSameSkillTwiceIsRefused() {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir);
        write(dir, "agents.csv", Fixtures.AGENTS.replace("voice:1.0;chat:0.7", "voice:1.0;VOICE:0.7"));
        Run r = WfmRunner.run(f.args(dir.resolve("run"), "--time-limit", "2s"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("channel `voice` is listed twice");
    }
}
