package org.wfm.scheduler.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/** How an absence takes an agent's blocks out of a schedule: cut at the request's bounds, others untouched. */
class TimeOffCheckTest {
    private static final LocalDate MON = LocalDate.of(2025, 2, 10);

    private static ScheduleRow row(String agent, int fromHour, int toHour, Activity a) {
        return new ScheduleRow(agent, MON, MON.atTime(fromHour, 0), MON.atTime(toHour, 0), a,
                a == Activity.WORK ? "voice" : null, "london");
    }

    @Test
    void aPartDayCutsTheBlocksAtItsBoundsAndKeepsTheRest() {
        List<ScheduleRow> rows = List.of(row("A1", 8, 12, Activity.WORK), row("A1", 12, 13, Activity.LUNCH),
                row("A1", 13, 16, Activity.WORK), row("A2", 8, 16, Activity.WORK));
        List<ScheduleRow> lost = new ArrayList<>();
        List<ScheduleRow> left = TimeOffCheck.without(rows, "A1", MON.atTime(11, 0), MON.atTime(14, 0), lost);

        assertThat(lost).extracting(ScheduleRow::start, ScheduleRow::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at(11), at(12)), org.assertj.core.groups.Tuple.tuple(at(12), at(13)),
                org.assertj.core.groups.Tuple.tuple(at(13), at(14)));
        assertThat(left).extracting(ScheduleRow::agentId, ScheduleRow::start, ScheduleRow::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A1", at(8), at(11)),
                org.assertj.core.groups.Tuple.tuple("A1", at(14), at(16)),
                org.assertj.core.groups.Tuple.tuple("A2", at(8), at(16)));
        // minutes are conserved: what is lost plus what is left is the agent's day
        long before = rows.stream().filter(r -> r.agentId().equals("A1")).mapToLong(TimeOffCheckTest::minutes).sum();
        long after = left.stream().filter(r -> r.agentId().equals("A1")).mapToLong(TimeOffCheckTest::minutes).sum()
                + lost.stream().mapToLong(TimeOffCheckTest::minutes).sum();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aWholeDayTakesTheShiftAndNothingOfAnotherAgentOrDay() {
        List<ScheduleRow> rows = List.of(row("A1", 8, 16, Activity.WORK), row("A2", 8, 16, Activity.WORK));
        List<ScheduleRow> lost = new ArrayList<>();
        List<ScheduleRow> left = TimeOffCheck.without(rows, "A1", MON.plusDays(1).atStartOfDay(),
                MON.plusDays(2).atStartOfDay(), lost);
        assertThat(lost).isEmpty();
        assertThat(left).isEqualTo(rows);
        left = TimeOffCheck.without(rows, "A1", MON.atStartOfDay(), MON.plusDays(1).atStartOfDay(), lost);
        assertThat(lost).hasSize(1);
        assertThat(left).containsExactly(rows.get(1));
    }

    private static LocalDateTime at(int hour) {
        return MON.atTime(hour, 0);
    }

    private static long minutes(ScheduleRow r) {
        return java.time.Duration.between(r.start(), r.end()).toMinutes();
    }
}
