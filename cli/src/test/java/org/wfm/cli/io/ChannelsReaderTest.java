package org.wfm.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.staffing.ChannelPlan;

class ChannelsReaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) {
        return Inputs.write(dir, "channels.yaml", text);
    }

    private InputException bad(String text) {
        Path p = yaml(text);
        return failing(() -> ChannelsReader.read(p));
    }

    @Test
    void defaultsAreTheSystemZoneFifteenMinutesAndNoShrinkage() {
        ChannelPlan plan = ChannelsReader.read(yaml("channels:\n  email: {kind: deferred, response_hours: 8, aht_seconds: 60}\n"));
        assertEquals(ZoneId.systemDefault(), plan.zone());
        assertEquals(15, plan.intervalMinutes());
        assertEquals(0.0, plan.shrinkage());
        assertEquals(0.0, plan.channels().get(0).shrinkage());
    }

    @Test
    void planZoneIsTheDefaultWhenChannelsYamlHasNone() {
        Path p = yaml("channels:\n  email: {kind: deferred, response_hours: 8, aht_seconds: 60}\n");
        assertEquals(ZoneId.of("Asia/Tokyo"), ChannelsReader.read(p, ZoneId.of("Asia/Tokyo"), new Notes()).zone());
    }

    @Test
    void aliasesAreRefused() {
        InputException e = bad("x: &v 0.2\nshrinkage: *v\nchannels:\n  e: {kind: deferred, response_hours: 8, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 2, "shrinkage", "YAML aliases (*v) are not supported");
    }

    @Test
    void bomAndCrlfAreRead() {
        byte[] body = ("timezone: UTC\r\ninterval_minutes: 30\r\nchannels:\r\n  voice:\r\n    kind: immediate\r\n"
                + "    service_level: 0.9\r\n    answer_seconds: 15\r\n    aht_seconds: 240\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ChannelPlan plan = ChannelsReader.read(Inputs.write(dir, "channels.yaml", withBom));
        assertEquals(ZoneId.of("UTC"), plan.zone());
        assertEquals(30, plan.intervalMinutes());
        assertEquals(240, plan.channels().get(0).ahtSeconds());
    }

    @Test
    void crlfLinesAreCountedOnce() {
        InputException e = bad("timezone: UTC\r\n\r\nchannels:\r\n  voice:\r\n    kind: immediate\r\n"
                + "    service_level: 0.8\r\n    answer_seconds: -20\r\n    aht_seconds: 240\r\n");
        assertProblem(e, dir.resolve("channels.yaml"), 7, "channels.voice.answer_seconds",
                "-20 is out of range (expected at least 0 and at most 86400)");
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.yaml");
        assertProblem(failing(() -> ChannelsReader.read(p)), p, 0, null, "file not found");
    }

    @Test
    void folderInsteadOfFile() {
        assertProblem(failing(() -> ChannelsReader.read(dir)), dir, 0, null, "is a folder");
    }

    @Test
    void emptyFile() {
        Path p = yaml("");
        assertProblem(failing(() -> ChannelsReader.read(p)), p, 0, null, "is empty");
    }

    @Test
    void onlyComments() {
        Path p = yaml("# nothing yet\n\n");
        assertProblem(failing(() -> ChannelsReader.read(p)), p, 0, null, "has no settings");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() {
        Path p = yaml("channels:\n  voice: {kind: immediate, aht_seconds: 300\n  chat: {kind: concurrent}\n");
        InputException e = failing(() -> ChannelsReader.read(p));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).message().startsWith("YAML syntax error"), e.getMessage());
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
    }

    @Test
    void tabIndentationIsExplained() {
        Path p = yaml("channels:\n\tvoice: {kind: immediate}\n");
        InputException e = failing(() -> ChannelsReader.read(p));
        assertProblem(e, p, 2, "1", "spaces, not tabs");
    }

    @Test
    void misspeltKeyGetsSuggestion() {
        InputException e = bad("channels:\n  voice:\n    kind: immediate\n    servce_level: 0.8\n"
                + "    answer_seconds: 20\n    aht_seconds: 300\n");
        Path p = dir.resolve("channels.yaml");
        assertProblem(e, p, 4, "channels.voice.servce_level", "unknown key `servce_level` (did you mean `service_level`?)");
        // The misspelt key also leaves the required one missing, reported at the channel.
        assertProblem(e, p, 2, "channels.voice.service_level", "missing");
    }

    @Test
    void misspeltTopLevelKey() {
        InputException e = bad("intervall_minutes: 15\nchannels:\n  e: {kind: deferred, response_hours: 8, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 1, "intervall_minutes", "did you mean `interval_minutes`?");
    }

    @Test
    void immediateChannelNeedsAht() {
        InputException e = bad("channels:\n  voice: {kind: immediate, service_level: 0.8, answer_seconds: 20}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 2, "channels.voice.aht_seconds", "missing (average handling time");
    }

    @Test
    void concurrentChannelNeedsConcurrencyOfAtLeastOne() {
        InputException e = bad("channels:\n  chat:\n    kind: concurrent\n    concurrency: 0\n    service_level: 0.8\n"
                + "    answer_seconds: 60\n    aht_seconds: 900\n");
        assertProblem(e, dir.resolve("channels.yaml"), 4, "channels.chat.concurrency", "0 is out of range (expected at least 1 and at most 50)");
    }

    @Test
    void deferredChannelNeedsResponseHoursAndRejectsServiceLevel() {
        InputException e = bad("channels:\n  email:\n    kind: deferred\n    aht_seconds: 420\n    service_level: 0.8\n");
        Path p = dir.resolve("channels.yaml");
        assertProblem(e, p, 2, "channels.email.response_hours", "a deferred channel needs");
        assertProblem(e, p, 5, "channels.email.service_level", "does not apply to a deferred channel");
    }

    @Test
    void shrinkageOfOneIsOutOfRange() {
        InputException e = bad("shrinkage: 1.0\nchannels:\n  e: {kind: deferred, response_hours: 8, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 1, "shrinkage", "1 is out of range (expected at least 0 and less than 1)");
    }

    @Test
    void intervalMustDivideAnHour() {
        InputException e = bad("interval_minutes: 45\nchannels:\n  e: {kind: deferred, response_hours: 8, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 1, "interval_minutes", "45 is not allowed (expected 5, 10, 15, 30 or 60)");
    }

    @Test
    void unknownTimeZoneGetsSuggestion() {
        InputException e = bad("timezone: Europe/Londn\nchannels:\n  e: {kind: deferred, response_hours: 8, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 1, "timezone", "did you mean `Europe/London`?");
    }

    @Test
    void decimalCommaIsExplained() {
        InputException e = bad("channels:\n  voice: {kind: immediate, service_level: '0,8', answer_seconds: 20, aht_seconds: 300}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 2, "channels.voice.service_level", "use a dot for decimals");
    }

    @Test
    void serviceLevelAndOccupancyAreSharesLikeEverywhere() {
        for (String sl : new String[] {"0.8", "80", "80%", "'80 %'"}) {
            ChannelPlan plan = ChannelsReader.read(yaml("channels:\n  voice: {kind: immediate, service_level: " + sl
                    + ", max_occupancy: 85%, answer_seconds: 20, aht_seconds: 300}\n"));
            assertEquals(0.8, plan.channels().get(0).serviceLevel(), 1e-12, sl);
            assertEquals(0.85, plan.channels().get(0).maxOccupancy(), 1e-12, sl);
        }
        InputException e = bad("channels:\n  voice: {kind: immediate, service_level: 100%, answer_seconds: 20, aht_seconds: 300}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 2, "channels.voice.service_level", "out of range");
    }

    @Test
    void unknownKindListsTheKinds() {
        InputException e = bad("channels:\n  voice: {kind: instant, aht_seconds: 300}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 2, "channels.voice.kind",
                "\"instant\" is not allowed (expected one of: immediate, concurrent, deferred)");
    }

    @Test
    void duplicateChannel() {
        InputException e = bad("channels:\n  e: {kind: deferred, response_hours: 8, aht_seconds: 60}\n"
                + "  e: {kind: deferred, response_hours: 4, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 3, "channels.e", "appears twice (also on line 2)");
    }

    @Test
    void channelNameWithSeparatorIsRejected() {
        InputException e = bad("channels:\n  'back:office': {kind: deferred, response_hours: 8, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 2, "channels.back:office",
                "channel name `back:office` contains `:` (agents.csv lists skills as voice:1.0;chat:0.7, so a channel"
                        + " name may not contain `:`, `;` or `,`)");
    }

    @Test
    void channelNameWithSpacesIsAcceptedAsForecastAcceptsIt() {
        ChannelPlan plan = ChannelsReader.read(yaml("channels:\n  Sales UK: {kind: deferred, response_hours: 8,"
                + " aht_seconds: 60}\n"));
        assertEquals("Sales UK", plan.channels().get(0).name());
    }

    @Test
    void channelNamesThatAgreeIgnoringCaseAndSpacesAreOneChannelTwice() {
        InputException e = bad("channels:\n  Sales UK: {kind: deferred, response_hours: 8, aht_seconds: 60}\n"
                + "  sales uk: {kind: deferred, response_hours: 4, aht_seconds: 60}\n");
        assertProblem(e, dir.resolve("channels.yaml"), 3, "channels.sales uk",
                "channel `sales uk` is channel `Sales UK` of line 2 written differently");
    }

    @Test
    void topLevelListIsNotSettings() {
        InputException e = bad("- voice\n- chat\n");
        assertProblem(e, dir.resolve("channels.yaml"), 1, null, "expected settings as `key: value` lines");
    }

    @Test
    void binaryGarbage() {
        Path p = Inputs.write(dir, "channels.yaml", new byte[] {'a', ':', ' ', 1, 0, (byte) 0x9F, 0x10});
        assertProblem(failing(() -> ChannelsReader.read(p)), p, 1, null, "binary data");
    }

    @Test
    void everyProblemOfTheFileAtOnce() {
        InputException e = bad("interval_minutes: 7\nshrinkage: -0.1\nchannels:\n  voice: {kind: immediate}\n");
        // interval, shrinkage, and voice's three missing keys
        assertEquals(5, e.problems().size(), e.getMessage());
    }
}
