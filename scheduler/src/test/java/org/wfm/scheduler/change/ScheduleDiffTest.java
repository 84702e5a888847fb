package org.wfm.scheduler.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

class ScheduleDiffTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static ScheduleRow row(String agent, String from, String to, Activity activity, String channel) {
        LocalDateTime start = DAY.atTime(java.time.LocalTime.parse(from));
        LocalDateTime end = DAY.atTime(java.time.LocalTime.parse(to));
        if (!end.isAfter(start)) {
            end = end.plusDays(1);
        }
        return new ScheduleRow(agent, DAY, start, end, activity, channel, "home");
    }

    private static List<ScheduleRow> shift(String agent, String breakAt, String channelAfterBreak) {
        LocalDateTime b = DAY.atTime(java.time.LocalTime.parse(breakAt));
        String breakEnd = b.plusMinutes(15).toLocalTime().toString();
        return List.of(row(agent, "09:00", breakAt, Activity.WORK, "voice"),
                row(agent, breakAt, breakEnd, Activity.BREAK, null),
                row(agent, breakEnd, "13:00", Activity.WORK, channelAfterBreak));
    }

    @Test
    void sameScheduleHasNoChanges() {
        assertThat(ScheduleDiff.between(shift("A1", "10:30", "voice"), shift("A1", "10:30", "voice"))).isEmpty();
    }

    @Test
    void addedAndRemovedShiftsNameTheirSpan() {
        assertThat(ScheduleDiff.between(List.of(), shift("A1", "10:30", "voice"))).containsExactly(
                new ScheduleChange("A1", DAY, ScheduleChange.Kind.SHIFT_ADDED, "", "2026-11-23 09:00-13:00"));
        assertThat(ScheduleDiff.between(shift("A2", "10:30", "voice"), List.of())).containsExactly(
                new ScheduleChange("A2", DAY, ScheduleChange.Kind.SHIFT_REMOVED, "2026-11-23 09:00-13:00", ""));
    }

    @Test
    void aMovedBreakAndASwitchedStretchAreTwoChanges() {
        List<ScheduleChange> changes = ScheduleDiff.between(shift("A1", "10:30", "voice"),
                shift("A1", "11:00", "chat"));
        assertThat(changes).containsExactly(
                new ScheduleChange("A1", DAY, ScheduleChange.Kind.BREAK_MOVED,
                        "2026-11-23 10:30-10:45", "2026-11-23 11:00-11:15"),
                new ScheduleChange("A1", DAY, ScheduleChange.Kind.CHANNEL_SWITCHED,
                        "2026-11-23 11:15-13:00 voice", "2026-11-23 11:15-13:00 chat"));
    }

    @Test
    void extendedShortenedAndMovedShiftsAreToldApart() {
        List<ScheduleRow> base = List.of(row("A1", "09:00", "17:00", Activity.WORK, "voice"));
        assertThat(ScheduleDiff.between(base, List.of(row("A1", "09:00", "18:00", Activity.WORK, "voice"))))
                .extracting(ScheduleChange::kind).containsExactly(ScheduleChange.Kind.SHIFT_EXTENDED);
        assertThat(ScheduleDiff.between(base, List.of(row("A1", "10:00", "17:00", Activity.WORK, "voice"))))
                .extracting(ScheduleChange::kind).containsExactly(ScheduleChange.Kind.SHIFT_SHORTENED);
        assertThat(ScheduleDiff.between(base, List.of(row("A1", "22:00", "06:00", Activity.WORK, "voice"))))
                .containsExactly(new ScheduleChange("A1", DAY, ScheduleChange.Kind.SHIFT_MOVED,
                        "2026-11-23 09:00-17:00", "2026-11-23 22:00-06:00"));
    }

    @Test
    void aNewTrainingBlockIsAMoveFromNothing() {
        List<ScheduleRow> before = List.of(row("A1", "09:00", "13:00", Activity.WORK, "voice"));
        List<ScheduleRow> after = List.of(row("A1", "09:00", "11:00", Activity.WORK, "voice"),
                row("A1", "11:00", "12:00", Activity.TRAINING, "chat"),
                row("A1", "12:00", "13:00", Activity.WORK, "voice"));
        assertThat(ScheduleDiff.between(before, after)).containsExactly(new ScheduleChange("A1", DAY,
                ScheduleChange.Kind.TRAINING_MOVED, "", "2026-11-23 11:00-12:00 chat"));
    }

    /** The comparison depends on the schedules, not on the order of their rows, and a schedule equals itself. */
    @Property(tries = 200)
    void orderOfRowsDoesNotMatter(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
        Random random = new Random(seed);
        List<ScheduleRow> before = randomSchedule(random);
        List<ScheduleRow> after = randomSchedule(random);
        List<ScheduleRow> shuffled = new ArrayList<>(after);
        Collections.shuffle(shuffled, random);
        assertThat(ScheduleDiff.between(before, shuffled)).isEqualTo(ScheduleDiff.between(before, after));
        assertThat(ScheduleDiff.between(after, shuffled)).isEmpty();
        boolean differ = !new java.util.HashSet<>(before).equals(new java.util.HashSet<>(after));
        assertThat(ScheduleDiff.between(before, after).isEmpty()).isEqualTo(!differ);
    }

    private static List<ScheduleRow> randomSchedule(Random random) {
        List<ScheduleRow> rows = new ArrayList<>();
        for (String agent : List.of("A1", "A2", "B1")) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            int start = 7 + random.nextInt(3);
            int breakAt = start * 60 + 60 + 15 * random.nextInt(8);
            String[] channels = {"voice", "chat"};
            String first = channels[random.nextInt(2)];
            String second = channels[random.nextInt(2)];
            rows.add(at(agent, start * 60, breakAt, Activity.WORK, first));
            rows.add(at(agent, breakAt, breakAt + 15, Activity.BREAK, null));
            rows.add(at(agent, breakAt + 15, start * 60 + 360, Activity.WORK, second));
        }
        return rows;
    }

    private static ScheduleRow at(String agent, int fromMinute, int toMinute, Activity activity, String channel) {
        return new ScheduleRow(agent, DAY, DAY.atStartOfDay().plusMinutes(fromMinute),
                DAY.atStartOfDay().plusMinutes(toMinute), activity, channel, "home");
    }
}
