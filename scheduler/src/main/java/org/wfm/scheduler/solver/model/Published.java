package org.wfm.scheduler.solver.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * Keeps a published day as it was: the agent-day takes the pattern, channels, training and location that give
 * back the published schedule.csv rows, and is pinned. A published shift that no allowed pattern of the day
 * matches any more (new time off, availability or shift rules changed) is left free: it must change.
 */
public final class Published {
    private Published() {
    }

    /**
     * Pins {@code day} to the published {@code rows} of that agent and date (empty: a published day off).
     *
     * @return false when the published shift cannot be worked any more, so the day stays free
     */
    public static boolean pin(AgentDay day, List<ScheduleRow> rows) {
        if (rows.isEmpty()) {
            day.setPattern(null);
            day.pin();
            return true;
        }
        List<ScheduleRow> want = sorted(rows);
        PlanContext ctx = day.getCtx();
        LocalDateTime first = want.get(0).start();
        LocalDateTime last = want.stream().map(ScheduleRow::end).max(Comparator.naturalOrder()).orElseThrow();
        int start = ctx.minuteOf(first) - day.getDay() * 1440;
        int end = ctx.minuteOf(last) - day.getDay() * 1440;
        List<String> workChannels = want.stream().filter(r -> r.activity() == Activity.WORK)
                .map(ScheduleRow::channel).toList();
        List<String> mine = day.getPlan().channels();
        String ch1 = workChannels.isEmpty() || !mine.contains(workChannels.get(0)) ? mine.get(0) : workChannels.get(0);
        String ch2 = workChannels.isEmpty() || !mine.contains(workChannels.get(workChannels.size() - 1)) ? ch1
                : workChannels.get(workChannels.size() - 1);
        boolean home = "home".equals(want.get(0).location());
        Boolean where = day.getHomeRange().contains(home) ? home : day.getHomeRange().get(0);
        String trainingChannel = want.stream().filter(r -> r.activity() == Activity.TRAINING).map(ScheduleRow::channel)
                .findFirst().orElse(null);
        List<TrainingSlot> trainings = new ArrayList<>();
        trainings.add(null);
        day.getPlan().trainings().stream().filter(t -> t.channel().equals(trainingChannel)).forEach(trainings::add);

        ShiftPattern fallback = null;
        for (ShiftPattern p : day.getPatternRange()) {
            if (p.startMinute() != start || p.endMinute() != end) {
                continue;
            }
            fallback = fallback == null ? p : fallback;
            for (TrainingSlot t : trainings) {
                set(day, p, ch1, ch2, t, where);
                if (sorted(RowWriter.rows(day)).equals(want)) {
                    day.pin();
                    return true;
                }
            }
        }
        if (fallback == null) {
            day.setPattern(null);
            day.setChannel(mine.get(0));
            day.setSecondChannel(mine.get(0));
            day.setTraining(null);
            day.setHome(day.getHomeRange().get(0));
            return false;
        }
        // Same hours, but pauses, channels or training as published can no longer be rebuilt exactly.
        set(day, fallback, ch1, ch2, null, where);
        day.pin();
        return true;
    }

    private static void set(AgentDay d, ShiftPattern p, String ch1, String ch2, TrainingSlot t, Boolean home) {
        d.setPattern(p);
        d.setChannel(ch1);
        d.setSecondChannel(ch2);
        d.setTraining(t);
        d.setHome(home);
    }

    private static List<ScheduleRow> sorted(List<ScheduleRow> rows) {
        List<ScheduleRow> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(ScheduleRow::start).thenComparing(r -> r.activity().name()));
        return out;
    }
}
