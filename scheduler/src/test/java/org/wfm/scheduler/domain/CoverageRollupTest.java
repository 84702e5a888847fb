package org.wfm.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class CoverageRollupTest {
    private static final LocalDate MON = LocalDate.of(2026, 1, 5);

    /**
     * 30-minute intervals. Monday voice: required 2, 3, 1, 2 against 1, 1.5 (one agent for half the interval), 2, 1;
     * Monday chat covered; Tuesday voice closed (no rows), Tuesday chat one interval with nobody; the next Monday
     * voice covered.
     */
    private static final List<CoverageRow> ROWS = List.of(
            row(MON.atTime(8, 0), "voice", 2, 1), row(MON.atTime(8, 30), "voice", 3, 1.5),
            row(MON.atTime(9, 0), "voice", 1, 2), row(MON.atTime(9, 30), "voice", 2, 1),
            row(MON.atTime(8, 0), "chat", 1, 1),
            row(MON.plusDays(1).atTime(8, 0), "chat", 1, 0),
            row(MON.plusDays(7).atTime(8, 0), "voice", 1, 1));

    @Test
    void agentHoursPerDayAndChannelByHand() {
        CoverageRollup r = CoverageRollup.of(ROWS);
        assertThat(r.intervalMinutes()).isEqualTo(30);
        assertThat(r.daily()).extracting(d -> d.date() + " " + d.channel())
                .containsExactly("2026-01-05 voice", "2026-01-05 chat", "2026-01-06 chat", "2026-01-12 voice");
        CoverageRollup.Hours voice = r.daily().get(0).hours();
        assertThat(voice.required()).isCloseTo((2 + 3 + 1 + 2) * 0.5, within(1e-12));
        assertThat(voice.scheduled()).isCloseTo((1 + 1.5 + 2 + 1) * 0.5, within(1e-12));
        assertThat(voice.shortfall()).isCloseTo((1 + 1.5 + 0 + 1) * 0.5, within(1e-12));
        assertThat(voice.surplus()).isCloseTo(1 * 0.5, within(1e-12));
        assertThat(r.daily().get(1).worst()).as("chat covered on Monday").isNull();
        assertThat(r.daily().get(2).hours().shortfall()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void worstStretchIsTheRunOfShortIntervalsWithTheMostShortHours() {
        CoverageRollup.Stretch worst = CoverageRollup.of(ROWS).daily().get(0).worst();
        // 08:00-09:00 holds 1 + 1.5 agents short for half an hour each; 09:30-10:00 only 1.
        assertThat(worst.start()).isEqualTo(MON.atTime(8, 0));
        assertThat(worst.end()).isEqualTo(MON.atTime(9, 0));
        assertThat(worst.shortHours()).isCloseTo(1.25, within(1e-12));
        assertThat(worst.peakAgents()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void weeksAreSevenDayBlocksFromTheFirstDayAndAClosedDayAddsNothing() {
        CoverageRollup r = CoverageRollup.of(ROWS);
        assertThat(r.weekly()).extracting(w -> w.weekStart() + " " + w.channel())
                .containsExactly("2026-01-05 voice", "2026-01-05 chat", "2026-01-12 voice");
        CoverageRollup.Hours chat = r.weekly().get(1).hours();
        assertThat(chat.required()).isCloseTo(1.0, within(1e-12));
        assertThat(chat.scheduled()).isCloseTo(0.5, within(1e-12));
        assertThat(chat.shortfall()).isCloseTo(0.5, within(1e-12));
        assertThat(r.weekly().get(0).hours().required()).as("voice's closed Tuesday adds nothing")
                .isCloseTo(4.0, within(1e-12));
    }

    @Test
    void worstDaysOnlyShortOnesWorstFirst() {
        CoverageRollup r = CoverageRollup.of(ROWS);
        assertThat(r.worstDays("voice", 3)).extracting(CoverageRollup.Day::date).containsExactly(MON);
        assertThat(r.worstDays("chat", 3)).extracting(CoverageRollup.Day::date).containsExactly(MON.plusDays(1));
        assertThat(r.channels()).containsExactly("voice", "chat");
    }

    @Test
    void noRowsNoEntries() {
        CoverageRollup r = CoverageRollup.of(List.of());
        assertThat(r.daily()).isEmpty();
        assertThat(r.weekly()).isEmpty();
    }

    private static CoverageRow row(LocalDateTime at, String channel, double required, double scheduled) {
        return new CoverageRow(at, channel, 10, required, scheduled, Double.NaN, Double.NaN);
    }
}
