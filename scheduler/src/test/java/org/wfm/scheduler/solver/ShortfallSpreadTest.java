package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Two channels peak together, each needing 4 agents from 08:00 to 12:00, and only 4 agents skilled for both can
 * work then. With the linear test curve a voice agent saves 15 late contacts an interval (60 offered) and a chat
 * agent 9 (36 offered), so late contacts alone put all four on voice and leave chat empty (36 late against 42
 * for 3 + 1). With the default spread (1) an interval with k agents on voice costs
 * 60(1−k/4) + 60(1−k/4)² + 36(k/4) + 36(k/4)² contacts: 72 at k = 4, 66 at k = 3, 72 at k = 2, so the
 * shortfall is shared: 3 on voice, 1 on chat.
 */
class ShortfallSpreadTest {

    private static final SolveOptions OPTIONS = new SolveOptions(Duration.ofSeconds(60), 1, 0, 3_000);

    private static ScheduleInput input(double spread) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(new Agent("a" + i, "a" + i, "london", WorkMode.ONSITE, Employment.FULL_TIME,
                    Map.of("voice", 1.0, "chat", 1.0), Map.of(), 0, 40, 20.0, EnumSet.allOf(DayOfWeek.class),
                    LocalTime.of(8, 0), LocalTime.of(12, 0)));
        }
        List<Requirement> reqs = new ArrayList<>();
        for (LocalDateTime t = TestData.MONDAY.atTime(8, 0); t.isBefore(TestData.MONDAY.atTime(12, 0));
             t = t.plusMinutes(15)) {
            reqs.add(new Requirement(t, "voice", 60, 300, 4, 4));
            reqs.add(new Requirement(t, "chat", 36, 900, 4, 4));
        }
        Rules base = TestData.rules(1, null);
        Rules rules = new Rules(base.horizon(), base.shifts(), null, base.training(), base.siteSeats(), base.costs(),
                new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5, spread));
        return new ScheduleInput(TestData.plan(TestData.voice(), TestData.chat()), reqs, agents, List.of(), rules,
                List.of(), TestData.LINEAR);
    }

    private static List<CoverageRow> peak(ScheduleOutcome out, String channel) {
        return out.coverage().stream().filter(r -> r.channel().equals(channel) && r.required() > 0).toList();
    }

    @Test
    void lateContactsAloneLeaveTheSmallerChannelEmpty() {
        ScheduleOutcome out = new ScheduleSolver().solve(input(0), OPTIONS, null);
        assertThat(peak(out, "chat")).hasSize(16).allSatisfy(r -> assertThat(r.scheduled()).isZero());
        assertThat(peak(out, "voice")).allSatisfy(r -> assertThat(r.scheduled()).isEqualTo(4.0));
    }

    @Test
    void spreadSharesTheShortfallBetweenChannels() {
        ScheduleOutcome out = new ScheduleSolver().solve(input(Rules.Objective.DEFAULT_SPREAD), OPTIONS, null);
        assertThat(out.summary().hardViolations()).isEmpty();
        assertThat(peak(out, "chat")).hasSize(16).allSatisfy(r -> assertThat(r.scheduled()).isEqualTo(1.0));
        assertThat(peak(out, "voice")).allSatisfy(r -> assertThat(r.scheduled()).isEqualTo(3.0));
    }
}
