package org.wfm.scheduler.solver.model;

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
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Up to three booked channel blocks per shift, cut only at pauses ({@link ShiftPattern#lateSplitOffset}): a shift
 * may switch booked channel twice, where blocks of at least {@link ChannelRedirect#MIN_BLOCK_MINUTES} allow it.
 */
class ChannelBlocksTest {
    private static final Rules RULES = TestData.rules(1, TestData.breaks());

    /** The generated 8-hour shift from 08:00 with its pauses where the generator puts them first. */
    private static ShiftPattern eightHours() {
        return ShiftRules.generate(RULES, 15).stream()
                .filter(p -> p.startMinute() == 8 * 60 && p.lengthMinutes() == 480).findFirst().orElseThrow();
    }

    @Test
    void theThirdBlockStartsAtTheLastPauseAfterTheLunch() {
        ShiftPattern p = eightHours();
        List<Pause> pauses = p.pauses();
        assertThat(pauses).hasSizeGreaterThanOrEqualTo(3);
        assertThat(p.splitOffset()).isEqualTo(pauses.stream().filter(Pause::lunch).findFirst().orElseThrow().offset());
        assertThat(p.lateSplitOffset()).isEqualTo(pauses.get(pauses.size() - 1).offset());
        assertThat(p.lateSplitOffset()).isGreaterThan(p.splitOffset());
    }

    /** The 30-minute rule: a pause cuts a third block only with half an hour of work on each side of it. */
    @Test
    void aThirdBlockNeedsHalfAnHourOfWorkOnEachSide() {
        Pause lunch = new Pause(240, 30, true);
        // Break 60 minutes after the lunch, 2 hours before the end: a third block from it.
        assertThat(ShiftPattern.lateSplit(List.of(new Pause(120, 15, false), lunch, new Pause(330, 15, false)),
                480, 240)).isEqualTo(330);
        // Work after the last break is 29 minutes: no third block there; the break before it qualifies.
        assertThat(ShiftPattern.lateSplit(List.of(lunch, new Pause(330, 15, false), new Pause(436, 15, false)),
                480, 240)).isEqualTo(330);
        // Only 29 minutes between the lunch's end and the break: no third block at all.
        assertThat(ShiftPattern.lateSplit(List.of(lunch, new Pause(299, 15, false)), 480, 240)).isEqualTo(480);
        // Exactly half an hour on each side is enough.
        assertThat(ShiftPattern.lateSplit(List.of(lunch, new Pause(300, 15, false)), 345, 240)).isEqualTo(300);
        // No pause after the split point: no third block.
        assertThat(ShiftPattern.lateSplit(List.of(new Pause(120, 15, false), lunch), 480, 240)).isEqualTo(480);
        // Without pauses the split is not at a pause, so there is no third block either.
        assertThat(ShiftPattern.lateSplit(List.of(), 240, 120)).isEqualTo(240);
    }

    private static Schedule problem(Agent agent, List<Requirement> reqs, List<ScheduleRow> published) {
        return ProblemBuilder.build(TestData.plan(TestData.voice(), TestData.chat()), reqs, List.of(agent), List.of(),
                RULES, published, TestData.LINEAR);
    }

    /** The agent's first day on pattern {@code p}, booked chat, voice, chat. */
    private static AgentDay bookedChatVoiceChat(Agent agent, List<Requirement> reqs, ShiftPattern p) {
        AgentDay d = problem(agent, reqs, List.of()).getDays().get(0);
        d.setPattern(p);
        d.setChannels("chat", "voice", "chat");
        return d;
    }

    /**
     * Chat has its peaks in the shift's first and last block, voice in the middle one; both channels have demand
     * all day (so no redirect moves the agent). Booked chat, voice, chat, the one agent saves more late contacts
     * than with any booking of one switch (two blocks), and the solver books it so.
     */
    @Test
    void twoSwitchesCoverTwoPeaksOfOneChannelAroundAPeakOfAnother() {
        ShiftPattern p = eightHours();
        Agent both = new Agent("a", "a", "london", WorkMode.ONSITE, Employment.FULL_TIME,
                Map.of("voice", 1.0, "chat", 1.0), Map.of(), 0, 60, 20.0, EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(8, 0), LocalTime.of(16, 0));
        List<Requirement> reqs = twoPeaks(p);
        AgentDay d = bookedChatVoiceChat(both, reqs, p);
        long threeBlocks = saved(d);
        assertThat(channels(RowWriter.rows(d))).containsExactly("chat", "voice", "chat");
        for (String a : List.of("voice", "chat")) {
            for (String b : List.of("voice", "chat")) {
                d.setChannels(a, b, b);
                assertThat(saved(d)).as("booked %s then %s", a, b).isLessThan(threeBlocks);
            }
        }

        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice(), TestData.chat()), reqs, List.of(both),
                List.of(), RULES, List.of(), TestData.LINEAR);
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(60), 1, 0, 2_000),
                null);
        assertThat(channels(out.rows())).containsExactly("chat", "voice", "chat");
    }

    /** A published day that switches twice is pinned back to the same three bookings and rows. */
    @Test
    void aPublishedDayWithTwoSwitchesIsPinnedBackExactly() {
        ShiftPattern p = eightHours();
        Agent both = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "chat", 0.8), 0, 60);
        List<Requirement> reqs = twoPeaks(p);
        AgentDay d = bookedChatVoiceChat(both, reqs, p);
        List<ScheduleRow> published = RowWriter.rows(d);
        assertThat(channels(published)).containsExactly("chat", "voice", "chat");
        Schedule next = problem(both, reqs, published);
        AgentDay again = next.getDays().get(0);
        Published.Assignment a = Published.match(again);
        assertThat(a).isNotNull();
        assertThat(List.of(a.channel(), a.secondChannel(), a.thirdChannel())).containsExactly("chat", "voice", "chat");
        Published.pin(again);
        assertThat(RowWriter.rows(again)).isEqualTo(published);
    }

    /** Same seed, same schedule, with agents whose shifts have three blocks to book. */
    @Test
    void sameSeedSameScheduleWithThreeBlocks() {
        ShiftPattern p = eightHours();
        List<Agent> agents = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            agents.add(TestData.agent("a" + k, Employment.FULL_TIME, Map.of("voice", 1.0 - 0.1 * k, "chat", 0.7),
                    0, 60));
        }
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice(), TestData.chat()), twoPeaks(p), agents,
                List.of(), RULES, List.of(), TestData.LINEAR);
        SolveOptions o = new SolveOptions(Duration.ofSeconds(60), 5, 0, 3_000);
        ScheduleOutcome first = new ScheduleSolver().solve(in, o, null);
        ScheduleOutcome second = new ScheduleSolver().solve(in, o, null);
        assertThat(second.rows()).isEqualTo(first.rows());
    }

    /** Voice and chat at 1 staff from 06:00 to 22:00; chat's volume high in p's first and last block, voice's in the middle. */
    private static List<Requirement> twoPeaks(ShiftPattern p) {
        int split = p.splitOffset();
        int late = p.lateSplitOffset();
        List<Requirement> out = new ArrayList<>();
        for (LocalDateTime t = TestData.MONDAY.atTime(6, 0); t.isBefore(TestData.MONDAY.atTime(22, 0));
             t = t.plusMinutes(15)) {
            int offset = t.getHour() * 60 + t.getMinute() - p.startMinute();
            boolean middle = offset >= split && offset < late;
            boolean inShift = offset >= 0 && offset < p.lengthMinutes();
            double chat = inShift && !middle ? 100 : 1;
            double voice = inShift && middle ? 100 : 1;
            out.add(new Requirement(t, "chat", chat, 900, 1.0, 1.0));
            out.add(new Requirement(t, "voice", voice, 300, 1.0, 1.0));
        }
        return out;
    }

    /** Late contacts (score units) the day saves against nobody working, bucket by bucket. */
    private static long saved(AgentDay d) {
        long sum = 0;
        for (WorkSlot w : d.workSlots()) {
            sum += w.demand().penalty(0) - w.demand().penalty(w.milliMinutes());
        }
        return sum;
    }

    /** The channels of the work rows in time order, runs on one channel merged. */
    private static List<String> channels(List<ScheduleRow> rows) {
        List<String> out = new ArrayList<>();
        rows.stream().filter(r -> r.activity() == Activity.WORK)
                .sorted(java.util.Comparator.comparing(ScheduleRow::start)).forEach(r -> {
                    if (out.isEmpty() || !out.get(out.size() - 1).equals(r.channel())) {
                        out.add(r.channel());
                    }
                });
        return out;
    }
}
