package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * Ids compared as {@link org.wfm.forecast.io.Ids} does (NFKC, trimmed, case-folded) in every reader where a name is
 * an id: a duplicate is refused naming both lines, a reference finds its target whatever its spelling.
 */
class LookAlikeIdsTest {
    @TempDir
    Path dir;
    private final ChannelPlan channels = ChannelsReader.read(Inputs.resource("channels.yaml"));
    private final Rules rules = RulesReader.read(Inputs.resource("rules.yaml"));

    private Path agents(String... rows) {
        return Inputs.write(dir, "agents.csv", AgentsReaderTest.HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    @Test
    void everySpellingOfAnAgentIdIsOneAgent() {
        for (String twin : List.of("a1", "A1\u00A0", "\uFF21\uFF11", " a1 ")) {
            Path p = agents(AgentsReaderTest.GOOD, AgentsReaderTest.GOOD.replaceFirst("A1,", twin + ","));
            InputException e = failing(() -> AgentsReader.read(p, channels, rules));
            assertProblem(e, p, 3, "agent_id", "is already used on line 2");
        }
    }

    @Test
    void anInvisibleCharacterInAnIdIsRefused() {
        Path p = agents(AgentsReaderTest.GOOD.replaceFirst("A1,", "A\u200B1,"));
        assertProblem(failing(() -> AgentsReader.read(p, channels, rules)), p, 2, "agent_id", "U+200B");
    }

    @Test
    void skillsAndSitesFindTheirChannelAndSiteWhateverTheCase() {
        Path p = agents(AgentsReaderTest.GOOD.replace("voice:1.0;chat:0.7", "Voice:1.0;ＣＨＡＴ:0.7")
                .replace(",london,", ",London,"));
        Agent a = AgentsReader.read(p, channels, rules).get(0);
        assertThat(a.skills()).containsOnlyKeys("voice", "chat");
        assertThat(a.site()).isEqualTo("london");
    }

    @Test
    void aSkillListedTwiceInTwoSpellingsIsListedTwice() {
        Path p = agents(AgentsReaderTest.GOOD.replace("voice:1.0;chat:0.7", "voice:1.0;VOICE:0.5"));
        assertProblem(failing(() -> AgentsReader.read(p, channels, rules)), p, 2, "skills", "listed twice");
    }

    @Test
    void timeOffFindsItsAgentAndIsWrittenAsAgentsCsvSpellsIt() {
        Path p = Inputs.write(dir, "timeoff.csv", "agent_id,date,start,end,reason\na1,2026-01-06,,,leave\n"
                + "\uFF21\uFF11,2026-01-07,,,leave\n");
        Notes notes = new Notes();
        List<TimeOff> off = TimeOffReader.read(p, Set.of("A1", "B2"), notes);
        assertThat(off).extracting(TimeOff::agentId).containsExactly("A1", "A1");
        assertThat(String.join("\n", notes.list())).contains("`a1` read as agent `A1`");
    }

    @Test
    void twoSpellingsOfAChannelOrASiteAreRefusedNamingBothLines() {
        Path ch = Inputs.write(dir, "channels.yaml", "channels:\n"
                + "  voice: {kind: immediate, service_level: 0.8, answer_seconds: 20, aht_seconds: 300}\n"
                + "  Voice: {kind: immediate, service_level: 0.8, answer_seconds: 20, aht_seconds: 300}\n");
        assertProblem(failing(() -> ChannelsReader.read(ch)), ch, 3, "channels.Voice", "line 2");
        Path ru = Inputs.write(dir, "rules.yaml", "sites: {london: {seats: 3}, LONDON: {seats: 4}}\n");
        assertProblem(failing(() -> RulesReader.read(ru)), ru, 1, "sites.LONDON", "site `london` of line 1");
    }
}
