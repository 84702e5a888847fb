package org.wfm.scheduler.solver.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.InputConflict;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.ServiceCurve;
import org.wfm.scheduler.staffing.ServiceCurveFactory;

/** Turns the run's inputs into the planning problem: demand buckets, agents' facts and the agent-days. */
public final class ProblemBuilder {
    private ProblemBuilder() {
    }

    public static Schedule build(ChannelPlan channelPlan, List<Requirement> requirements, List<Agent> agents,
                                 List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous,
                                 ServiceCurveFactory curves) {
        return build(channelPlan, requirements, agents, timeOff, rules, previous, curves, List.of(), List.of());
    }

    /** As above, with agents' preferences (preferences.csv) on the agent-days they speak about. */
    public static Schedule build(ChannelPlan channelPlan, List<Requirement> requirements, List<Agent> agents,
                                 List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous,
                                 ServiceCurveFactory curves, List<org.wfm.scheduler.domain.Preference> preferences) {
        return build(channelPlan, requirements, agents, timeOff, rules, previous, curves, preferences, List.of());
    }

    /**
     * As above, with the weekend days and late shifts each agent carries from earlier runs ({@code carried}, by
     * agent id; absent = none).
     */
    public static Schedule build(ChannelPlan channelPlan, List<Requirement> requirements, List<Agent> agents,
                                 List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous,
                                 ServiceCurveFactory curves, List<org.wfm.scheduler.domain.Preference> preferences,
                                 List<org.wfm.scheduler.domain.FairnessCount> carried) {
        int im = channelPlan.intervalMinutes();
        boolean cover = rules.objective() == null || rules.objective().mode() != Rules.ObjectiveMode.BALANCE;
        double lateCost = rules.objective() == null ? 0 : rules.objective().lateContactCost();
        double spread = rules.objective() == null ? Rules.Objective.DEFAULT_SPREAD : rules.objective().spread();
        List<String> names = channelPlan.channels().stream().map(Channel::name).toList();
        LocalDateTime t0 = rules.horizon().start().atStartOfDay();
        int days = rules.horizon().days();
        int horizonIntervals = days * 1440 / im;
        int gridIntervals = (days + 1) * 1440 / im;

        double[][] staff = new double[names.size()][horizonIntervals];
        Requirement[][] reqs = new Requirement[names.size()][horizonIntervals];
        for (Requirement r : requirements) {
            int c = names.indexOf(r.channel());
            long minute = ChronoUnit.MINUTES.between(t0, r.intervalStart());
            if (c < 0 || minute < 0 || minute / im >= horizonIntervals) {
                continue;
            }
            staff[c][(int) (minute / im)] = r.requiredStaff();
            reqs[c][(int) (minute / im)] = r;
        }

        Demand[][] buckets = new Demand[names.size()][gridIntervals];
        List<Demand> demands = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            Channel ch = channelPlan.channels().get(c);
            if (ch.kind() == ChannelKind.DEFERRED) {
                int window = deferredWindowIntervals(ch, im);
                double perStaffMinute = (1 - shrinkage(ch, channelPlan)) * 60.0 / ahtOf(ch, reqs[c]);
                for (int w0 = 0; w0 < horizonIntervals; w0 += window) {
                    double need = 0;
                    int n = Math.min(window, horizonIntervals - w0);
                    for (int i = w0; i < w0 + n; i++) {
                        need += staff[c][i] * im;
                    }
                    if (need <= 0) {
                        continue;
                    }
                    Demand d = Demand.deferred(ch.name(), c, w0, n, im, need, perStaffMinute, cover, lateCost,
                            spread);
                    demands.add(d);
                    for (int i = w0; i < w0 + n; i++) {
                        buckets[c][i] = d;
                    }
                }
            } else {
                for (int i = 0; i < horizonIntervals; i++) {
                    Requirement r = reqs[c][i];
                    if (r == null || r.requiredStaff() <= 0) {
                        continue;
                    }
                    ServiceCurve curve = curves.curve(ch, r, im);
                    Demand d = Demand.immediate(ch.name(), c, i, im, r.requiredStaff(), curve::lateContacts,
                            cover, lateCost, spread);
                    demands.add(d);
                    buckets[c][i] = d;
                }
            }
        }

        double[] trough = troughness(staff, im, days);
        PlanContext ctx = new PlanContext(rules, im, names, buckets, trough, cover);
        List<ShiftPattern> patterns = ShiftRules.generate(rules, im);

        Map<String, List<TimeOff>> offByAgent = new HashMap<>();
        timeOff.forEach(t -> offByAgent.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        Map<String, List<ScheduleRow>> prevByAgent = new HashMap<>();
        Set<LocalDate> publishedDates = new HashSet<>();
        for (ScheduleRow r : previous) {
            prevByAgent.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r);
            publishedDates.add(r.date());
        }

        Map<String, Integer> atSite = new HashMap<>();
        for (Agent a : agents) {
            if (a.workMode() != WorkMode.REMOTE && a.site() != null) {
                atSite.merge(a.site(), 1, Integer::sum);
            }
        }
        Set<String> shortSites = new HashSet<>();
        atSite.forEach((site, n) -> {
            Integer seats = rules.siteSeats().get(site);
            if (seats != null && SeatRules.agentsOver(n, seats) > 0) {
                shortSites.add(site);
            }
        });
        ctx.shortSites(shortSites);

        Map<String, List<PreferenceRules.Wish>> wishes = PreferenceRules.expand(preferences,
                rules.horizon().start(), days, rules.preferences());
        Map<String, List<PatternRules.DayOff>> patternDays = PatternRules.daysOff(rules.patterns(), agents,
                rules.horizon().start(), days);
        Map<String, org.wfm.scheduler.domain.FairnessCount> carriedBy = new HashMap<>();
        carried.forEach(c -> carriedBy.put(c.agentId(), c));
        // Agents with the same window, days and time off share their days' pattern lists: one list per distinct
        // range instead of one per agent-day (10,000 agents × 14 days hold ~100 distinct lists, not 140,000)
        Map<List<ShiftPattern>, List<ShiftPattern>> sharedRanges = new HashMap<>();
        Map<RangeKey, List<ShiftPattern>> byWindow = new HashMap<>();
        List<AgentPlan> plans = new ArrayList<>();
        List<AgentWeek> weeks = new ArrayList<>();
        List<AgentDay> entities = new ArrayList<>();
        List<InputConflict> conflicts = new ArrayList<>();
        for (Agent a : names.isEmpty() ? List.<Agent>of() : agents) {
            List<TimeOff> offs = offByAgent.getOrDefault(a.id(), List.of());
            List<ScheduleRow> prev = prevByAgent.getOrDefault(a.id(), List.of());
            AgentPlan plan = plan(a, plans.size(), names, rules, offs, prev, t0,
                    carriedBy.getOrDefault(a.id(), new org.wfm.scheduler.domain.FairnessCount(a.id(), 0, 0)));
            List<PatternRules.DayOff> offDays = patternDays.getOrDefault(a.id(), List.of());
            boolean[] hardOff = new boolean[days];
            offDays.stream().filter(o -> o.pattern().hard()).forEach(o -> hardOff[o.day()] = true);
            plans.add(plan);
            Map<LocalDate, PublishedDay> published = published(prev, publishedDates, rules, t0);
            boolean skilled = AgentRules.skilledAtAll(a);
            List<List<ShiftPattern>> ranges = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                LocalDate date = rules.horizon().start().plusDays(d);
                boolean open = skilled && !hardOff[d] && a.availableDays().contains(date.getDayOfWeek());
                final int day = d;
                java.util.function.Supplier<List<ShiftPattern>> range = () -> sharedRanges.computeIfAbsent(
                        filter(patterns, p -> open && fits(plan, date, day, p)), x -> x);
                // Without time off near the day, the range depends on the day being open and the agent's window
                // alone: filtered once per window, not once per agent-day (10,000 agents × 14 days: most of the
                // build's time went here).
                ranges.add(touchesTimeOff(plan, d) ? range.get() : byWindow.computeIfAbsent(
                        new RangeKey(open, AgentRules.windowStart(a), AgentRules.windowEnd(a)), k -> range.get()));
            }
            conflicts.addAll(InputConflicts.noShiftFits(a, rules, offs, ranges, skilled));
            int firstWeek = weeks.size();
            for (int w = 0; w * 7 < days; w++) {
                AgentWeek contract = week(plan, w, days, rules, offs);
                int reachable = InputConflicts.reachableMinutes(contract, ranges, w == 0 ? plan.priorRunDays() : 0,
                        rules.shifts());
                if (reachable < contract.minMinutes()) {
                    // The solver aims for what the inputs allow; the evaluator still reports the contract's minimum.
                    conflicts.add(InputConflicts.minimumUnreachable(a, rules, w, contract, reachable));
                    contract = new AgentWeek(plan, w, contract.days(), reachable, contract.maxMinutes(),
                            contract.maxDays(), contract.overtimeAfterMinutes(), contract.overtimeExtra(),
                            contract.trainingMaxMinutes());
                }
                weeks.add(contract);
            }
            List<Boolean> homeRange = a.workMode() == WorkMode.HYBRID && plan.site() != null
                    ? List.of(false, true) : List.of(plan.site() == null);
            for (int d = 0; d < days; d++) {
                AgentWeek wk = weeks.get(firstWeek + d / 7);
                LocalDate date = rules.horizon().start().plusDays(d);
                AgentDay day = new AgentDay(plan, wk, d, ctx, ranges.get(d), homeRange, published.get(date));
                final int dayIndex = d;
                day.wishes(wishes.getOrDefault(a.id(), List.of()).stream().filter(w -> w.day() == dayIndex).toList());
                day.patternsOff(offDays.stream().filter(o -> o.day() == dayIndex).map(PatternRules.DayOff::pattern)
                        .toList());
                if (d < rules.replan().frozenDays() && published.containsKey(date)) {
                    Published.pin(day);
                }
                entities.add(day);
            }
        }
        conflicts.addAll(InputConflicts.seats(rules, weeks, entities));
        return new Schedule(ctx, plans, weeks, demands, entities, conflicts);
    }

    /** Deferred work must be done within its window: response hours rounded down to whole intervals. */
    public static int deferredWindowIntervals(Channel ch, int im) {
        double hours = Double.isNaN(ch.responseHours()) || ch.responseHours() <= 0 ? 24 : ch.responseHours();
        return Math.max(1, (int) Math.floor(hours * 60 / im));
    }

    static double shrinkage(Channel ch, ChannelPlan plan) {
        return Double.isNaN(ch.shrinkage()) ? plan.shrinkage() : ch.shrinkage();
    }

    static double ahtOf(Channel ch, Requirement[] rs) {
        if (ch.ahtSeconds() > 0) {
            return ch.ahtSeconds();
        }
        for (Requirement r : rs) {
            if (r != null && r.ahtSeconds() > 0) {
                return r.ahtSeconds();
            }
        }
        return 300;
    }

    private static double[] troughness(double[][] staff, int im, int days) {
        int perDay = 1440 / im;
        double[] out = new double[(days + 1) * perDay];
        for (int d = 0; d < days; d++) {
            double max = 0;
            double[] tot = new double[perDay];
            for (double[] ch : staff) {
                for (int k = 0; k < perDay; k++) {
                    tot[k] += ch[d * perDay + k];
                }
            }
            for (double v : tot) {
                max = Math.max(max, v);
            }
            for (int k = 0; k < perDay; k++) {
                out[d * perDay + k] = max <= 0 ? 1.0 : 1.0 - tot[k] / max;
            }
        }
        return out;
    }

    private static AgentPlan plan(Agent a, int index, List<String> names, Rules rules, List<TimeOff> offs,
                                  List<ScheduleRow> prev, LocalDateTime t0,
                                  org.wfm.scheduler.domain.FairnessCount carried) {
        List<String> channels = a.skills().entrySet().stream().filter(e -> AgentRules.skilled(a, e.getKey()))
                .filter(e -> names.contains(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
                        .thenComparing(e -> names.indexOf(e.getKey())))
                .map(Map.Entry::getKey).toList();
        if (channels.isEmpty()) {
            channels = List.of(names.get(0));
        }
        List<TrainingSlot> trainings = new ArrayList<>();
        Map<String, Integer> goals = new LinkedHashMap<>();
        boolean trainingAllowed = rules.training() != null && rules.training().blockMinutes() > 0
                && rules.training().maxHoursPerWeek() > 0;
        for (String ch : names) {
            double h = a.development().getOrDefault(ch, 0.0);
            if (h > 0 && trainingAllowed) {
                goals.put(ch, (int) Math.round(h * 60));
                for (int k = 0; k < TrainingSlot.SEGMENTS; k++) {
                    trainings.add(new TrainingSlot(ch, false, k));
                    trainings.add(new TrainingSlot(ch, true, k));
                }
            }
        }
        LocalDate start = rules.horizon().start();
        List<int[]> ranges = AgentRules.timeOffRanges(offs, start);
        Set<LocalDate> worked = new HashSet<>();
        Integer lastEnd = null;
        for (ScheduleRow r : prev) {
            if (r.date().isBefore(start)) {
                worked.add(r.date());
                int end = (int) ChronoUnit.MINUTES.between(t0, r.end());
                lastEnd = lastEnd == null ? end : Math.max(lastEnd, end);
            }
        }
        int run = ContractRules.priorRunDays(worked, start);
        return new AgentPlan(a, index, channels, trainings, goals, ranges, run, lastEnd, carried.weekendDays(),
                carried.lateShifts());
    }

    private static Map<LocalDate, PublishedDay> published(List<ScheduleRow> prev, Set<LocalDate> dates,
                                                          Rules rules, LocalDateTime t0) {
        Map<LocalDate, PublishedDay> out = new HashMap<>();
        LocalDate start = rules.horizon().start();
        LocalDate end = rules.horizon().end();
        for (LocalDate d : dates) {
            if (!d.isBefore(start) && d.isBefore(end)) {
                out.put(d, PublishedDay.OFF);
            }
        }
        for (ScheduleRow r : prev) {
            if (r.date().isBefore(start) || !r.date().isBefore(end)) {
                continue;
            }
            int s = (int) ChronoUnit.MINUTES.between(t0, r.start());
            int e = (int) ChronoUnit.MINUTES.between(t0, r.end());
            PublishedDay p = out.get(r.date());
            List<ScheduleRow> rows = new ArrayList<>(p == null ? List.of() : p.rows());
            rows.add(r);
            out.put(r.date(), p == null || p.off() ? new PublishedDay(false, s, e, rows)
                    : new PublishedDay(false, Math.min(s, p.start()), Math.max(e, p.end()), rows));
        }
        return out;
    }

    /** The contract's weekly bounds for one 7-day block, with proration and time off. */
    public static AgentWeek week(AgentPlan plan, int w, int days, Rules rules, List<TimeOff> offs) {
        Agent a = plan.agent();
        int blockDays = Math.min(7, days - w * 7);
        LocalDate from = rules.horizon().start().plusDays(w * 7L);
        LocalDate to = from.plusDays(blockDays);
        double min = a.employment() == Employment.ON_DEMAND ? 0 : a.minHoursWeek() * 60 * blockDays / 7.0;
        for (TimeOff t : offs) {
            if (t.date().isBefore(from) || !t.date().isBefore(to)) {
                continue;
            }
            if (t.wholeDay()) {
                min -= a.minHoursWeek() * 60 / 5.0;
            } else {
                min -= AgentRules.partDayMinutes(t);
            }
        }
        if (a.employment() == Employment.ON_DEMAND) {
            min = 0;
        }
        Rules.Costs costs = rules.costs();
        double trainingMax = rules.training() == null ? 0 : rules.training().maxHoursPerWeek() * 60;
        return new AgentWeek(plan, w, blockDays, (int) Math.max(0, Math.round(min)),
                (int) Math.round(a.maxHoursWeek() * 60), rules.shifts().maxDaysPerWeek(),
                (int) Math.round(costs.overtimeAfterHoursWeek() * 60), costs.overtimeMultiplier() - 1,
                (int) Math.round(trainingMax));
    }

    /** What an agent-day's shift range depends on when no time off is near: the day open, the agent's window. */
    private record RangeKey(boolean open, int windowStart, int windowEnd) {
    }

    private static List<ShiftPattern> filter(List<ShiftPattern> patterns, java.util.function.Predicate<ShiftPattern> keep) {
        List<ShiftPattern> range = new ArrayList<>();
        for (ShiftPattern p : patterns) {
            if (keep.test(p)) {
                range.add(p);
            }
        }
        return List.copyOf(range);
    }

    /**
     * Whether a time-off range of the agent overlaps the day or the next (a shift starting on the day may run past
     * midnight, at most into the next day).
     */
    private static boolean touchesTimeOff(AgentPlan plan, int day) {
        return plan.offOverlap(day * 1440, day * 1440 + 2 * 1440) > 0;
    }

    private static boolean fits(AgentPlan plan, LocalDate date, int day, ShiftPattern p) {
        if (!AgentRules.available(plan.agent(), date.getDayOfWeek(), p.startMinute(), p.lengthMinutes())) {
            return false;
        }
        return plan.offOverlap(day * 1440 + p.startMinute(), day * 1440 + p.endMinute()) == 0;
    }
}
