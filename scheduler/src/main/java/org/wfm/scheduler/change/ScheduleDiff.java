package org.wfm.scheduler.change;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * Compares two schedules (rows of schedule.csv) and lists, per agent and day, what an agent would have to be told:
 * a shift added, removed, moved, extended or shortened; its breaks, lunch or training moved; work switched to another
 * channel for a stretch; another location. A day is keyed by the agent and the day the shift starts
 * ({@link ScheduleRow#date()}). Days that are the same give nothing; the result is sorted by agent, date and kind, so
 * it is the same for the same two schedules whatever the order of their rows.
 */
public final class ScheduleDiff {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleDiff() {
    }

    /** Every change from {@code before} to {@code after}. */
    public static List<ScheduleChange> between(List<ScheduleRow> before, List<ScheduleRow> after) {
        Map<DayKey, List<ScheduleRow>> old = byDay(before);
        Map<DayKey, List<ScheduleRow>> now = byDay(after);
        TreeSet<DayKey> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        List<ScheduleChange> changes = new ArrayList<>();
        for (DayKey key : keys) {
            changes.addAll(day(key, old.getOrDefault(key, List.of()), now.getOrDefault(key, List.of())));
        }
        return List.copyOf(changes);
    }

    /** The changes of one agent-day; either list may be empty (no shift that day). */
    static List<ScheduleChange> day(DayKey key, List<ScheduleRow> before, List<ScheduleRow> after) {
        List<ScheduleChange> out = new ArrayList<>();
        if (before.isEmpty() && after.isEmpty()) {
            return out;
        }
        if (before.isEmpty()) {
            out.add(change(key, ScheduleChange.Kind.SHIFT_ADDED, "", span(after)));
            return out;
        }
        if (after.isEmpty()) {
            out.add(change(key, ScheduleChange.Kind.SHIFT_REMOVED, span(before), ""));
            return out;
        }
        LocalDateTime s0 = start(before);
        LocalDateTime e0 = end(before);
        LocalDateTime s1 = start(after);
        LocalDateTime e1 = end(after);
        if (!s0.equals(s1) || !e0.equals(e1)) {
            int cmp = Duration.between(s1, e1).compareTo(Duration.between(s0, e0));
            ScheduleChange.Kind kind = cmp == 0 ? ScheduleChange.Kind.SHIFT_MOVED
                    : cmp > 0 ? ScheduleChange.Kind.SHIFT_EXTENDED : ScheduleChange.Kind.SHIFT_SHORTENED;
            out.add(change(key, kind, span(before), span(after)));
        }
        pauses(key, Activity.BREAK, ScheduleChange.Kind.BREAK_MOVED, before, after, out);
        pauses(key, Activity.LUNCH, ScheduleChange.Kind.LUNCH_MOVED, before, after, out);
        pauses(key, Activity.TRAINING, ScheduleChange.Kind.TRAINING_MOVED, before, after, out);
        switches(key, before, after, out);
        String l0 = locations(before);
        String l1 = locations(after);
        if (!l0.equals(l1)) {
            out.add(change(key, ScheduleChange.Kind.LOCATION_CHANGED, l0, l1));
        }
        return out;
    }

    private static void pauses(DayKey key, Activity activity, ScheduleChange.Kind kind, List<ScheduleRow> before,
                               List<ScheduleRow> after, List<ScheduleChange> out) {
        String b = blocks(before, activity);
        String a = blocks(after, activity);
        if (!b.equals(a)) {
            out.add(change(key, kind, b, a));
        }
    }

    /** Stretches worked in both versions on different channels, one change per stretch and pair of channels. */
    private static void switches(DayKey key, List<ScheduleRow> before, List<ScheduleRow> after,
                                 List<ScheduleChange> out) {
        TreeSet<LocalDateTime> cuts = new TreeSet<>();
        for (ScheduleRow r : before) {
            cuts.add(r.start());
            cuts.add(r.end());
        }
        for (ScheduleRow r : after) {
            cuts.add(r.start());
            cuts.add(r.end());
        }
        LocalDateTime runStart = null;
        LocalDateTime runEnd = null;
        String runFrom = null;
        String runTo = null;
        LocalDateTime previous = null;
        for (LocalDateTime cut : cuts) {
            if (previous != null) {
                String c0 = workChannel(before, previous);
                String c1 = workChannel(after, previous);
                boolean switched = c0 != null && c1 != null && !c0.equals(c1);
                boolean continues = switched && runEnd != null && runEnd.equals(previous)
                        && c0.equals(runFrom) && c1.equals(runTo);
                if (runStart != null && !continues) {
                    out.add(switchChange(key, runStart, runEnd, runFrom, runTo));
                    runStart = null;
                }
                if (switched) {
                    if (runStart == null) {
                        runStart = previous;
                        runFrom = c0;
                        runTo = c1;
                    }
                    runEnd = cut;
                }
            }
            previous = cut;
        }
        if (runStart != null) {
            out.add(switchChange(key, runStart, runEnd, runFrom, runTo));
        }
    }

    private static ScheduleChange switchChange(DayKey key, LocalDateTime start, LocalDateTime end, String from,
                                               String to) {
        return change(key, ScheduleChange.Kind.CHANNEL_SWITCHED, range(start, end) + " " + from,
                range(start, end) + " " + to);
    }

    private static String workChannel(List<ScheduleRow> rows, LocalDateTime at) {
        for (ScheduleRow r : rows) {
            if (r.activity() == Activity.WORK && !r.start().isAfter(at) && r.end().isAfter(at)) {
                return Objects.requireNonNullElse(r.channel(), "");
            }
        }
        return null;
    }

    private static String blocks(List<ScheduleRow> rows, Activity activity) {
        return rows.stream().filter(r -> r.activity() == activity)
                .sorted(Comparator.comparing(ScheduleRow::start))
                .map(r -> range(r.start(), r.end())
                        + (activity == Activity.TRAINING && r.channel() != null ? " " + r.channel() : ""))
                .collect(Collectors.joining("; "));
    }

    private static String locations(List<ScheduleRow> rows) {
        return rows.stream().map(r -> Objects.requireNonNullElse(r.location(), "")).distinct().sorted()
                .collect(Collectors.joining("; "));
    }

    private static String span(List<ScheduleRow> rows) {
        return range(start(rows), end(rows));
    }

    private static LocalDateTime start(List<ScheduleRow> rows) {
        return rows.stream().map(ScheduleRow::start).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static LocalDateTime end(List<ScheduleRow> rows) {
        return rows.stream().map(ScheduleRow::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** {@code yyyy-MM-dd HH:mm-HH:mm}, dated by the start; see {@link ScheduleChange}. */
    static String range(LocalDateTime start, LocalDateTime end) {
        return DAY.format(start) + " " + TIME.format(start) + "-" + TIME.format(end);
    }

    private static ScheduleChange change(DayKey key, ScheduleChange.Kind kind, String from, String to) {
        return new ScheduleChange(key.agentId(), key.date(), kind, from, to);
    }

    private static Map<DayKey, List<ScheduleRow>> byDay(List<ScheduleRow> rows) {
        Map<DayKey, List<ScheduleRow>> days = new TreeMap<>();
        for (ScheduleRow r : rows) {
            days.computeIfAbsent(new DayKey(r.agentId(), r.date()), k -> new ArrayList<>()).add(r);
        }
        return days;
    }

    /** An agent and the day a shift starts. */
    record DayKey(String agentId, LocalDate date) implements Comparable<DayKey> {
        private static final Comparator<DayKey> ORDER =
                Comparator.comparing(DayKey::agentId).thenComparing(DayKey::date);

        @Override
        public int compareTo(DayKey other) {
            return ORDER.compare(this, other);
        }
    }
}
