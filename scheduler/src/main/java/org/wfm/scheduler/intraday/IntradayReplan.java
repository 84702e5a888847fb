package org.wfm.scheduler.intraday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.wfm.scheduler.change.ScheduleChange;
import org.wfm.scheduler.change.ScheduleDiff;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.solver.Evaluation;
import org.wfm.scheduler.solver.ScheduleEvaluator;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.solver.SolverProgress;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Published;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;

/**
 * Re-optimises the rest of one published day with the fewest changes worth their disruption (intraday
 * rescheduling as in the leading WFM suites; the change-cost trade-off is the "minimal perturbation" rescheduling of
 * El Sakkout &amp; Wallace, "Probe backtrack search for minimal perturbation in dynamic scheduling", Constraints 5,
 * 2000, here as a priced objective rather than a lexicographic one).
 *
 * <p>Three steps, each reusing the nightly machinery:
 * <ol>
 * <li><b>Search.</b> The nightly solver on a one-day problem (two days when the published schedule has tomorrow, which
 * is pinned as published so the minimum rest into tomorrow's shift is a hard rule as every night). Each agent-day's
 * shifts are narrowed ({@link AgentDay#restrictPatterns}) to those that agree with the published day before {@code at}:
 * a shift under way keeps its start and the pauses it has taken and may end at any allowed length not before
 * {@code at}; a shift not yet begun may move, change length or go (voluntary time off) but not start before {@code at};
 * a day off stays off except for on-demand agents (call-in). Changed days are priced by rules' replan change cost,
 * which the run sets to {@link Settings#changeCost()}.</li>
 * <li><b>Freeze.</b> Moves that move pauses or training may still touch the time before {@code at}: an agent-day whose
 * schedule before {@code at} (activity, channel and location minute by minute) differs from the published one is put
 * back as published. So the rows before {@code at} are the published ones, exactly.</li>
 * <li><b>Keep what pays.</b> The changed agent-days, least valuable first, are put back as published when that does
 * not make the day worse under the {@link #objective} measured by {@link ScheduleEvaluator} (hard rules, late
 * contacts, money and {@link Settings#changeCost()} per agent-day changed, weighed as the night weighs them). What
 * stays is worth its cost; each agent-day's effect on every channel's service level after {@code at} is measured by
 * evaluating the day with and without its changes.</li>
 * </ol>
 */
public final class IntradayReplan {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    /** Weight of one broken hard rule in the objective: above anything else a day can move. */
    private static final double HARD = 1e12;
    /** Weight of one late contact in cover mode: above any money a day can move, as in the night's score. */
    private static final double SERVICE = 1e6;

    private IntradayReplan() {
    }

    /**
     * What changing one agent's day costs (the agent must be told; however many rows of changes.csv it gives: a
     * longer shift brings its new break), in the unit of rules.yaml's replan.change_cost: money, traded against late
     * contacts at objective.late_contact_cost in cover mode.
     */
    public record Settings(double changeCost) {
        /** Default: 7.5, five late contacts at the samples' late_contact_cost of 1.50. */
        public static final Settings DEFAULT = new Settings(7.5);
    }

    /**
     * One change and why: {@code channel} the channel whose service level after "now" it moves most, {@code effect}
     * that move in points (its agent-day's changes together, measured with and without them), {@code value} what the
     * agent-day's changes save in the {@link #objective}, their change cost included (positive: they pay).
     */
    public record Change(ScheduleChange change, String channel, String reason, double effect, double value) {
    }

    /** An offer to make to an agent: overtime, voluntary time off or a call-in, best value first (priority 1). */
    public record Offer(String agentId, String kind, LocalDateTime start, LocalDateTime end, int priority,
                        double value) {
    }

    /**
     * The outcome: {@code rows} the day's new schedule rows (every agent), {@code published} the day's published rows,
     * service levels after {@code at} per channel with the published and the new rows (NaN when the channel has no
     * contacts then), the changes and offers, {@code reverted} agent-days put back because the search touched their
     * time before {@code at} or their changes did not pay, and the solver's stop reason.
     */
    public record Result(List<ScheduleRow> rows, List<ScheduleRow> published, Map<String, Double> serviceBefore,
                         Map<String, Double> serviceAfter, List<Change> changes, List<Offer> offers, int reverted,
                         String terminatedBy) {
    }

    /**
     * @param in        the night's inputs with the reforecast requirements of {@code day} (other days are ignored)
     * @param published the published schedule (rows of any days: yesterday's give the rest into today, tomorrow's the
     *                  rest out of it)
     * @param at        now: the day's schedule before it is kept
     */
    public static Result replan(ScheduleInput in, List<ScheduleRow> published, LocalDate day, LocalDateTime at,
                                Settings settings, SolveOptions options, Consumer<SolverProgress> progress) {
        LocalDate tomorrow = day.plusDays(1);
        boolean hasTomorrow = published.stream().anyMatch(r -> r.date().equals(tomorrow));
        int days = hasTomorrow ? 2 : 1;
        Rules r = in.rules();
        // The week's contract was settled by the night: the minimum hours are not imposed again on one or two days.
        List<Agent> contracts = in.agents().stream().map(a -> new Agent(a.id(), a.name(), a.site(), a.workMode(),
                a.employment(), a.skills(), a.development(), 0, a.maxHoursWeek(), a.hourlyCost(), a.availableDays(),
                a.earliestStart(), a.latestEnd())).toList();
        Rules rules = new Rules(new Rules.Horizon(day, days), r.shifts(), r.breaks(), r.training(), r.siteSeats(),
                r.costs(), r.objective(), new Rules.Replan(0, settings.changeCost()));
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime to = day.plusDays(days).atStartOfDay();
        List<org.wfm.scheduler.staffing.Requirement> reqs = in.requirements().stream()
                .filter(q -> !q.intervalStart().isBefore(from) && q.intervalStart().isBefore(to)).toList();
        List<ScheduleRow> previous = published.stream()
                .filter(q -> !q.date().isBefore(day.minusDays(1)) && !q.date().isAfter(tomorrow)).toList();
        ScheduleInput one = new ScheduleInput(in.channels(), reqs, contracts, in.timeOff(), rules, previous,
                in.curves());
        Map<String, List<ScheduleRow>> pubToday = byAgent(published, day);
        List<ScheduleRow> pubTomorrow = published.stream().filter(q -> q.date().equals(tomorrow)).toList();
        int atMinute = (int) ChronoUnit.MINUTES.between(from, at);

        ScheduleOutcome out = new ScheduleSolver().solve(one, options.withoutBound(), progress, problem -> {
            for (AgentDay d : problem.getDays()) {
                if (d.getDay() > 0) {
                    // Tomorrow as published; a day the rules no longer let be rebuilt takes no shift here (the
                    // published rows are what the evaluator checks the rest against).
                    if (!Published.pin(d)) {
                        d.restrictPatterns(p -> null);
                    }
                } else {
                    d.restrictPatterns(agreeing(d, pubToday.getOrDefault(d.getPlan().id(), List.of()), from,
                            atMinute));
                }
            }
        });

        // Freeze: the time before `at` exactly as published.
        Map<String, List<ScheduleRow>> now = byAgent(out.rows(), day);
        int reverted = 0;
        TreeSet<String> agents = new TreeSet<>(pubToday.keySet());
        agents.addAll(now.keySet());
        for (String a : agents) {
            List<ScheduleRow> p = pubToday.getOrDefault(a, List.of());
            if (!timeline(p, at).equals(timeline(now.getOrDefault(a, List.of()), at))) {
                put(now, a, p);
                reverted++;
            }
        }
        // Keep what pays: the changed agent-days from the least to the most valuable, each put back when that is no
        // worse, so a change that only pays together with a weaker one is judged after that one has gone.
        double current = objective(one, now, pubToday, pubTomorrow, settings);
        List<Map.Entry<String, Double>> candidates = new ArrayList<>();
        for (String a : agents) {
            List<ScheduleRow> p = pubToday.getOrDefault(a, List.of());
            if (!ScheduleDiff.between(p, now.getOrDefault(a, List.of())).isEmpty()) {
                Map<String, List<ScheduleRow>> without = new TreeMap<>(now);
                put(without, a, p);
                candidates.add(Map.entry(a, objective(one, without, pubToday, pubTomorrow, settings) - current));
            }
        }
        candidates.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Double> c : candidates) {
            Map<String, List<ScheduleRow>> without = new TreeMap<>(now);
            put(without, c.getKey(), pubToday.getOrDefault(c.getKey(), List.of()));
            double cost = objective(one, without, pubToday, pubTomorrow, settings);
            if (cost <= current) {
                now = without;
                current = cost;
                reverted++;
            }
        }

        Evaluation before = ScheduleEvaluator.evaluate(one, join(pubToday, pubTomorrow));
        Evaluation after = ScheduleEvaluator.evaluate(one, join(now, pubTomorrow));
        Map<String, Double> slBefore = serviceAfter(before.coverage(), day, at);
        Map<String, Double> slAfter = serviceAfter(after.coverage(), day, at);
        List<Change> changes = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        double base = objective(one, now, pubToday, pubTomorrow, settings);
        for (String a : agents) {
            List<ScheduleRow> p = pubToday.getOrDefault(a, List.of());
            List<ScheduleChange> diff = ScheduleDiff.between(p, now.getOrDefault(a, List.of()));
            if (diff.isEmpty()) {
                continue;
            }
            Map<String, List<ScheduleRow>> without = new TreeMap<>(now);
            put(without, a, p);
            Evaluation ev = ScheduleEvaluator.evaluate(one, join(without, pubTomorrow));
            Map<String, Double> slWithout = serviceAfter(ev.coverage(), day, at);
            String channel = null;
            double effect = 0;
            for (Map.Entry<String, Double> e : slAfter.entrySet()) {
                double d = 100 * (e.getValue() - slWithout.getOrDefault(e.getKey(), Double.NaN));
                if (!Double.isNaN(d) && (channel == null || Math.abs(d) > Math.abs(effect))) {
                    channel = e.getKey();
                    effect = d;
                }
            }
            double value = objective(one, without, pubToday, pubTomorrow, settings) - base;
            String reason = reason(channel, effect, before.coverage(), in.channels().intervalMinutes(), p, now.getOrDefault(a, List.of()), day, at);
            for (ScheduleChange c : diff) {
                changes.add(new Change(c, channel, reason, effect, value));
                offer(c, agent(in, a), p, now.getOrDefault(a, List.of()), at, value).ifPresent(offers::add);
            }
        }
        offers.sort(Comparator.comparingDouble((Offer o) -> -o.value()).thenComparing(Offer::agentId));
        List<Offer> ranked = new ArrayList<>();
        for (Offer o : offers) {
            ranked.add(new Offer(o.agentId(), o.kind(), o.start(), o.end(), ranked.size() + 1, o.value()));
        }
        List<ScheduleRow> rows = new ArrayList<>();
        now.values().forEach(rows::addAll);
        return new Result(List.copyOf(rows), pubToday.values().stream().flatMap(List::stream).toList(), slBefore,
                slAfter, List.copyOf(changes), List.copyOf(ranked), reverted, out.terminatedBy());
    }

    /**
     * The shift {@code p} as this agent-day may take it, or null: see the class comment. A shift under way takes the
     * published pauses that began before now (same kind and length in the same order).
     */
    static UnaryOperator<ShiftPattern> agreeing(AgentDay d, List<ScheduleRow> pub, LocalDateTime dayStart,
                                                int atMinute) {
        boolean onDemand = d.getPlan().agent().employment() == Employment.ON_DEMAND;
        if (pub.isEmpty()) {
            return p -> onDemand && p.startMinute() >= atMinute ? p : null;
        }
        int pubStart = pub.stream().mapToInt(q -> minute(dayStart, q.start())).min().orElseThrow();
        int pubEnd = pub.stream().mapToInt(q -> minute(dayStart, q.end())).max().orElseThrow();
        if (pubStart >= atMinute) {
            return p -> p.startMinute() >= atMinute ? p : null;
        }
        List<ScheduleRow> taken = pub.stream()
                .filter(q -> q.activity() == Activity.BREAK || q.activity() == Activity.LUNCH)
                .filter(q -> minute(dayStart, q.start()) < atMinute)
                .sorted(Comparator.comparing(ScheduleRow::start)).toList();
        return p -> {
            if (p.startMinute() != pubStart
                    || (pubEnd <= atMinute ? p.endMinute() != pubEnd : p.endMinute() < atMinute)) {
                return null;
            }
            ShiftPattern q = p;
            for (int k = 0; k < taken.size(); k++) {
                ScheduleRow t = taken.get(k);
                if (k >= p.pauses().size() || p.pauses().get(k).lunch() != (t.activity() == Activity.LUNCH)
                        || p.pauses().get(k).minutes() != (int) ChronoUnit.MINUTES.between(t.start(), t.end())) {
                    return null;
                }
                q = q.withPause(k, minute(dayStart, t.start()) - pubStart);
            }
            for (int k = taken.size(); k < q.pauses().size(); k++) {
                if (pubStart + q.pauses().get(k).offset() < atMinute) {
                    return null;
                }
            }
            return ShiftRules.breakProblem(d.rules().breaks(), q.lengthMinutes(), q.pauses()) == null ? q : null;
        };
    }

    /**
     * What the day costs, in the night's order: broken hard rules first ({@value #HARD} each); then, in cover mode
     * (the default), late contacts plus the changes at {@link Settings#changeCost()} ÷ late_contact_cost contacts each
     * ({@value #SERVICE} per contact), money only breaking ties; in balance mode money: the paid cost, late contacts at
     * late_contact_cost and the changes at their cost. A change is an agent-day that {@link ScheduleDiff} finds
     * different from the published one.
     */
    static double objective(ScheduleInput in, Map<String, List<ScheduleRow>> today,
                            Map<String, List<ScheduleRow>> pubToday, List<ScheduleRow> tomorrow, Settings s) {
        Evaluation ev = ScheduleEvaluator.evaluate(in, join(today, tomorrow));
        int changes = 0;
        TreeSet<String> agents = new TreeSet<>(today.keySet());
        agents.addAll(pubToday.keySet());
        for (String a : agents) {
            if (!ScheduleDiff.between(pubToday.getOrDefault(a, List.of()), today.getOrDefault(a, List.of()))
                    .isEmpty()) {
                changes++;
            }
        }
        Rules.Objective o = in.rules().objective();
        double perContact = o == null ? 0 : o.lateContactCost();
        double hard = HARD * ev.summary().hardViolations().size();
        double money = ev.summary().cost().total();
        if (o != null && o.mode() == Rules.ObjectiveMode.BALANCE) {
            return hard + money + perContact * ev.summary().lateContacts() + s.changeCost() * changes;
        }
        double perChange = s.changeCost() <= 0 ? 0 : perContact <= 0 ? 1e6 : s.changeCost() / perContact;
        return hard + SERVICE * (ev.summary().lateContacts() + perChange * changes) + money;
    }

    /**
     * Each channel's service level over the intervals of {@code day} starting at or after {@code at}, weighted by their
     * forecast contacts, as coverage.csv gives them (NaN for a channel without contacts then).
     */
    public static Map<String, Double> serviceAfter(List<CoverageRow> coverage, LocalDate day, LocalDateTime at) {
        Map<String, double[]> sums = new TreeMap<>();
        for (CoverageRow c : coverage) {
            if (!c.intervalStart().toLocalDate().equals(day) || c.intervalStart().isBefore(at)) {
                continue;
            }
            double[] s = sums.computeIfAbsent(c.channel(), k -> new double[2]);
            if (!Double.isNaN(c.serviceLevel()) && c.forecastVolume() > 0) {
                s[0] += c.forecastVolume() * c.serviceLevel();
                s[1] += c.forecastVolume();
            }
        }
        Map<String, Double> out = new TreeMap<>();
        sums.forEach((ch, s) -> out.put(ch, s[1] > 0 ? s[0] / s[1] : Double.NaN));
        return out;
    }

    /**
     * A planner's phrase: the channel and the stretch after {@code at}, within the agent's old or new shift, where the
     * published schedule was short of the requirement ("voice short 11:00-13:00"), or over it for a change that gives
     * service back ("chat over 15:00-17:00").
     */
    static String reason(String channel, double effect, List<CoverageRow> before, int intervalMinutes,
                         List<ScheduleRow> old, List<ScheduleRow> now, LocalDate day, LocalDateTime at) {
        if (channel == null) {
            return "no service effect";
        }
        LocalDateTime lo = null;
        LocalDateTime hi = null;
        for (List<ScheduleRow> rows : List.of(old, now)) {
            for (ScheduleRow r : rows) {
                lo = lo == null || r.start().isBefore(lo) ? r.start() : lo;
                hi = hi == null || r.end().isAfter(hi) ? r.end() : hi;
            }
        }
        boolean gain = effect >= 0;
        LocalDateTime first = null;
        LocalDateTime last = null;
        for (CoverageRow c : before) {
            if (!c.channel().equals(channel) || !c.intervalStart().toLocalDate().equals(day)
                    || c.intervalStart().isBefore(at) || c.intervalStart().isBefore(lo)
                    || !c.intervalStart().isBefore(hi)) {
                continue;
            }
            boolean match = gain ? c.scheduled() < c.required() - 1e-9 : c.scheduled() > c.required() + 1e-9;
            if (match) {
                first = first == null ? c.intervalStart() : first;
                last = c.intervalStart();
            }
        }
        if (first == null) {
            return channel + (gain ? " service" : " cost");
        }
        return channel + (gain ? " short " : " over ") + HM.format(first) + "-"
                + HM.format(last.plusMinutes(intervalMinutes));
    }

    /** The offer a change of shift hours makes: overtime, voluntary time off or a call-in (on-demand agents). */
    static java.util.Optional<Offer> offer(ScheduleChange c, Agent agent, List<ScheduleRow> old,
                                           List<ScheduleRow> now, LocalDateTime at, double value) {
        boolean onDemand = agent != null && agent.employment() == Employment.ON_DEMAND;
        return switch (c.kind()) {
            case SHIFT_ADDED -> java.util.Optional.of(new Offer(c.agentId(), onDemand ? "call_in" : "overtime",
                    start(now), end(now), 0, value));
            case SHIFT_REMOVED -> java.util.Optional.of(new Offer(c.agentId(), "voluntary_time_off",
                    max(start(old), at), end(old), 0, value));
            case SHIFT_EXTENDED -> java.util.Optional.of(new Offer(c.agentId(), onDemand ? "call_in" : "overtime",
                    max(end(old), at), end(now), 0, value));
            case SHIFT_SHORTENED -> java.util.Optional.of(new Offer(c.agentId(), "voluntary_time_off",
                    max(end(now), at), end(old), 0, value));
            default -> java.util.Optional.empty();
        };
    }

    /**
     * An agent's day before {@code at} as (minute, activity, channel, location) runs: two schedules agree before
     * {@code at} when these are equal, however their rows are cut.
     */
    static List<String> timeline(List<ScheduleRow> rows, LocalDateTime at) {
        List<ScheduleRow> sorted = rows.stream().filter(r -> r.start().isBefore(at))
                .sorted(Comparator.comparing(ScheduleRow::start)).toList();
        List<String> out = new ArrayList<>();
        LocalDateTime runStart = null;
        LocalDateTime runEnd = null;
        String what = null;
        for (ScheduleRow r : sorted) {
            LocalDateTime end = r.end().isAfter(at) ? at : r.end();
            String w = r.activity() + "/" + Objects.requireNonNullElse(r.channel(), "") + "/"
                    + Objects.requireNonNullElse(r.location(), "");
            if (what != null && w.equals(what) && runEnd.equals(r.start())) {
                runEnd = end;
                continue;
            }
            if (what != null) {
                out.add(runStart + " " + runEnd + " " + what);
            }
            runStart = r.start();
            runEnd = end;
            what = w;
        }
        if (what != null) {
            out.add(runStart + " " + runEnd + " " + what);
        }
        return out;
    }

    private static Agent agent(ScheduleInput in, String id) {
        return in.agents().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    private static LocalDateTime start(List<ScheduleRow> rows) {
        return rows.stream().map(ScheduleRow::start).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static LocalDateTime end(List<ScheduleRow> rows) {
        return rows.stream().map(ScheduleRow::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static int minute(LocalDateTime dayStart, LocalDateTime t) {
        return (int) ChronoUnit.MINUTES.between(dayStart, t);
    }

    private static void put(Map<String, List<ScheduleRow>> m, String agent, List<ScheduleRow> rows) {
        if (rows.isEmpty()) {
            m.remove(agent);
        } else {
            m.put(agent, rows);
        }
    }

    private static Map<String, List<ScheduleRow>> byAgent(List<ScheduleRow> rows, LocalDate day) {
        Map<String, List<ScheduleRow>> out = new TreeMap<>();
        for (ScheduleRow r : rows) {
            if (r.date().equals(day)) {
                out.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r);
            }
        }
        out.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(ScheduleRow::start)).toList());
        return out;
    }

    private static List<ScheduleRow> join(Map<String, List<ScheduleRow>> today, List<ScheduleRow> tomorrow) {
        List<ScheduleRow> out = new ArrayList<>();
        today.values().forEach(out::addAll);
        out.addAll(tomorrow);
        return out;
    }
}
