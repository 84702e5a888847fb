package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.WorkMode;

class SupplyTest {
    static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    static Agent agent(String id, Map<String, Double> skills, double min, double max, double hourly) {
        return new Agent(id, id, "london", WorkMode.ONSITE, Employment.FULL_TIME, skills, Map.of(), min, max, hourly,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0));
    }

    @Test
    void anAgentIsSplitByTheRequiredHoursOfItsSkilledChannels() {
        // voice requires 300 h, chat 100 h, email 50 h: a voice and chat agent gives 3/4 to voice and 1/4 to chat
        Supply s = new Supply(List.of("voice", "chat", "email"), Map.of("voice", 300.0, "chat", 100.0, "email", 50.0),
                MONDAY, 3, 37.5, Attrition.uniform(0), new HireCurve(0, 0));
        // 35-40 hours: 37.5 counted, one FTE; 14.00 an hour → 525.00 a week
        s.addAgent(agent("A1", Map.of("voice", 1.0, "chat", 0.5), 35, 40, 14.0));
        assertThat(s.flow("voice").effectiveFte()[0]).isCloseTo(0.75, within(1e-12));
        assertThat(s.flow("chat").effectiveFte()[0]).isCloseTo(0.125, within(1e-12)); // 1/4 × proficiency 0.5
        assertThat(s.flow("chat").paidFte()[2]).isCloseTo(0.25, within(1e-12));
        assertThat(s.flow("email").effectiveFte()[0]).isZero();
        assertThat(s.flow("voice").wages()[1]).isCloseTo(525.0 * 0.75, within(1e-9));
    }

    @Test
    void attritionThinsTodaysAgentsWeekByWeek() {
        Supply s = new Supply(List.of("voice"), Map.of("voice", 1.0), MONDAY, 5, 40, Attrition.uniform(0.10),
                new HireCurve(0, 0));
        for (int i = 0; i < 10; i++) {
            s.addAgent(agent("A" + i, Map.of("voice", 1.0), 40, 40, 10));
        }
        double q = Math.pow(0.9, 12.0 / 52); // 0.97598...
        for (int w = 0; w < 5; w++) {
            assertThat(s.flow("voice").effectiveFte()[w]).isCloseTo(10 * Math.pow(q, w), within(1e-9));
            assertThat(s.flow("voice").leavers()[w]).isCloseTo(10 * Math.pow(q, w) * (1 - q), within(1e-9));
        }
    }

    @Test
    void aClassTrainsThenRampsUpWhileItsMembersLeave() {
        // class of 4 starting in week 1; 1 week of training, ramp over 2 weeks; 5 % a month
        Supply s = new Supply(List.of("chat"), Map.of("chat", 1.0), MONDAY, 6, 40, Attrition.uniform(0.05),
                new HireCurve(1, 2));
        s.addClass(new HireClass(MONDAY.plusWeeks(1).plusDays(2), 4, Map.of("chat", 0.8), false), 12.0);
        double q = Math.pow(0.95, 12.0 / 52);
        double[] productive = {0, 0, 0.5, 1, 1, 1}; // week 1 training, week 2 half, week 3 on full
        for (int w = 0; w < 6; w++) {
            double present = w < 1 ? 0 : 4 * Math.pow(q, w - 1);
            assertThat(s.flow("chat").effectiveFte()[w]).as("week %d", w)
                    .isCloseTo(present * productive[w] * 0.8, within(1e-9));
            assertThat(s.flow("chat").wages()[w]).isCloseTo(present * 40 * 12.0, within(1e-9));
        }
    }

    /**
     * By hand: the same voice and chat agent with a 7.5-hour day of leave in week 1: 7.5 / 37.5 = 0.2 FTE less that
     * week, 3/4 of it on voice (0.75 → 0.6) and 1/4 × proficiency 0.5 on chat (0.125 → 0.1); paid FTE and wages
     * unchanged (leave is paid); leave after the plan's weeks is ignored.
     */
    @Test
    void plannedLeaveTakesItsHoursOutOfItsWeek() {
        Supply s = new Supply(List.of("voice", "chat"), Map.of("voice", 300.0, "chat", 100.0), MONDAY, 3, 37.5,
                Attrition.uniform(0), new HireCurve(0, 0));
        Agent a = agent("A1", Map.of("voice", 1.0, "chat", 0.5), 35, 40, 14.0);
        s.addAgent(a);
        s.addLeave(a, MONDAY.plusDays(9), 7.5);
        s.addLeave(a, MONDAY.plusWeeks(5), 7.5);
        assertThat(s.flow("voice").effectiveFte()[0]).isCloseTo(0.75, within(1e-12));
        assertThat(s.flow("voice").effectiveFte()[1]).isCloseTo(0.6, within(1e-12));
        assertThat(s.flow("chat").effectiveFte()[1]).isCloseTo(0.1, within(1e-12));
        assertThat(s.flow("voice").paidFte()[1]).isCloseTo(0.75, within(1e-12));
        assertThat(s.flow("voice").effectiveFte()[2]).isCloseTo(0.75, within(1e-12));
    }
}
