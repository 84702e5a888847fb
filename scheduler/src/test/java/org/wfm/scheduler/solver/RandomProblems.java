package org.wfm.scheduler.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Pause;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;
import org.wfm.scheduler.solver.model.TrainingSlot;
import org.wfm.scheduler.staffing.Channel;

/**
 * Small random problems that reach every hard rule, and random schedules for them that break the rules on
 * purpose: shifts outside the agent's range (window, days, time off), shapes the rules do not allow, channels
 * the agent lacks, training beyond the weekly maximum, too many days, too little rest, overfull sites. For the
 * property tests that hold the score, the evaluator, the construction and the rebuild to one rule book.
 */
public final class RandomProblems {
    private static final String[] SITES = {"london", "paris", "madrid"};

    private RandomProblems() {
    }

    /**
     * 2-5 agents over 1-2 weeks (10 days: a short last week), availability windows that may run overnight,
     * whole-day, part-day and overnight time off, a published run before the horizon for some, 1-3 seats at
     * two of the sites (the third has no limit).
     */
    public static ScheduleInput problem(Random r) {
        int days = new int[] {7, 10, 14}[r.nextInt(3)];
        List<Double> lengths = new ArrayList<>();
        for (double h : new double[] {4, 6, 8, 10}) {
            if (r.nextDouble() < 0.6) {
                lengths.add(h);
            }
        }
        if (lengths.isEmpty()) {
            lengths.add(8.0);
        }
        Rules rules = new Rules(new Rules.Horizon(TestData.MONDAY, days),
                new Rules.Shifts(lengths, r.nextBoolean() ? 30 : 60, new double[] {8, 11, 12.5}[r.nextInt(3)],
                        2 + r.nextInt(5), 3 + r.nextInt(4)),
                r.nextBoolean() ? breaks(r) : null, new Rules.Training(60, 1 + r.nextInt(3)),
                Map.of("london", 1 + r.nextInt(3), "paris", 1 + r.nextInt(2)),
                new Rules.Costs(30 + r.nextInt(11), 1.5, 0.25),
                new Rules.Objective(r.nextBoolean() ? Rules.ObjectiveMode.COVER : Rules.ObjectiveMode.BALANCE, 1.5));
        if (r.nextBoolean()) {
            // a hard rotation: every other weekend off, staggered over the agents
            Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            rules = new Rules(rules.horizon(), rules.shifts(), rules.breaks(), rules.training(), rules.siteSeats(),
                    rules.costs(), rules.objective(), rules.replan(), rules.preferences(), rules.fairness(),
                    List.of(new Rules.Pattern("alternate weekends", List.of(), List.of(weekdays,
                            EnumSet.allOf(DayOfWeek.class)), TestData.MONDAY.minusWeeks(r.nextInt(2)), true, true, 0,
                            1)));
        }
        List<Channel> channels = new ArrayList<>(List.of(TestData.voice(), TestData.chat()));
        if (r.nextBoolean()) {
            channels.add(TestData.email(4));
        }
        List<Agent> agents = new ArrayList<>();
        int n = 2 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            agents.add(agent("a" + i, channels, r));
        }
        List<TimeOff> off = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            String id = agents.get(r.nextInt(n)).id();
            LocalDate date = TestData.MONDAY.plusDays(r.nextInt(days + 1) - 1L);
            if (r.nextBoolean()) {
                off.add(new TimeOff(id, date, null, null, "holiday"));
            } else {
                // The end may come before the start: time off overnight into the next day.
                off.add(new TimeOff(id, date, LocalTime.of(r.nextInt(24), 30 * r.nextInt(2)),
                        LocalTime.of(r.nextInt(24), 0), "appointment"));
            }
        }
        List<ScheduleRow> previous = new ArrayList<>();
        for (Agent a : agents) {
            if (r.nextDouble() < 0.4) {
                // Published shifts on the days just before the horizon, some ending late.
                for (int back = 1 + r.nextInt(4); back >= 1; back--) {
                    LocalDateTime start = TestData.MONDAY.minusDays(back).atTime(6 + r.nextInt(17), 0);
                    previous.add(new ScheduleRow(a.id(), start.toLocalDate(), start, start.plusHours(8),
                            Activity.WORK, "voice", "home"));
                }
            }
        }
        return new ScheduleInput(TestData.plan(channels.toArray(Channel[]::new)),
                TestData.flat("voice", days, 8, 18, 1.0 + r.nextInt(3)), agents, off, rules, previous,
                TestData.LINEAR);
    }

    private static Agent agent(String id, List<Channel> channels, Random r) {
        WorkMode mode = WorkMode.values()[r.nextInt(WorkMode.values().length)];
        String site = mode == WorkMode.REMOTE ? null : SITES[r.nextInt(SITES.length)];
        Employment e = Employment.values()[r.nextInt(Employment.values().length)];
        Map<String, Double> skills = new HashMap<>();
        for (Channel c : channels) {
            int k = r.nextInt(3);
            if (k > 0 || r.nextDouble() < 0.2) {
                skills.put(c.name(), k * 0.5);
            }
        }
        Map<String, Double> development = r.nextBoolean() ? Map.of("chat", 2.0 + r.nextInt(4)) : Map.of();
        double min = 10 * r.nextInt(4);
        double max = min + 8 + r.nextInt(25);
        Set<DayOfWeek> available = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextDouble() < 0.8) {
                available.add(d);
            }
        }
        LocalTime es = LocalTime.of(r.nextInt(24), 30 * r.nextInt(2));
        // A latest end before the earliest start is an overnight window.
        LocalTime le = es.plusHours(6 + r.nextInt(12));
        return new Agent(id, id, site, mode, e, skills, development, min, max, 15 + r.nextInt(10), available, es,
                le);
    }

    /**
     * Gives every agent-day a random shift or none: mostly from its own range, else any legal pattern (outside
     * the window, on an unavailable day, in time off) or a shape the rules do not allow; random channels (now
     * and then one the agent lacks), training (beyond the weekly maximum when it falls so) and location.
     */
    public static void scramble(Schedule s, Random r) {
        Rules rules = s.getCtx().rules();
        List<ShiftPattern> all = ShiftRules.generate(rules, s.getCtx().intervalMinutes());
        List<String> channels = s.getCtx().channels();
        double density = 0.3 + 0.6 * r.nextDouble();
        for (AgentDay d : s.getDays()) {
            if (r.nextDouble() > density) {
                d.setPattern(null);
                continue;
            }
            double u = r.nextDouble();
            ShiftPattern p;
            if (u < 0.6 && !d.getPatternRange().isEmpty()) {
                p = movePauses(d.getPatternRange().get(r.nextInt(d.getPatternRange().size())), rules,
                        s.getCtx().intervalMinutes(), r);
            } else if (u < 0.85) {
                p = all.get(r.nextInt(all.size()));
            } else {
                p = misshapen(all.get(r.nextInt(all.size())), rules, r);
            }
            d.setPattern(p);
            List<String> own = d.getChannelRange();
            d.setChannel(r.nextDouble() < 0.85 ? own.get(r.nextInt(own.size()))
                    : channels.get(r.nextInt(channels.size())));
            d.setSecondChannel(r.nextBoolean() ? d.getChannel() : own.get(r.nextInt(own.size())));
            d.setThirdChannel(r.nextBoolean() ? d.getSecondChannel() : own.get(r.nextInt(own.size())));
            d.setTraining(randomTraining(d, r));
            List<Boolean> homes = d.getHomeRange();
            d.setHome(r.nextDouble() < 0.9 ? homes.get(r.nextInt(homes.size())) : !homes.get(0));
        }
    }

    /** The usual breaks half of the time, else others within the reader's ranges (pause windows of other widths). */
    static Rules.Breaks breaks(Random r) {
        if (r.nextBoolean()) {
            return TestData.breaks();
        }
        return new Rules.Breaks(new double[] {1.5, 2, 2.5, 3, 4}[r.nextInt(5)], new int[] {10, 15, 20}[r.nextInt(3)],
                new int[] {30, 45, 60}[r.nextInt(3)], new double[] {5, 6, 7}[r.nextInt(3)]);
    }

    /**
     * Half of the time, some of {@code p}'s pauses moved at random within their windows (as the pause move and
     * the construction place them per agent-day), each on the interval grid: legal placements other than the
     * generated ones.
     */
    static ShiftPattern movePauses(ShiftPattern p, Rules rules, int grid, Random r) {
        if (p == null || p.pauses().isEmpty() || r.nextBoolean()) {
            return p;
        }
        for (int step = r.nextInt(4); step >= 0; step--) {
            int k = r.nextInt(p.pauses().size());
            int[] starts = ShiftRules.gridStarts(p.startMinute(),
                    ShiftRules.pauseWindow(rules.breaks(), p.lengthMinutes(), p.pauses(), k), grid);
            if (starts.length > 0) {
                p = p.withPause(k, starts[r.nextInt(starts.length)]);
            }
        }
        return p;
    }

    /** Like {@link #scramble} with patterns from each agent-day's own range only: legal shapes at legal times. */
    public static void scrambleInRange(Schedule s, Random r) {
        double density = 0.3 + 0.6 * r.nextDouble();
        for (AgentDay d : s.getDays()) {
            List<ShiftPattern> range = d.getPatternRange();
            d.setPattern(range.isEmpty() || r.nextDouble() > density ? null
                    : movePauses(range.get(r.nextInt(range.size())), s.getCtx().rules(), s.getCtx().intervalMinutes(), r));
            d.setTraining(randomTraining(d, r));
        }
    }

    /** A training slot two times in five where the agent has a goal (beyond the weekly maximum when so drawn). */
    private static TrainingSlot randomTraining(AgentDay d, Random r) {
        List<TrainingSlot> trainings = d.getTrainingRange();
        return !trainings.isEmpty() && r.nextDouble() < 0.4 ? trainings.get(r.nextInt(trainings.size())) : null;
    }

    /** A shape the rules do not allow: off the start step, a length not allowed, or pauses out of place. */
    private static ShiftPattern misshapen(ShiftPattern p, Rules rules, Random r) {
        int start = p.startMinute();
        int len = p.lengthMinutes();
        List<Pause> pauses = new ArrayList<>(p.pauses());
        switch (r.nextInt(5)) {
            case 4 -> {
                if (!pauses.isEmpty()) {
                    // Anywhere between its neighbours (from the end of the first hour): mostly outside its window.
                    int k = r.nextInt(pauses.size());
                    Pause q = pauses.get(k);
                    int from = k == 0 ? 60 : pauses.get(k - 1).end();
                    int to = (k == pauses.size() - 1 ? len - 60 : pauses.get(k + 1).offset()) - q.minutes();
                    if (to >= from) {
                        pauses.set(k, new Pause(from + 15 * r.nextInt((to - from) / 15 + 1), q.minutes(), q.lunch()));
                    }
                } else {
                    len += 60;
                }
            }
            case 0 -> start = Math.min(1435, start + 10);
            case 1 -> len += 60;
            case 2 -> {
                if (pauses.isEmpty()) {
                    pauses.add(new Pause(len / 2, 15, false));
                } else {
                    pauses.clear();
                }
            }
            default -> {
                if (pauses.isEmpty()) {
                    len -= 30;
                } else {
                    Pause first = pauses.get(0);
                    pauses.set(0, new Pause(30, first.minutes(), first.lunch()));
                }
            }
        }
        return new ShiftPattern(-1, start, len, pauses);
    }
}
