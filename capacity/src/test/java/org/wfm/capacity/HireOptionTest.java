package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;

class HireOptionTest {
    static final List<String> CHANNELS = List.of("voice", "chat", "email");

    /**
     * By hand: voice-only agents at 12 and 14 (median 13), chat-only at 11, voice+chat at 15 and 16 (15.50), nobody
     * with e-mail alone, one voice+chat+email agent (so voice+email and chat+email are combined today too).
     */
    static List<Agent> agents() {
        return List.of(SupplyTest.agent("V1", Map.of("voice", 1.0), 35, 40, 12),
                SupplyTest.agent("V2", Map.of("voice", 0.9, "email", 0.0), 35, 40, 14),
                SupplyTest.agent("C1", Map.of("chat", 1.0), 35, 40, 11),
                SupplyTest.agent("VC1", Map.of("voice", 1.0, "chat", 0.8), 35, 40, 15),
                SupplyTest.agent("VC2", Map.of("voice", 1.0, "chat", 0.8), 35, 40, 16),
                SupplyTest.agent("ALL", Map.of("voice", 1.0, "chat", 0.5, "email", 0.5), 35, 40, 20));
    }

    @Test
    void wagesComeFromTodaysAgentsWithTheSameSkillsElseTheDearestChannel() {
        List<HireOption> o = HireOption.candidates(CHANNELS, agents(), true, null, 13.5);
        assertThat(o).containsExactly(new HireOption(Map.of("voice", 1.0), 13), new HireOption(Map.of("chat", 1.0), 11),
                // nobody has e-mail alone: the median of all agents, the fallback
                new HireOption(Map.of("email", 1.0), 13.5),
                new HireOption(Map.of("voice", 1.0, "chat", 1.0), 15.5),
                // nobody has exactly voice and e-mail: the dearer of voice (13) and e-mail (13.5)
                new HireOption(Map.of("voice", 1.0, "email", 1.0), 13.5),
                new HireOption(Map.of("chat", 1.0, "email", 1.0), 13.5));
    }

    @Test
    void onlyPairsThatTodaysAgentsCombineAreOffered() {
        List<Agent> agents = agents().subList(0, 5); // without the agent of all three channels
        assertThat(HireOption.candidates(CHANNELS, agents, true, null, 13.5)).extracting(HireOption::name)
                .containsExactly("voice", "chat", "email", "chat+voice");
        assertThat(HireOption.candidates(CHANNELS, agents, false, null, 13.5)).extracting(HireOption::name)
                .containsExactly("voice", "chat", "email");
        // --hire-hourly-cost: one wage for every set
        assertThat(HireOption.candidates(CHANNELS, agents, true, 12.0, 13.5)).extracting(HireOption::hourlyCost)
                .containsOnly(12.0);
    }

    @Test
    void aSecondSkillTrainsOneWeekLonger() {
        HireCurve c = new HireCurve(4, 8);
        assertThat(c.forSkills(1)).isEqualTo(c);
        assertThat(c.forSkills(2).trainingWeeks()).isEqualTo(5);
        assertThat(c.forSkills(2).productivity(4)).isZero();
        assertThat(c.forSkills(2).productivity(5)).isEqualTo(1.0 / 8);
        assertThat(new HireCurve(4, 8, 2).forSkills(3).trainingWeeks()).isEqualTo(8);
    }
}
