package org.wfm.scheduler.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.staffing.Requirement;

/**
 * No idle skills ({@link ChannelRedirect}): where the booked channel has no demand and another of the agent's
 * has, the agent works the other, in stretches of at least half an hour; the rows, the coverage the score counts
 * and the skill rule all see the same channels.
 */
class ChannelRedirectTest {
    private static final Rules RULES = TestData.rules(1, null); // no pauses: one work block per shift

    /** Voice from {@code voiceFrom} to 16:00, chat 06:00 to 22:00, on day 0. */
    private static Schedule problem(int voiceFrom, Agent... agents) {
        List<Requirement> reqs = new ArrayList<>(TestData.flat("voice", 1, voiceFrom, 16, 2.0));
        reqs.addAll(TestData.flat("chat", 1, 6, 22, 1.0));
        return ProblemBuilder.build(TestData.plan(TestData.voice(), TestData.chat()), reqs, List.of(agents),
                List.of(), RULES, List.of(), TestData.LINEAR);
    }

    private static AgentDay shift(Schedule s, int agent, String start, int hours, String channel) {
        AgentDay d = s.getDays().get(agent);
        int from = LocalTime.parse(start).toSecondOfDay() / 60;
        d.setPattern(ShiftRules.generate(RULES, 15).stream()
                .filter(p -> p.startMinute() == from && p.lengthMinutes() == hours * 60).findFirst().orElseThrow());
        d.setChannels(channel, channel, channel);
        return d;
    }

    private static List<String> work(AgentDay d) {
        return RowWriter.rows(d).stream().filter(r -> r.activity() == Activity.WORK)
                .map(r -> r.start().toLocalTime() + "-" + r.end().toLocalTime() + " " + r.channel()).toList();
    }

    @Test
    void anAgentBookedOnAClosedChannelWorksTheirOpenOne() {
        Agent both = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "chat", 0.5), 0, 60);
        Schedule s = problem(9, both);
        AgentDay d = shift(s, 0, "07:00", 4, "voice");
        assertThat(work(d)).containsExactly("07:00-09:00 chat", "09:00-11:00 voice");
        // The score's coverage follows the rows: two hours on chat at proficiency 0.5.
        long chat = d.workSlots().stream().filter(w -> w.demand().channel().equals("chat"))
                .mapToLong(WorkSlot::milliMinutes).sum();
        assertThat(chat).isEqualTo(120 * 500);
        assertThat(d.unskilledMinutes()).isZero();
    }

    @Test
    void aStretchShorterThanHalfAnHourStaysOnTheBookedChannel() {
        Agent both = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "chat", 0.5), 0, 60);
        // Voice from 07:00 but for the quarter hour 07:30-07:45: too short a stretch to switch to chat.
        List<Requirement> reqs = new ArrayList<>(TestData.flat("voice", 1, 7, 16, 2.0).stream()
                .filter(r -> !r.intervalStart().toLocalTime().equals(LocalTime.of(7, 30))).toList());
        reqs.addAll(TestData.flat("chat", 1, 6, 22, 1.0));
        Schedule s = ProblemBuilder.build(TestData.plan(TestData.voice(), TestData.chat()), reqs, List.of(both),
                List.of(), RULES, List.of(), TestData.LINEAR);
        assertThat(work(shift(s, 0, "07:00", 4, "voice"))).containsExactly("07:00-11:00 voice");
        // Voice from 08:00: the half hour 07:30-08:00 is worked on chat.
        assertThat(work(shift(problem(8, both), 0, "07:30", 4, "voice")))
                .containsExactly("07:30-08:00 chat", "08:00-11:30 voice");
    }

    @Test
    void singleSkilledAndUnskilledBookingsAreLeftAlone() {
        Agent voiceOnly = TestData.agent("v", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 60);
        Schedule s = problem(9, voiceOnly);
        assertThat(work(shift(s, 0, "07:00", 4, "voice"))).containsExactly("07:00-11:00 voice");
        // Booked on chat without the skill: the broken rule stays visible.
        AgentDay d = shift(s, 0, "07:00", 4, "chat");
        assertThat(work(d)).containsExactly("07:00-11:00 chat");
        assertThat(d.unskilledMinutes()).isEqualTo(240);
    }

    /**
     * Whatever the shift and demand: the pieces cover the block exactly, in order; a piece away from the booked
     * channel is on a skilled channel with demand in every interval, where the booked one has none, and lasts at
     * least {@link ChannelRedirect#MIN_BLOCK_MINUTES}.
     */
    @Property(tries = 60)
    void piecesAreWhereTheBookedChannelHasNoDemand(@ForAll @IntRange(min = 6, max = 14) int voiceFrom,
                                                    @ForAll @IntRange(min = 20, max = 60) int startQuarter,
                                                    @ForAll @IntRange(min = 4, max = 8) int hours,
                                                    @ForAll boolean bookedChat) {
        Agent both = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 0.8, "chat", 0.9), 0, 60);
        Schedule s = problem(voiceFrom, both);
        PlanContext ctx = s.getCtx();
        AgentPlan plan = s.getDays().get(0).getPlan();
        int booked = ctx.channelIndex(bookedChat ? "chat" : "voice");
        int from = startQuarter * 15;
        int to = from + hours * 60;
        List<int[]> pieces = ChannelRedirect.pieces(ctx, plan, booked, from, to);
        int at = from;
        for (int[] p : pieces) {
            assertThat(p[0]).isEqualTo(at);
            assertThat(p[1]).isGreaterThan(p[0]);
            at = p[1];
            if (p[2] != booked) {
                assertThat(p[1] - p[0]).isGreaterThanOrEqualTo(ChannelRedirect.MIN_BLOCK_MINUTES);
                for (int m = p[0]; m < p[1]; m += 15) {
                    assertThat(ctx.bucket(booked, m / 15)).isNull();
                    assertThat(ctx.bucket(p[2], m / 15)).isNotNull();
                }
            }
        }
        assertThat(at).isEqualTo(to);
        for (int k = 1; k < pieces.size(); k++) {
            assertThat(pieces.get(k)[2]).isNotEqualTo(pieces.get(k - 1)[2]);
        }
    }

    @Test
    void aPublishedDayWithARedirectedStretchIsPinnedBackExactly() {
        Agent both = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "chat", 0.5), 0, 60);
        Schedule s = problem(9, both);
        List<ScheduleRow> published = RowWriter.rows(shift(s, 0, "07:00", 4, "voice"));
        Schedule next = ProblemBuilder.build(TestData.plan(TestData.voice(), TestData.chat()),
                concat(TestData.flat("voice", 1, 9, 16, 2.0), TestData.flat("chat", 1, 6, 22, 1.0)), List.of(both),
                List.of(), RULES, published, TestData.LINEAR);
        AgentDay d = next.getDays().get(0);
        Published.Assignment a = Published.match(d);
        assertThat(a).isNotNull();
        Published.pin(d);
        assertThat(RowWriter.rows(d)).isEqualTo(published);
    }

    private static List<Requirement> concat(List<Requirement> a, List<Requirement> b) {
        List<Requirement> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
