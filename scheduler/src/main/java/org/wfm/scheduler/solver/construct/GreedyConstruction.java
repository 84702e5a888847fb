package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.ConstructionLimit;
import org.wfm.scheduler.solver.model.ContractRules;
import org.wfm.scheduler.solver.model.Demand;
import org.wfm.scheduler.solver.model.PayRules;
import org.wfm.scheduler.solver.model.PlanContext;
import org.wfm.scheduler.solver.model.Published;
import org.wfm.scheduler.solver.model.PublishedDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.SeatRules;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.TrainingSlot;
import org.wfm.scheduler.solver.model.WorkSlot;

/**
 * Construction heuristic: agents one at a time (full-time, then part-time, then on-demand, cheapest first),
 * each given the shifts that save the most late contacts in the demand still uncovered, while keeping every
 * hard rule (rest, consecutive days, days and hours per week, seats), until the weekly minimum is met and no
 * shift saves anything more (cover mode) or is worth its wage (balance mode). Then training blocks go where
 * removing the agent costs no service. A demand-driven greedy in the spirit of the "sequential" shift
 * scheduling heuristics surveyed by Ernst et al., Staff scheduling and rostering: a review of applications,
 * methods and models, EJOR 153 (2004) — here only the starting point for local search.
 *
 * <p>On a problem large for its time limit the full greedy gets half of the run's work budget, less a reserve for
 * the agents it will not reach ({@link #RESERVE_PER_AGENT_DAY} a day of theirs), so that the whole construction fits
 * in that half; the agents it has not reached then are given their contract's hours by the <b>quick placement</b>: the same order, day programme
 * and rules, each shift valued by the marginal savings of one more agent per interval summed over its work
 * segments (prefix sums; the lazy, estimate-first evaluation of the accelerated greedy, Minoux, Accelerated greedy
 * algorithms for maximizing submodular set functions, Optimization Techniques, LNCS 7, 1978, without its exactness
 * guarantee). 1,000 agents × 7 days: about 24,000 units of work an agent against some 200,000 for the full greedy.
 */
public class GreedyConstruction implements CustomPhaseCommand<Schedule> {

    private final Map<Demand, long[]> coverage = new IdentityHashMap<>();
    private final Map<String, int[]> seatsUsed = new HashMap<>();
    /**
     * Units of construction work worth one ordinary move in the run's work budget, in the count of {@link #gain}
     * (one per shift valued plus one per demand bucket it reaches): on the generated 500-agent instance the
     * construction does 102.8 million units in 4.9 s of thread CPU time (48 ns each, measured with both cores busy),
     * an ordinary move with its incremental score takes 25-35 µs (see RuinRecreateMoveFactory), so about 600 units.
     */
    public static final long WORK_PER_MOVE = 600;
    /**
     * What one agent-day not yet reached will cost once the full greedy stops, in its units of work: the quick
     * placement counts about 600 (10,000 agents × 14 days × 3 channels with breaks: 613 an agent-day, 26 µs of thread
     * CPU each at load 11), and handing the agent-day to the score director about a third of that again (9 µs).
     */
    public static final long RESERVE_PER_AGENT_DAY = 800;
    /** Work done: shifts valued, each counted as 1 + the demand buckets it reaches (see {@link #gain}). */
    private long work;
    /** What one more agent saves per channel and interval, for the quick placement's estimates. */
    private Marginals marginals;
    /**
     * The quick placement is on: shifts are chosen by {@link #estimate} (a few additions each) instead of being
     * valued slot by slot, and the pauses and channel split are settled once per shift kept.
     */
    private boolean quick;

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> director) {
        Schedule s = director.getWorkingSolution();
        PlanContext ctx = s.getCtx();
        Map<AgentPlan, List<AgentDay>> byPlan = new HashMap<>();
        for (AgentDay d : s.getDays()) {
            byPlan.computeIfAbsent(d.getPlan(), k -> new ArrayList<>()).add(d);
        }
        List<AgentPlan> order = new ArrayList<>(s.getPlans());
        // Agents who can only work at a site with fewer seats than agents go first, whatever their contract:
        // hybrids can go home once the seats are taken, they cannot. Ordered by contract first, full-time hybrids
        // filled Leeds' seats and two part-time on-site agents of the samples could not reach their weekly
        // minimum (-660 hard after construction).
        order.sort(Comparator.comparingInt((AgentPlan p) -> seatBound(ctx, p) ? 0 : 1)
                .thenComparingInt(p -> rank(p.agent().employment()))
                .thenComparingInt(p -> p.agent().workMode() == WorkMode.ONSITE ? 0 : 1)
                .thenComparingDouble(p -> p.agent().hourlyCost()).thenComparingInt(AgentPlan::index));
        Map<AgentDay, Choice> chosen = new IdentityHashMap<>();
        // First the hours every contract requires anyway, placed where they save most; then extra shifts from
        // the cheapest hour (on-demand premium included) while they still save service.
        List<AgentPass> passes = new ArrayList<>();
        for (AgentPlan p : order) {
            List<AgentDay> days = byPlan.getOrDefault(p, List.of());
            days.sort(Comparator.comparingInt(AgentDay::getDay));
            passes.add(new AgentPass(ctx, p, days, chosen));
        }
        marginals = new Marginals(ctx);
        // Every agent's published days first (with --previous), so no agent's new shifts take the seats or the
        // coverage another agent's published shift had.
        passes.forEach(AgentPass::keepPublished);
        // The run's work budget covers the construction too. Every agent gets the hours of their contract whatever
        // the budget: once the construction's share of it is spent, the agents not yet reached are placed by the
        // quick placement (estimated savings: about a tenth of the work an agent), and the extra shifts and the
        // training are left to local search. Counted in work, never in time, so the schedule is reproducible.
        // The full greedy stops while the share still holds what the agents not yet reached will cost (their quick
        // placement and the hand-over to the score director, RESERVE_PER_AGENT_DAY each of their days): counted so,
        // the whole construction, not only its first part, stays within the share (10,000 agents × 14 days with a
        // 5 s limit: the full greedy alone had taken 6 s of CPU, the quick placement 4 s more after it).
        ConstructionLimit limit = ctx.constructionLimit();
        long daysLeft = s.getDays().size();
        int full = 0;
        for (AgentPass pass : passes) {
            quick = quick || limit.reached(work + RESERVE_PER_AGENT_DAY * daysLeft);
            pass.run(true);
            daysLeft -= pass.days.size();
            full += quick ? 0 : 1;
        }
        boolean cut = quick || limit.reached(work);
        quick = false;
        if (!cut) {
            passes.sort(Comparator.comparingDouble((AgentPass a) -> price(ctx, a.plan)).thenComparingInt(a -> a.plan.index()));
            for (AgentPass pass : passes) {
                if (cut = limit.reached(work)) {
                    break;
                }
                pass.run(false);
            }
        }
        if (!cut) {
            placeTraining(s, chosen);
        }
        ctx.constructionReport(new ConstructionLimit.Report(cut, full, passes.size(), work));
        RuinRecreateMoveFactory.charge(director, work * RuinRecreateMoveFactory.WORK_PER_MOVE / WORK_PER_MOVE);
        for (AgentDay d : s.getDays()) {
            Choice c = chosen.get(d);
            set(director, d, "pattern", c == null ? null : c.pattern);
            if (c != null) {
                set(director, d, "channel", c.first);
                set(director, d, "secondChannel", c.second);
                set(director, d, "thirdChannel", c.third);
                set(director, d, "home", c.home);
                set(director, d, "training", c.training);
            }
        }
        director.triggerVariableListeners();
    }

    /** Works only on site, at a site whose seats can run short. */
    private static boolean seatBound(PlanContext ctx, AgentPlan p) {
        return p.agent().workMode() == WorkMode.ONSITE && p.site() != null && ctx.seatsCanRunShort(p.site());
    }

    private static double price(PlanContext ctx, AgentPlan p) {
        return PayRules.hourlyPrice(p.agent(), ctx.rules().costs());
    }

    private static int rank(Employment e) {
        return switch (e) {
            case FULL_TIME -> 0;
            case PART_TIME -> 1;
            case ON_DEMAND -> 2;
        };
    }

    private static void set(ScoreDirector<Schedule> director, AgentDay d, String variable, Object value) {
        director.beforeVariableChanged(d, variable);
        switch (variable) {
            case "pattern" -> d.setPattern((ShiftPattern) value);
            case "channel" -> d.setChannel((String) value);
            case "secondChannel" -> d.setSecondChannel((String) value);
            case "thirdChannel" -> d.setThirdChannel((String) value);
            case "home" -> d.setHome((Boolean) value);
            case "training" -> d.setTraining((TrainingSlot) value);
            default -> throw new IllegalArgumentException(variable);
        }
        director.afterVariableChanged(d, variable);
    }

    /** A candidate shift for one agent-day and what it saves. */
    static final class Choice {
        ShiftPattern pattern;
        String first;
        String second;
        String third;
        boolean home;
        TrainingSlot training;
        long gain;
        long cost;
        /** What choosing it costs in published-day changes, in the level of {@code gain}. */
        long change;
        /** The published day kept as it was (its training included). */
        boolean published;
    }

    long cov(Demand d) {
        long[] v = coverage.get(d);
        return v == null ? 0 : v[0];
    }

    /** {coverage, penalty at that coverage} of a bucket; the penalty is kept so a gain needs one evaluation. */
    private long[] state(Demand d) {
        long[] v = coverage.get(d);
        if (v == null) {
            v = new long[] {0, d.penalty(0)};
            coverage.put(d, v);
        }
        return v;
    }

    long gain(List<WorkSlot> slots) {
        long g = 0;
        work += 1 + slots.size();
        for (WorkSlot w : slots) {
            long[] v = state(w.demand());
            g += v[1] - w.demand().penalty(v[0] + w.milliMinutes());
        }
        return g;
    }

    /** {@link #gain(List)} of {@code d}'s slots, without building the list (same value, same work counted). */
    long gain(AgentDay d) {
        long[] g = {0, 1};
        d.visitWorkSlots((demand, milliMinutes) -> {
            long[] v = state(demand);
            g[0] += v[1] - demand.penalty(v[0] + milliMinutes);
            g[1]++;
        });
        work += g[1];
        return g[0];
    }

    void add(List<WorkSlot> slots, int sign) {
        for (WorkSlot w : slots) {
            long[] v = state(w.demand());
            v[0] += sign * w.milliMinutes();
            v[1] = w.demand().penalty(v[0]);
            if (marginals != null) {
                marginals.update(w.demand());
            }
        }
    }

    /**
     * The quick placement's value of {@code p} on {@code day} for an agent working channel {@code ci} all shift at
     * proficiency {@code milli}/1000: the savings one more agent brings in each interval the shift works, summed
     * (prefix sums, one lookup per work segment between pauses). It treats the agent's savings as additive over
     * the intervals, exact for immediate channels where one agent adds one interval's minutes to each bucket, an
     * upper estimate in a deferred window (whose savings shrink as the shift fills it). A multi-skilled agent works
     * channel {@code ci} before the shift's split point and {@code ci2} after it, as {@link AgentDay#channelAt}.
     */
    long estimate(int day, ShiftPattern p, int ci, long milli, int ci2, long milli2) {
        int base = day * 1440 + p.startMinute();
        long sum = 0;
        List<int[]> segments = p.workSegments();
        int split = p.splitOffset();
        // indexed: an iterator per call was the construction's largest allocation (10,000 agents: 1.6 GB)
        for (int k = 0, n = segments.size(); k < n; k++) {
            int[] seg = segments.get(k);
            boolean first = seg[0] < split;
            long part = marginals.minuteWeighted(first ? ci : ci2, base + seg[0], base + seg[1]);
            long m = first ? milli : milli2;
            sum += Math.multiplyHigh(part, m) != 0 ? Long.MAX_VALUE / 8 : part * m;
        }
        work += 1 + segments.size();
        return sum / (1000L * marginals.intervalMinutes);
    }

    /**
     * Per channel and interval of the grid: what one more agent of proficiency 1 working the whole interval saves
     * in the bucket it belongs to, at the coverage placed so far ({@code penalty(x) − penalty(x + interval)});
     * prefix sums over the grid are brought up to date lazily, from the first interval changed since.
     */
    private final class Marginals {
        final int intervalMinutes;
        final long unitMilli;
        final long[][] unit;
        final long[][] prefix;
        final int[] valid;

        Marginals(PlanContext ctx) {
            intervalMinutes = ctx.intervalMinutes();
            unitMilli = 1000L * intervalMinutes;
            int n = ctx.intervals();
            int channels = ctx.channels().size();
            unit = new long[channels][n];
            prefix = new long[channels][n + 1];
            valid = new int[channels];
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < n; i++) {
                    Demand d = ctx.bucket(c, i);
                    if (d != null && d.firstInterval() == i) {
                        update(d);
                    }
                }
            }
        }

        void update(Demand d) {
            long[] v = state(d);
            long u = v[1] - d.penalty(v[0] + unitMilli);
            long[] row = unit[d.channelIndex()];
            int to = Math.min(row.length, d.firstInterval() + d.intervals());
            for (int i = Math.max(0, d.firstInterval()); i < to; i++) {
                row[i] = u;
            }
            valid[d.channelIndex()] = Math.min(valid[d.channelIndex()], Math.max(0, d.firstInterval()));
            // Keeping the marginals is charged only while the quick placement uses them: beside the full greedy's
            // valuations it is a rounding error, and charging it would shift every run's local-search budget.
            work += quick ? 1 : 0;
        }

        long prefixAt(int c, int i) {
            long[] pre = prefix[c];
            int k = Math.min(i, pre.length - 1);
            if (k > valid[c]) {
                long[] row = unit[c];
                for (int j = valid[c]; j < k; j++) {
                    pre[j + 1] = pre[j] + row[j];
                }
                work += quick ? (k - valid[c]) / 64 : 0;
                valid[c] = k;
            }
            return pre[k];
        }

        /** Σ over the minutes of [from, to) of the unit saving of the interval each minute falls in. */
        long minuteWeighted(int c, int from, int to) {
            if (to <= from || from < 0) {
                return 0;
            }
            long[] row = unit[c];
            int im = intervalMinutes;
            int i0 = from / im;
            int i1 = to / im;
            if (i0 >= row.length) {
                return 0;
            }
            if (i0 == i1) {
                return row[i0] * (to - from);
            }
            long s = row[i0] * ((long) (i0 + 1) * im - from);
            s += (prefixAt(c, i1) - prefixAt(c, i0 + 1)) * im;
            if (i1 < row.length) {
                s += row[i1] * (to - (long) i1 * im);
            }
            return s;
        }
    }

    /** One agent's pass: days chosen one at a time, the best remaining day first. */
    final class AgentPass {
        final PlanContext ctx;
        final AgentPlan plan;
        final List<AgentDay> days;
        final Map<AgentDay, Choice> chosen;
        final AgentDay[] scratch;
        final ShiftPattern[] assigned;
        final int[] weekMinutes;
        final int[] weekDays;
        final AgentWeek[] weeks;
        /** Pinned days (the replan's frozen window): kept as published, never chosen again. */
        final boolean[] frozen;
        final Rules.Shifts rules;
        final int maxRun;
        final int maxLen;
        /** Per channel of the agent (in {@code plan.channels()} order): its index and the proficiency × 1000. */
        final int[] channelIndex;
        final long[] milli;
        /** Days around a shift whose shifts the rest rule can reach. */
        final int reach;
        /** The agent's site can run out of seats. */
        final boolean seatBound;

        AgentPass(PlanContext ctx, AgentPlan plan, List<AgentDay> days, Map<AgentDay, Choice> chosen) {
            this.ctx = ctx;
            this.plan = plan;
            this.days = days;
            this.chosen = chosen;
            int n = ctx.days();
            scratch = new AgentDay[n];
            assigned = new ShiftPattern[n];
            int nw = (n + 6) / 7;
            weekMinutes = new int[nw];
            weekDays = new int[nw];
            weeks = new AgentWeek[nw];
            frozen = new boolean[n];
            for (AgentDay d : days) {
                weeks[ContractRules.weekOf(d.getDay())] = d.getWeek();
                scratch[d.getDay()] = d;
            }
            rules = ctx.rules().shifts();
            maxRun = rules.maxConsecutiveDays();
            // Longest paid time of any shift the agent can take: lunch is unpaid, so not the longest length.
            maxLen = days.stream().flatMap(d -> d.getPatternRange().stream()).mapToInt(ShiftPattern::paidMinutes)
                    .max().orElse(0);
            reach = ContractRules.restReachDays(rules);
            seatBound = plan.site() != null && ctx.seatsCanRunShort(plan.site());
            channelIndex = new int[plan.channels().size()];
            milli = new long[channelIndex.length];
            for (int k = 0; k < channelIndex.length; k++) {
                String ch = plan.channels().get(k);
                channelIndex[k] = ctx.channelIndex(ch);
                // as AgentDay.visitWorkSlots weighs a minute
                milli[k] = Math.round(plan.agent().proficiency(ch) * 1000);
            }
        }

        void run(boolean minimumOnly) {
            if (minimumOnly) {
                // The quick placement starts its first loop from the days' values the programme computed (nothing
                // changed between). The full greedy values them again: the same choices, but its work count, and so
                // every run's local-search budget, stay as they were.
                Choice[] valued = new Choice[ctx.days()];
                boolean[] fresh = new boolean[ctx.days()];
                boolean[] allowed = workDays(valued, fresh);
                loop(true, allowed, quick ? valued : new Choice[ctx.days()], quick ? fresh : new boolean[ctx.days()]);
            }
            loop(minimumOnly, null, new Choice[ctx.days()], new boolean[ctx.days()]);
        }

        /**
         * The days the contract's minimum should go on: per week as many days as the minimum needs at the
         * longest paid shift, chosen by a dynamic programme over the horizon that maximises the service saved
         * while no run of working days exceeds the limit. Picking days one by one by gain instead strands
         * weeks (a weekend worked next to a full week blocks the days before it).
         */
        boolean[] workDays(Choice[] valued, boolean[] fresh) {
            int n = ctx.days();
            long[] value = new long[n];
            boolean[] open = new boolean[n];
            for (AgentDay d : days) {
                int k = d.getDay();
                Choice c = assigned[k] == null && !frozen[k] ? evaluate(d) : null;
                valued[k] = c;
                fresh[k] = assigned[k] == null && !frozen[k];
                open[k] = c != null;
                // Every open day is worth something, so the count per week is met even where nothing is saved.
                value[k] = c == null ? 0 : Math.max(0, c.gain) + 1;
            }
            int[] quota = new int[weeks.length];
            for (int w = 0; w < weeks.length; w++) {
                int need = ContractRules.minutesUnderMinimum(weekMinutes[w], weeks[w]);
                quota[w] = maxLen <= 0 ? 0 : Math.min(weeks[w].maxDays() - weekDays[w], (need + maxLen - 1) / maxLen);
            }
            final long big = 1L << 40;
            int runs = maxRun + 1;
            long[][][] dp = new long[n + 1][runs][8];
            byte[][][] take = new byte[n + 1][runs][8];
            for (long[][] a : dp) {
                for (long[] b : a) {
                    java.util.Arrays.fill(b, Long.MIN_VALUE);
                }
            }
            dp[0][Math.min(maxRun, plan.priorRunDays())][0] = 0;
            for (int k = 0; k < n; k++) {
                boolean weekEnds = k % 7 == 6 || k == n - 1;
                for (int r = 0; r < runs; r++) {
                    for (int c = 0; c < 8; c++) {
                        long cur = dp[k][r][c];
                        if (cur == Long.MIN_VALUE) {
                            continue;
                        }
                        // Counted days earn "big" each, so the quota comes first, then the service saved.
                        for (int on = 0; on <= 1; on++) {
                            if (on == 1 && (!open[k] || ContractRules.runTooLong(r + 1, rules)
                                    || c + 1 > quota[ContractRules.weekOf(k)])) {
                                continue;
                            }
                            int r2 = on == 1 ? r + 1 : 0;
                            int c2 = weekEnds ? 0 : c + on;
                            long v = cur + (on == 1 ? big + value[k] : 0);
                            if (v > dp[k + 1][r2][c2]) {
                                dp[k + 1][r2][c2] = v;
                                take[k + 1][r2][c2] = (byte) (on | (c << 1) | (r << 4));
                            }
                        }
                    }
                }
            }
            int br = 0;
            for (int r = 0; r < runs; r++) {
                if (dp[n][r][0] > dp[n][br][0]) {
                    br = r;
                }
            }
            boolean[] chosen = new boolean[n];
            int r = br;
            int c = 0;
            for (int k = n; k > 0; k--) {
                byte t = take[k][r][c];
                chosen[k - 1] = (t & 1) == 1;
                c = (t >> 1) & 7;
                r = (t >> 4) & 15;
            }
            return chosen;
        }

        /**
         * Shifts one at a time, the best remaining day first; {@code best} holds the days already valued on the
         * coverage as it is now ({@code fresh}), the others are valued on the way.
         */
        private void loop(boolean minimumOnly, boolean[] allowed, Choice[] best, boolean[] fresh) {
            boolean[] dirty = new boolean[ctx.days()];
            for (int k = 0; k < dirty.length; k++) {
                dirty[k] = !fresh[k];
            }
            while (true) {
                Choice top = null;
                int topDay = -1;
                for (AgentDay d : days) {
                    int day = d.getDay();
                    if (assigned[day] != null || frozen[day] || (allowed != null && !allowed[day])) {
                        continue;
                    }
                    if (quick && minimumOnly && ContractRules.minutesUnderMinimum(
                            weekMinutes[ContractRules.weekOf(day)], weeks[ContractRules.weekOf(day)]) <= 0) {
                        // not worth it whatever it saves (see worthIt): the quick placement does not value it
                        continue;
                    }
                    if (dirty[day] || (best[day] != null && !feasible(day, best[day].pattern))) {
                        best[day] = evaluate(d);
                        dirty[day] = false;
                    }
                    Choice c = best[day];
                    if (c == null || !worthIt(day, c, minimumOnly)) {
                        continue;
                    }
                    if (top == null || better(c, top)) {
                        top = c;
                        topDay = day;
                    }
                }
                if (top == null) {
                    return;
                }
                if (quick) {
                    settleQuick(topDay, top);
                }
                commit(topDay, top);
                // The quick placement keeps its neighbours' values while their shifts stay legal (checked above).
                for (int k = Math.max(0, topDay - 1); k <= Math.min(ctx.days() - 1, topDay + 1) && !quick; k++) {
                    dirty[k] = true;
                }
            }
        }

        boolean better(Choice a, Choice b) {
            long va = ctx.cover() ? a.gain - a.change : a.gain - a.cost - a.change;
            long vb = ctx.cover() ? b.gain - b.change : b.gain - b.cost - b.change;
            return va != vb ? va > vb : a.cost < b.cost;
        }

        boolean worthIt(int day, Choice c, boolean minimumOnly) {
            int w = ContractRules.weekOf(day);
            if (ContractRules.minutesUnderMinimum(weekMinutes[w], weeks[w]) > 0) {
                return true;
            }
            return !minimumOnly && (ctx.cover() ? c.gain > c.change : c.gain > c.cost + c.change);
        }

        /**
         * Published shifts first (with --previous): the same start and end again where the rules allow, so local
         * search starts from the published schedule and changes only days that pay.
         */
        void keepPublished() {
            for (AgentDay d : days) {
                if (d.isPinned()) {
                    frozen[d.getDay()] = true;
                    if (d.getPattern() != null) {
                        Choice c = new Choice();
                        c.pattern = d.getPattern();
                        c.first = d.getChannel();
                        c.second = d.getSecondChannel();
                        c.third = d.getThirdChannel();
                        c.home = d.getHome();
                        c.training = d.getTraining();
                        commit(d.getDay(), c);
                    }
                }
            }
            for (AgentDay d : days) {
                PublishedDay pub = d.getPublished();
                if (pub == null || pub.off() || assigned[d.getDay()] != null || frozen[d.getDay()]) {
                    continue;
                }
                // The published day as it was (pauses, channels, training, location), where the rules still allow.
                Published.Assignment a = Published.match(d);
                if (a != null && a.pattern() != null && feasible(d.getDay(), a.pattern())) {
                    Boolean home = a.home() ? Boolean.TRUE : homeFor(d.getDay(), a.pattern());
                    if (home != null) {
                        Choice c = new Choice();
                        c.pattern = a.pattern();
                        c.first = a.channel();
                        c.second = a.secondChannel();
                        c.third = a.thirdChannel();
                        c.home = home;
                        c.training = a.training();
                        c.published = true;
                        commit(d.getDay(), c);
                        continue;
                    }
                }
                int base = d.getDay() * 1440;
                Choice c = evaluate(d, p -> base + p.startMinute() == pub.start() && base + p.endMinute() == pub.end());
                if (c != null) {
                    commit(d.getDay(), c);
                }
            }
        }

        Choice evaluate(AgentDay entity) {
            return quick ? evaluateQuick(entity) : evaluate(entity, p -> true);
        }

        Choice evaluate(AgentDay entity, java.util.function.Predicate<ShiftPattern> only) {
            int day = entity.getDay();
            AgentDay probe = scratch[day];
            Choice best = null;
            // A shift on a published day off changes the published schedule: it must save more than that costs.
            PublishedDay pub = entity.getPublished();
            long change = pub != null && pub.off() ? ctx.changePenalty() : 0;
            for (ShiftPattern p : entity.getPatternRange()) {
                if (!only.test(p) || !feasible(day, p)) {
                    continue;
                }
                Boolean home = homeFor(day, p);
                if (home == null) {
                    continue;
                }
                probe.setPattern(p);
                probe.setTraining(null);
                probe.setHome(home);
                for (String ch : plan.channels()) {
                    probe.setChannels(ch, ch, ch);
                    long g = gain(probe);
                    // preferences and soft patterns priced like wages: a tie-break in cover mode, traded in balance
                    long cost = probe.wageCents() + probe.onDemandPremiumCents() + probe.agentSideCents();
                    Choice c = new Choice();
                    c.pattern = p;
                    c.first = ch;
                    c.second = ch;
                    c.third = ch;
                    c.home = home;
                    c.gain = g;
                    c.cost = cost;
                    c.change = change;
                    if (best == null || better(c, best) || (bothZero(c, best) && preferred(day, c, best))) {
                        best = c;
                    }
                }
            }
            if (best != null) {
                settle(day, probe, best);
            }
            reset(probe);
            return best;
        }

        /**
         * The best channels for the chosen shift's blocks and its pauses placed where the agent's absence costs least;
         * {@code best.gain} is then the exact saving. The first and second block's channels are chosen as a pair (the
         * second block running to the shift's end), then the third block's alone, one block at a time: |channels|²
         * + |channels| shifts valued instead of |channels|³.
         */
        private void settle(int day, AgentDay probe, Choice best) {
            if (plan.channels().size() > 1) {
                probe.setPattern(best.pattern);
                probe.setHome(best.home);
                for (String a : plan.channels()) {
                    for (String b : plan.channels()) {
                        probe.setChannels(a, b, b);
                        long g = gain(probe);
                        if (g > best.gain) {
                            best.first = a;
                            best.second = b;
                            best.third = b;
                            best.gain = g;
                        }
                    }
                }
                if (best.pattern.lateSplitOffset() < best.pattern.lengthMinutes()) {
                    for (String c : plan.channels()) {
                        if (c.equals(best.second)) {
                            continue;
                        }
                        probe.setChannels(best.first, best.second, c);
                        long g = gain(probe);
                        if (g > best.gain) {
                            best.third = c;
                            best.gain = g;
                        }
                    }
                }
            }
            if (!best.pattern.pauses().isEmpty()) {
                // Pauses where this agent's absence costs least given the agents placed before: staggered.
                probe.setPattern(best.pattern);
                probe.setHome(best.home);
                probe.setChannels(best.first, best.second, best.third);
                best.pattern = PausePlacement.place(probe, GreedyConstruction.this::gain, plan.index() + day,
                        new long[1]);
                best.gain = gain(probe);
            }
        }

        /**
         * The quick placement's choice for {@code entity}: as {@link #evaluate(AgentDay)}, with every shift and
         * channel valued by {@link #estimate} and nothing settled yet ({@link #settleQuick} does it for the shift
         * kept).
         */
        private Choice evaluateQuick(AgentDay entity) {
            int day = entity.getDay();
            AgentDay probe = scratch[day];
            PublishedDay pub = entity.getPublished();
            long change = pub != null && pub.off() ? ctx.changePenalty() : 0;
            List<String> channels = plan.channels();
            Choice best = null;
            Choice c = new Choice();
            List<ShiftPattern> range = entity.getPatternRange();
            for (int i = 0; i < range.size(); i++) {
                ShiftPattern p = range.get(i);
                ShiftPattern before = i == 0 ? null : range.get(i - 1);
                if (before != null && before.startMinute() == p.startMinute()
                        && before.lengthMinutes() == p.lengthMinutes()) {
                    // A pause variant of the shift just valued (ShiftRules.generate lists the even placement first):
                    // settleQuick places the pauses of the shift kept within their windows anyway, so one
                    // placement per start and length is valued (a third of the estimates with breaks).
                    continue;
                }
                probe.setPattern(p);
                long cost = probe.wageCents() + probe.onDemandPremiumCents() + probe.agentSideCents();
                // the rules are checked only for a shift that would be kept: most are not, and the estimate is cheaper
                Boolean home = null;
                boolean checked = false;
                for (int k = 0; k < channels.size(); k++) {
                    c.pattern = p;
                    c.first = channels.get(k);
                    c.second = c.first;
                    c.third = c.first;
                    c.gain = estimate(day, p, channelIndex[k], milli[k], channelIndex[k], milli[k]);
                    c.cost = cost;
                    c.change = change;
                    if (best == null || better(c, best) || (bothZero(c, best) && preferred(day, c, best))) {
                        if (!checked) {
                            checked = true;
                            home = feasible(day, p) ? homeFor(day, p) : null;
                        }
                        if (home == null) {
                            break;
                        }
                        c.home = home;
                        Choice t = best == null ? new Choice() : best;
                        best = c;
                        c = t;
                    }
                }
            }
            reset(probe);
            return best;
        }

        /**
         * The quick placement's shift kept: its channel pair and pauses settled as {@link #settle} does, by estimates
         * (a pause goes to the start within its window where the agent's absence loses least, ties taken in turn as
         * {@link PausePlacement} takes them), then its saving valued exactly.
         */
        private void settleQuick(int day, Choice c) {
            AgentDay probe = scratch[day];
            int n = plan.channels().size();
            int k1 = plan.channels().indexOf(c.first);
            int k2 = k1;
            long top = Long.MIN_VALUE;
            for (int a = 0; a < n && n > 1; a++) {
                for (int b = 0; b < n; b++) {
                    long g = estimate(day, c.pattern, channelIndex[a], milli[a], channelIndex[b], milli[b]);
                    if (g > top) {
                        top = g;
                        k1 = a;
                        k2 = b;
                    }
                }
            }
            c.first = plan.channels().get(k1);
            c.second = plan.channels().get(k2);
            // The quick placement's estimate knows two blocks: the second runs to the shift's end.
            c.third = c.second;
            probe.setPattern(c.pattern);
            int a1 = k1;
            int a2 = k2;
            ShiftPattern p = PausePlacement.place(probe,
                    q -> estimate(day, q, channelIndex[a1], milli[a1], channelIndex[a2], milli[a2]), plan.index() + day);
            c.pattern = p;
            probe.setHome(c.home);
            probe.setChannels(c.first, c.second, c.third);
            probe.setTraining(null);
            c.gain = gain(probe);
            reset(probe);
        }

        private boolean bothZero(Choice a, Choice b) {
            return a.gain == 0 && b.gain == 0;
        }

        /** Without service to win, a shift of the length the week still needs, starting like the others. */
        private boolean preferred(int day, Choice a, Choice b) {
            int w = ContractRules.weekOf(day);
            int need = ContractRules.minutesUnderMinimum(weekMinutes[w], weeks[w]);
            int da = Math.abs(a.pattern.paidMinutes() - Math.min(need, maxLen));
            int db = Math.abs(b.pattern.paidMinutes() - Math.min(need, maxLen));
            if (da != db) {
                return da < db;
            }
            return a.cost < b.cost;
        }

        /** Home (true), site (false), or null when the site is full and the agent cannot work from home. */
        Boolean homeFor(int day, ShiftPattern p) {
            String site = plan.site();
            if (site == null) {
                return true;
            }
            boolean room = true;
            // A site with a seat for every agent based there always has room: no need to look.
            Integer cap = seatBound ? SeatRules.seatsAt(site, ctx.rules()) : null;
            if (cap != null) {
                int[] used = seatsUsed.computeIfAbsent(site, k -> new int[ctx.intervals() + 1]);
                int im = ctx.intervalMinutes();
                int s = day * 1440 + p.startMinute();
                int to = Math.min(SeatRules.endInterval(s + p.lengthMinutes(), im), used.length);
                for (int i = SeatRules.firstInterval(s, im); i < to; i++) {
                    if (!SeatRules.room(used[i], cap)) {
                        room = false;
                        break;
                    }
                }
            }
            if (room) {
                return false;
            }
            return plan.agent().workMode() == WorkMode.HYBRID ? Boolean.TRUE : null;
        }

        boolean feasible(int day, ShiftPattern p) {
            int w = ContractRules.weekOf(day);
            AgentWeek wk = weeks[w];
            if (ContractRules.daysBeyond(weekDays[w] + 1, wk) > 0
                    || ContractRules.minutesOverMaximum(weekMinutes[w] + p.paidMinutes(), wk) > 0) {
                return false;
            }
            int start = day * 1440 + p.startMinute();
            int end = start + p.lengthMinutes();
            if (plan.priorLastEnd() != null && ContractRules.restMissing(plan.priorLastEnd(), start, rules) > 0) {
                return false;
            }
            for (int k = Math.max(0, day - reach); k <= Math.min(ctx.days() - 1, day + reach); k++) {
                ShiftPattern q = assigned[k];
                if (q == null || k == day) {
                    continue;
                }
                int qs = k * 1440 + q.startMinute();
                int qe = qs + q.lengthMinutes();
                int missing = k < day ? ContractRules.restMissing(qe, start, rules)
                        : ContractRules.restMissing(end, qs, rules);
                if (missing > 0) {
                    return false;
                }
            }
            if (ContractRules.runTooLong(
                    ContractRules.runThrough(k -> assigned[k] != null, day, ctx.days(), plan.priorRunDays()), rules)) {
                return false;
            }
            // Keep every weekly minimum reachable with the days that can still be added around this one.
            if (addable == null || addableFor != day) {
                addable = addableDays(day);
                addableFor = day;
            }
            for (int v = 0; v < weeks.length; v++) {
                int need = ContractRules.minutesUnderMinimum(weekMinutes[v] + (v == w ? p.paidMinutes() : 0),
                        weeks[v]);
                if (need > 0 && (long) addable[v] * maxLen < need) {
                    return false;
                }
            }
            return true;
        }

        private int[] addable;
        private int addableFor = -1;

        /**
         * Days each week could still take once {@code day} is worked: free available days picked from the
         * first on while no run grows past the consecutive-day limit (taking the earliest day whenever allowed
         * maximises the count) and the week's day limit holds.
         */
        int[] addableDays(int day) {
            int n = ctx.days();
            boolean[] on = new boolean[n];
            for (int k = 0; k < n; k++) {
                on[k] = assigned[k] != null || k == day;
            }
            int[] count = new int[weeks.length];
            int[] days = weekDays.clone();
            days[ContractRules.weekOf(day)]++;
            for (int k = 0; k < n; k++) {
                int w = ContractRules.weekOf(k);
                if (on[k] || scratch[k] == null || scratch[k].getPatternRange().isEmpty()
                        || ContractRules.daysBeyond(days[w] + 1, weeks[w]) > 0) {
                    continue;
                }
                on[k] = true;
                if (!ContractRules.runTooLong(ContractRules.runThrough(j -> on[j], k, n, plan.priorRunDays()), rules)) {
                    count[w]++;
                    days[w]++;
                } else {
                    on[k] = false;
                }
            }
            return count;
        }

        void commit(int day, Choice c) {
            AgentDay d = scratch[day];
            d.setPattern(c.pattern);
            d.setChannels(c.first, c.second, c.third);
            d.setHome(c.home);
            d.setTraining(c.training);
            add(d.workSlots(), 1);
            if (SeatRules.seatsAt(d.location(), ctx.rules()) != null) {
                int[] used = seatsUsed.computeIfAbsent(plan.site(), k -> new int[ctx.intervals() + 1]);
                int im = ctx.intervalMinutes();
                int to = Math.min(SeatRules.endInterval(d.end(), im), used.length);
                for (int i = SeatRules.firstInterval(d.start(), im); i < to; i++) {
                    used[i]++;
                }
            }
            reset(d);
            assigned[day] = c.pattern;
            addable = null;
            weekMinutes[ContractRules.weekOf(day)] += c.pattern.paidMinutes();
            weekDays[ContractRules.weekOf(day)]++;
            chosen.put(d, c);
        }
    }

    /** Training where taking the agent off the phones loses no service, up to the goal and weekly maximum. */
    private void placeTraining(Schedule s, Map<AgentDay, Choice> chosen) {
        PlanContext ctx = s.getCtx();
        if (ctx.rules().training() == null) {
            return;
        }
        int block = ctx.rules().training().blockMinutes();
        Map<AgentPlan, Map<String, Integer>> delivered = new HashMap<>();
        Map<AgentWeek, Integer> weekTraining = new HashMap<>();
        List<AgentDay> days = new ArrayList<>(s.getDays());
        days.sort(Comparator.comparingInt((AgentDay d) -> d.getPlan().index()).thenComparingInt(AgentDay::getDay));
        // Training that pinned or kept published days already hold counts first, wherever it sits in the week.
        for (AgentDay d : days) {
            Choice c = chosen.get(d);
            if (c != null && c.training != null && (d.isPinned() || c.published)) {
                delivered.computeIfAbsent(d.getPlan(), k -> new HashMap<>()).merge(c.training.channel(), block,
                        Integer::sum);
                weekTraining.merge(d.getWeek(), block, Integer::sum);
            }
        }
        for (AgentDay d : days) {
            Choice c = chosen.get(d);
            if (c == null || d.getPlan().trainings().isEmpty()) {
                continue;
            }
            if (d.isPinned() || (c.published && c.training != null)) {
                continue;
            }
            int used = weekTraining.getOrDefault(d.getWeek(), 0);
            if (ContractRules.trainingOverMaximum(used + block, d.getWeek()) > 0) {
                continue;
            }
            d.setPattern(c.pattern);
            d.setChannels(c.first, c.second, c.third);
            d.setHome(c.home);
            List<WorkSlot> without = d.workSlots();
            add(without, -1);
            long base = gain(without);
            TrainingSlot best = null;
            long bestLoss = Long.MAX_VALUE;
            Map<String, Integer> got = delivered.computeIfAbsent(d.getPlan(), k -> new HashMap<>());
            for (TrainingSlot t : d.getPlan().trainings()) {
                if (got.getOrDefault(t.channel(), 0) + block > d.getPlan().goalMinutes(t.channel())) {
                    continue;
                }
                d.setTraining(t);
                if (d.trainingMinutes() == 0) {
                    continue;
                }
                long loss = base - gain(d.workSlots());
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = t;
                }
            }
            long value = PayRules.trainingValueCents(block, block, d.getPlan().agent().hourlyCost());
            boolean take = best != null && (ctx.cover() ? bestLoss <= 0 : bestLoss < value);
            d.setTraining(take ? best : null);
            add(d.workSlots(), 1);
            if (take) {
                c.training = best;
                got.merge(best.channel(), block, Integer::sum);
                weekTraining.merge(d.getWeek(), block, Integer::sum);
            }
            reset(d);
        }
    }

    /**
     * Back to the values the score director saw when the entity was inserted: the greedy probes entities in
     * place and only tells the score director about the final choice.
     */
    private static void reset(AgentDay d) {
        d.setPattern(null);
        d.setTraining(null);
        String first = d.getPlan().channels().get(0);
        d.setChannels(first, first, first);
        d.setHome(d.getHomeRange().get(0));
    }
}
