package org.wfm.scheduler.solver.model;

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

    /** The values that give back a published day's rows: {@code pattern} null means the published day off. */
    public record Assignment(ShiftPattern pattern, String channel, String secondChannel, String thirdChannel,
                             TrainingSlot training, boolean home) {
    }

    /** Pins {@code day} to its published day (see {@link #match}); false when it must change, and stays free. */
    public static boolean pin(AgentDay day) {
        Assignment a = match(day);
        if (a == null) {
            return false;
        }
        set(day, a.pattern(), a.channel(), a.secondChannel(), a.thirdChannel(), a.training(), a.home());
        day.pin();
        return true;
    }

    /**
     * The values of {@code day} that give back its published rows exactly (pattern with the same pauses, channels,
     * training, location), else the same hours with the published first and last channel; a published day off
     * gives a null pattern. Null when the published shift cannot be worked any more (no allowed pattern of the
     * day has its hours) or there is no published day. Leaves {@code day} as it found it.
     */
    public static Assignment match(AgentDay day) {
        PublishedDay pub = day.getPublished();
        if (pub == null) {
            return null;
        }
        List<String> mine = day.getPlan().channels();
        if (pub.off()) {
            return new Assignment(null, mine.get(0), mine.get(0), mine.get(0), null, day.getHomeRange().get(0));
        }
        List<ScheduleRow> want = sorted(pub.rows());
        List<String> workChannels = want.stream().filter(r -> r.activity() == Activity.WORK)
                .map(ScheduleRow::channel).toList();
        String ch1 = workChannels.isEmpty() || !mine.contains(workChannels.get(0)) ? mine.get(0) : workChannels.get(0);
        String ch2 = workChannels.isEmpty() || !mine.contains(workChannels.get(workChannels.size() - 1)) ? ch1
                : workChannels.get(workChannels.size() - 1);
        boolean home = "home".equals(want.get(0).location());
        boolean where = day.getHomeRange().contains(home) ? home : day.getHomeRange().get(0);
        String trainingChannel = want.stream().filter(r -> r.activity() == Activity.TRAINING).map(ScheduleRow::channel)
                .findFirst().orElse(null);
        List<TrainingSlot> trainings = new ArrayList<>();
        trainings.add(null);
        day.getPlan().trainings().stream().filter(t -> t.channel().equals(trainingChannel)).forEach(trainings::add);

        int base = day.getDay() * 1440;
        ShiftPattern was = day.getPattern();
        String wasCh1 = day.getChannel();
        String wasCh2 = day.getSecondChannel();
        String wasCh3 = day.getThirdChannel();
        TrainingSlot wasTraining = day.getTraining();
        Boolean wasHome = day.getHome();
        Assignment found = null;
        try {
            for (ShiftPattern p : day.getPatternRange()) {
                if (base + p.startMinute() != pub.start() || base + p.endMinute() != pub.end()) {
                    continue;
                }
                if (found == null) {
                    found = new Assignment(p, ch1, ch2, ch2, null, where);
                }
                // Pauses move per agent-day within their windows: the published ones, where the rules allow them.
                ShiftPattern own = publishedPauses(day, p, want);
                for (ShiftPattern q : own == null ? List.of(p) : List.of(own, p)) {
                    for (TrainingSlot t : trainings) {
                        // The published first and last channel, else any booking of the agent's channels
                        // (a redirected stretch, ChannelRedirect, may be the first or last one worked; a third
                        // block may differ from the second).
                        for (String[] three : bookings(ch1, ch2, mine)) {
                            set(day, q, three[0], three[1], three[2], t, where);
                            if (sorted(RowWriter.rows(day)).equals(want)) {
                                return new Assignment(q, three[0], three[1], three[2], t, where);
                            }
                        }
                    }
                }
            }
            // Same hours, but pauses, channels or training as published can no longer be rebuilt exactly.
            return found;
        } finally {
            set(day, was, wasCh1, wasCh2, wasCh3, wasTraining, wasHome);
        }
    }

    /** The bookings to try, the published first and last channel first: {first, second, third block}. */
    private static List<String[]> bookings(String ch1, String ch2, List<String> mine) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {ch1, ch2, ch2});
        for (String a : mine) {
            for (String b : mine) {
                for (String c : mine) {
                    if (!(a.equals(ch1) && b.equals(ch2) && c.equals(ch2))) {
                        out.add(new String[] {a, b, c});
                    }
                }
            }
        }
        return out;
    }

    /** {@code p} with the published day's pauses, or null when they are not legal for it (or the same). */
    private static ShiftPattern publishedPauses(AgentDay day, ShiftPattern p, List<ScheduleRow> want) {
        java.time.LocalDateTime t0 = want.get(0).start();
        ShiftPattern q = p;
        int k = 0;
        for (ScheduleRow r : want) {
            if (r.activity() != Activity.BREAK && r.activity() != Activity.LUNCH) {
                continue;
            }
            if (k >= p.pauses().size() || p.pauses().get(k).lunch() != (r.activity() == Activity.LUNCH)) {
                return null;
            }
            q = q.withPause(k++, (int) java.time.Duration.between(t0, r.start()).toMinutes());
        }
        if (k != p.pauses().size() || q.pauses().equals(p.pauses())
                || ShiftRules.breakProblem(day.rules().breaks(), p.lengthMinutes(), q.pauses()) != null) {
            return null;
        }
        return q;
    }

    private static void set(AgentDay d, ShiftPattern p, String ch1, String ch2, String ch3, TrainingSlot t,
                            Boolean home) {
        d.setPattern(p);
        d.setChannels(ch1, ch2, ch3);
        d.setTraining(t);
        d.setHome(home);
    }

    private static List<ScheduleRow> sorted(List<ScheduleRow> rows) {
        List<ScheduleRow> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(ScheduleRow::start).thenComparing(r -> r.activity().name()));
        return out;
    }
}
