package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.ContractRules;
import org.wfm.scheduler.solver.model.Demand;
import org.wfm.scheduler.solver.model.PayRules;
import org.wfm.scheduler.solver.model.PlanContext;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.SeatRules;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.WorkSlot;

/**
 * Ruin and recreate (Schrimpf, Schneider, Stamm-Wilbrandt and Dueck, Record breaking optimization results using
 * the ruin and recreate principle, J. Computational Physics 159(2), 2000): the shifts of a few agents that
 * overlap on one day are taken out together, then that day is rebuilt from them and a few agents who were off,
 * the cheapest hour first (on-demand premium included, the order slightly randomised): each agent in turn takes
 * the shift that saves the most late contacts, then costs least, while keeping the agent's weekly hours,
 * days and training, rest, consecutive days and seats. Cheap agents with hours to spare so take long shifts and
 * dearer ones only what is left.
 *
 * <p>Why: once the demand is covered, single changes and swaps cannot move hours from an on-demand agent to a
 * contract agent with hours to spare, or trade two overlapping short shifts for a long one: every
 * intermediate step uncovers an interval, which the lexicographic score refuses. On the 30-agent benchmark
 * local search stalled 5.5% above the lower bound with on-demand agents working while contract agents sat at
 * their minimum. The rebuilt day is one {@link AssignMove}, accepted or refused by the real score like any
 * other move. Chvátal's ratio greedy for weighted set covering (most saved per cent, Math. of Operations
 * Research 4(3), 1979) was tried as a second way to rebuild, half of the time: at equal budget it did worse on
 * both the samples and the 30-agent benchmark (samples, 3 seeds: 3,470-3,590 late contacts against
 * 3,160-3,240 with the cheapest-first rebuild alone).
 */
public class RuinRecreateMoveFactory extends RandomMoveFactory<AssignMove> {
    /** Most shifts taken out at once; more make each move slower and rarely better. */
    static final int MAX_RUIN = 5;
    /** Agents who were off that day offered to the rebuild. */
    static final int MAX_EXTRA = 3;
    /** Random spread of prices (and of values in balance mode), so repeated ruins rebuild a place differently. */
    static final double NOISE = 0.1;
    /**
     * Steps of rebuild work worth one ordinary move: measured here, a rebuild step takes 20-30 ns and an
     * ordinary move with its incremental score 25-35 µs (samples and the 30-agent benchmark).
     */
    static final long WORK_PER_MOVE = 1_000;
    /** Work of valuing one shift exactly (its coverage list and the savings over it). */
    static final long PROBE_WORK = 40;
    /** Options per agent valued exactly after the estimate. */
    static final int SHORTLIST = 4;

    private List<List<AgentDay>> byDay = List.of();
    private Index index;

    /**
     * What a rebuild looks up: agent-days by agent and day and by day, each demand bucket's position, and how
     * many days around the rebuilt one can share a demand bucket with it (overnight shifts, deferred windows).
     */
    record Index(AgentDay[][] byPlanDay, AgentDay[][] byDay, Map<Demand, Integer> demandIndex, int reach) {
    }

    @Override
    public void phaseStarted(ScoreDirector<Schedule> director) {
        prepare(director.getWorkingSolution());
    }

    /** Indexes of the solution that do not change during the search. */
    void prepare(Schedule s) {
        List<List<AgentDay>> days = new ArrayList<>();
        int plans = 0;
        for (AgentDay d : s.getDays()) {
            while (days.size() <= d.getDay()) {
                days.add(new ArrayList<>());
            }
            if (!d.getPatternRange().isEmpty() && !d.isPinned()) {
                days.get(d.getDay()).add(d);
            }
            plans = Math.max(plans, d.getPlan().index() + 1);
        }
        int n = s.getCtx().days();
        AgentDay[][] grid = new AgentDay[plans][n];
        List<List<AgentDay>> all = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            all.add(new ArrayList<>());
        }
        for (AgentDay d : s.getDays()) {
            grid[d.getPlan().index()][d.getDay()] = d;
            all.get(d.getDay()).add(d);
        }
        Map<Demand, Integer> positions = new IdentityHashMap<>();
        int windowDays = 0;
        for (Demand d : s.getDemands()) {
            positions.put(d, positions.size());
            windowDays = Math.max(windowDays, (d.intervals() * s.getCtx().intervalMinutes() + 1439) / 1440);
        }
        days.removeIf(List::isEmpty);
        byDay = days;
        index = new Index(grid, all.stream().map(l -> l.toArray(new AgentDay[0])).toArray(AgentDay[][]::new),
                positions, 1 + windowDays);
    }

    @Override
    protected boolean canMove(ScoreDirector<Schedule> director) {
        return !byDay.isEmpty();
    }

    @Override
    protected AssignMove nextMove(ScoreDirector<Schedule> director, Random random) {
        List<AgentDay> day = byDay.get(random.nextInt(byDay.size()));
        Rebuild rb = new Rebuild(director.getWorkingSolution(), index, random);
        AssignMove m = rb.run(pick(day, random));
        charge(director, rb.work);
        return m;
    }

    /**
     * Counts a rebuild in the move budget by its work, as that many ordinary moves: the budget (a score
     * calculation count) is what stops a reproducible run, and a rebuild costs several ordinary moves, so
     * counting it as one would let the wall-clock limit cut runs first whenever rebuilds are frequent.
     */
    static void charge(ScoreDirector<Schedule> director, long work) {
        if (director instanceof InnerScoreDirector<?, ?> inner) {
            for (long k = work / WORK_PER_MOVE; k > 0; k--) {
                inner.incrementCalculationCount();
            }
        }
    }

    /** The rebuild of {@code pool}'s day on the solution as it is now (for tests). */
    AssignMove rebuild(Schedule s, List<AgentDay> pool, Random random) {
        return new Rebuild(s, index, random).run(pool);
    }

    /**
     * Paid minutes of the week holding {@code day} in one agent's row of agent-days (by day, null where the agent
     * has none), as the working solution has them; also {@link TrimShiftMoveFactory}'s.
     */
    static int weekMinutes(AgentDay[] row, int day) {
        int week = ContractRules.weekOf(day);
        int sum = 0;
        for (int k = week * 7; k < Math.min(row.length, week * 7 + 7); k++) {
            if (row[k] != null) {
                sum += row[k].paidMinutes();
            }
        }
        return sum;
    }

    /** Shifts overlapping a random working agent's shift that day, plus a few agents who are off. */
    static List<AgentDay> pick(List<AgentDay> day, Random random) {
        List<AgentDay> working = new ArrayList<>();
        List<AgentDay> off = new ArrayList<>();
        for (AgentDay d : day) {
            (d.assigned() ? working : off).add(d);
        }
        List<AgentDay> out = new ArrayList<>();
        if (!working.isEmpty()) {
            AgentDay seed = working.get(random.nextInt(working.size()));
            List<AgentDay> near = new ArrayList<>();
            for (AgentDay d : working) {
                if (d != seed && d.start() < seed.end() + 60 && seed.start() < d.end() + 60) {
                    near.add(d);
                }
            }
            out.add(seed);
            int k = 1 + random.nextInt(MAX_RUIN);
            while (out.size() < k && !near.isEmpty()) {
                out.add(near.remove(random.nextInt(near.size())));
            }
        }
        int extra = random.nextInt(MAX_EXTRA + 1);
        while (extra-- > 0 && !off.isEmpty()) {
            out.add(off.remove(random.nextInt(off.size())));
        }
        return out;
    }

    /** One rebuild of one day, on a snapshot of the coverage and seats of the working solution. */
    static final class Rebuild {
        private final PlanContext ctx;
        private final Index index;
        private final AgentDay[][] byPlanDay;
        private final Map<Demand, Integer> demandIndex;
        private final Random random;
        private final long[] coverage;
        private final Map<String, int[]> seatsUsed = new HashMap<>();
        private final Rules.Shifts rules;
        /** Steps of work done (coverage slots read, intervals and segments summed, shifts valued exactly). */
        long work;

        Rebuild(Schedule s, Index index, Random random) {
            this.ctx = s.getCtx();
            this.index = index;
            this.byPlanDay = index.byPlanDay();
            this.demandIndex = index.demandIndex();
            this.random = random;
            this.coverage = new long[demandIndex.size()];
            this.rules = ctx.rules().shifts();
        }

        /** The move that rebuilds {@code pool}'s day: the pool's agents get the shifts the greedy picks. */
        AssignMove run(List<AgentDay> pool) {
            if (pool.isEmpty()) {
                return new AssignMove(new AgentDay[0], new ShiftPattern[0], new String[0], new String[0],
                        new String[0], new Boolean[0]);
            }
            // Coverage and seats only where the rebuilt day's shifts can reach: the buckets they touch are exact.
            int day = pool.get(0).getDay();
            for (int k = Math.max(0, day - index.reach()); k <= Math.min(index.byDay().length - 1, day + index.reach()); k++) {
                for (AgentDay d : index.byDay()[k]) {
                    if (d.assigned()) {
                        add(d.workSlots(), 1);
                        work += d.workSlots().size();
                        seats(d, d.getHome(), d.getPattern(), 1);
                    }
                }
            }
            int n = pool.size();
            AgentDay[] entities = pool.toArray(new AgentDay[0]);
            ShiftPattern[] pattern = new ShiftPattern[n];
            String[] first = new String[n];
            String[] second = new String[n];
            String[] third = new String[n];
            Boolean[] home = new Boolean[n];
            int[] need = new int[n];
            boolean[] done = new boolean[n];
            for (int i = 0; i < n; i++) {
                AgentDay d = entities[i];
                first[i] = d.getChannel();
                second[i] = d.getSecondChannel();
                third[i] = d.getThirdChannel();
                home[i] = d.getHome();
                if (d.assigned()) {
                    add(d.workSlots(), -1);
                    seats(d, d.getHome(), d.getPattern(), -1);
                    // The week must keep its minimum, but a week already short is not asked for more.
                    int without = weekMinutes(d) - d.paidMinutes();
                    need[i] = Math.min(ContractRules.minutesUnderMinimum(without, d.getWeek()), d.paidMinutes());
                }
            }
            cheapestFirst(entities, need, done, pattern, first, second, third, home);
            for (int i = 0; i < n; i++) {
                if (!done[i] && need[i] > 0) {
                    // Contract hours: the shift that still helps most, or the cheapest that keeps the minimum.
                    Option o = bestOption(entities[i], need[i], Mode.FORCED);
                    if (o != null) {
                        commit(entities[i], o);
                        set(i, o, pattern, first, second, third, home);
                    }
                }
            }
            return new AssignMove(entities, pattern, first, second, third, home);
        }

        /** The agents in order of their hourly price (premium included), each taking its best shift. */
        private void cheapestFirst(AgentDay[] entities, int[] need, boolean[] done, ShiftPattern[] pattern,
                                   String[] first, String[] second, String[] third, Boolean[] home) {
            Integer[] order = new Integer[entities.length];
            double[] price = new double[entities.length];
            for (int i = 0; i < entities.length; i++) {
                order[i] = i;
                AgentDay d = entities[i];
                price[i] = PayRules.hourlyPrice(d.getPlan().agent(), ctx.rules().costs())
                        * (1 + NOISE * random.nextDouble());
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> price[i]));
            for (int i : order) {
                Option o = bestOption(entities[i], need[i], Mode.MOST_GAIN);
                if (o != null) {
                    commit(entities[i], o);
                    done[i] = true;
                    set(i, o, pattern, first, second, third, home);
                }
            }
        }

        /** How a shift is valued: see {@link #value(long, long, Mode, boolean)}. */
        private enum Mode { MOST_GAIN, FORCED }

        private static void set(int i, Option o, ShiftPattern[] pattern, String[] first, String[] second,
                                String[] third, Boolean[] home) {
            pattern[i] = o.pattern;
            first[i] = o.first;
            second[i] = o.second;
            third[i] = o.third;
            home[i] = o.home;
        }

        /** A shift for one agent-day: late contacts it saves, what it costs, and its value to the rebuild. */
        private static final class Option {
            ShiftPattern pattern;
            String first;
            String second;
            String third;
            Boolean home;
            long gain;
            long cost;
            double value;
        }

        /**
         * The best feasible shift for {@code d} given the coverage so far; null when none is worth taking
         * ({@code FORCED}: a shift must be taken for the contract's minimum, so the most useful one, then the
         * cheapest). Every pattern and channel is first valued from prefix sums of the marginal saving per
         * interval — exact for intervals of immediate channels, an over-estimate in a deferred window about to be
         * met — and the best few are then valued exactly from their coverage.
         */
        private Option bestOption(AgentDay d, int need, Mode mode) {
            List<String> channels = d.getPlan().channels();
            int im = ctx.intervalMinutes();
            int i0 = d.getDay() * 1440 / im;
            double[][] prefix = new double[channels.size()][];
            for (int c = 0; c < channels.size(); c++) {
                prefix[c] = prefix(d, channels.get(c), i0, 2 * 1440 / im);
            }
            Option[] top = new Option[SHORTLIST];
            for (ShiftPattern p : d.getPatternRange()) {
                if (p.paidMinutes() < need || !feasible(d, p)) {
                    continue;
                }
                Boolean home = homeFor(d, p);
                if (home == null) {
                    continue;
                }
                long cost = cost(d, p);
                int base = d.getDay() * 1440 + p.startMinute() - i0 * im;
                for (int c = 0; c < channels.size(); c++) {
                    double estimate = 0;
                    for (int[] seg : p.workSegments()) {
                        estimate += at(prefix[c], (base + seg[1]) / (double) im) - at(prefix[c], (base + seg[0]) / (double) im);
                    }
                    work += p.workSegments().size();
                    double v = value(Math.round(estimate), cost, mode, false);
                    if (mode != Mode.FORCED && v <= 0) {
                        continue;
                    }
                    Option o = new Option();
                    o.pattern = p;
                    o.first = channels.get(c);
                    o.second = o.first;
                    o.third = o.first;
                    o.home = home;
                    o.cost = cost;
                    o.value = v;
                    keep(top, o);
                }
            }
            ShiftPattern oldPattern = d.getPattern();
            String oldFirst = d.getChannel();
            String oldSecond = d.getSecondChannel();
            String oldThird = d.getThirdChannel();
            Boolean oldHome = d.getHome();
            Option best = null;
            try {
                for (Option o : top) {
                    if (o != null) {
                        best = better(best, probe(d, o.pattern, o.home, o.first, o.second, o.third, mode), mode);
                    }
                }
                if (best != null && channels.size() > 1) {
                    // Split days only around the best single-channel shift, as the construction does.
                    ShiftPattern p = best.pattern;
                    Boolean home = best.home;
                    for (String a : channels) {
                        for (String b : channels) {
                            if (!a.equals(b)) {
                                best = better(best, probe(d, p, home, a, b, b, mode), mode);
                            }
                        }
                    }
                    // Then the third block alone (one block at a time, as the construction does).
                    if (p.lateSplitOffset() < p.lengthMinutes()) {
                        String a = best.first;
                        String b = best.second;
                        for (String c : channels) {
                            if (!c.equals(b)) {
                                best = better(best, probe(d, p, home, a, b, c, mode), mode);
                            }
                        }
                    }
                }
                if (best != null && !best.pattern.pauses().isEmpty()) {
                    // Pauses staggered against the shifts already rebuilt, as the construction does.
                    d.setPattern(best.pattern);
                    d.setHome(best.home);
                    d.setChannels(best.first, best.second, best.third);
                    long[] valued = new long[1];
                    ShiftPattern placed = PausePlacement.place(d, this::gain, d.getPlan().index() + d.getDay(), valued);
                    work += valued[0] * PROBE_WORK;
                    if (placed != best.pattern) {
                        best = probe(d, placed, best.home, best.first, best.second, best.third, mode);
                    }
                }
            } finally {
                d.setPattern(oldPattern);
                d.setChannels(oldFirst, oldSecond, oldThird);
                d.setHome(oldHome);
            }
            return best;
        }

        /** Keeps the best options, highest value first, in a small array. */
        private static void keep(Option[] top, Option o) {
            for (int k = 0; k < top.length; k++) {
                if (top[k] == null || o.value > top[k].value) {
                    System.arraycopy(top, k, top, k + 1, top.length - k - 1);
                    top[k] = o;
                    return;
                }
            }
        }

        /**
         * Saving of one more agent (at the agent's proficiency on {@code channel}) in each of {@code n} intervals
         * from {@code i0}, summed: entry k is the saving of working intervals i0 .. i0+k-1 whole.
         */
        private double[] prefix(AgentDay d, String channel, int i0, int n) {
            int ci = ctx.channelIndex(channel);
            long milli = Math.round(d.getPlan().agent().proficiency(channel) * 1000) * ctx.intervalMinutes();
            work += n;
            double[] out = new double[n + 1];
            for (int k = 0; k < n; k++) {
                Demand dm = ctx.bucket(ci, i0 + k);
                double g = 0;
                if (dm != null && milli > 0) {
                    long c = coverage[demandIndex.get(dm)];
                    g = dm.penalty(c) - dm.penalty(c + milli);
                }
                out[k + 1] = out[k] + g;
            }
            return out;
        }

        /** The prefix sum at a fractional interval position (a part interval counts in proportion). */
        private static double at(double[] prefix, double x) {
            if (x <= 0) {
                return 0;
            }
            int k = (int) Math.floor(x);
            if (k >= prefix.length - 1) {
                return prefix[prefix.length - 1];
            }
            return prefix[k] + (x - k) * (prefix[k + 1] - prefix[k]);
        }

        private static Option better(Option best, Option o, Mode mode) {
            if (mode != Mode.FORCED && o.value <= 0) {
                return best;
            }
            return best == null || o.value > best.value ? o : best;
        }

        private Option probe(AgentDay d, ShiftPattern p, Boolean home, String a, String b, String c, Mode mode) {
            work += PROBE_WORK;
            d.setPattern(p);
            d.setHome(home);
            d.setChannels(a, b, c);
            Option o = new Option();
            o.pattern = p;
            o.first = a;
            o.second = b;
            o.third = c;
            o.home = home;
            o.gain = gain(d.workSlots());
            o.cost = cost(d, p);
            o.value = value(o.gain, o.cost, mode, true);
            return o;
        }

        /**
         * Cover mode: the most late contacts saved, then the lower cost (lexicographic, like the score); balance
         * mode: the saving less the cost. MOST_GAIN takes only positive values; FORCED (the contract's minimum
         * needs a shift) takes the best there is.
         */
        private double value(long gain, long cost, Mode mode, boolean noisy) {
            if (ctx.cover()) {
                return mode == Mode.MOST_GAIN && gain <= 0 ? 0 : gain * 1e6 - cost;
            }
            double v = gain - cost;
            return noisy && v > 0 ? v * (1 + NOISE * random.nextDouble()) : v;
        }

        /** Wage and on-demand premium, plus overtime where the week passes its threshold. */
        private long cost(AgentDay d, ShiftPattern p) {
            long cents = d.wageCents(p) + d.onDemandPremiumCents(p);
            AgentWeek w = d.getWeek();
            int before = weekMinutes(d) - d.paidMinutes();
            int over = PayRules.overtimeMinutes(before + p.paidMinutes(), w.overtimeAfterMinutes())
                    - PayRules.overtimeMinutes(before, w.overtimeAfterMinutes());
            if (over > 0) {
                cents += PayRules.overtimeCents(over, d.getPlan().agent().hourlyCost(), w.overtimeExtra());
            }
            return cents;
        }

        private long gain(List<WorkSlot> slots) {
            long g = 0;
            for (WorkSlot w : slots) {
                long c = coverage[demandIndex.get(w.demand())];
                g += w.demand().penalty(c) - w.demand().penalty(c + w.milliMinutes());
            }
            return g;
        }

        private void add(List<WorkSlot> slots, int sign) {
            for (WorkSlot w : slots) {
                coverage[demandIndex.get(w.demand())] += sign * w.milliMinutes();
            }
        }

        private void commit(AgentDay d, Option o) {
            ShiftPattern oldPattern = d.getPattern();
            String oldFirst = d.getChannel();
            String oldSecond = d.getSecondChannel();
            String oldThird = d.getThirdChannel();
            Boolean oldHome = d.getHome();
            d.setPattern(o.pattern);
            d.setChannels(o.first, o.second, o.third);
            d.setHome(o.home);
            add(d.workSlots(), 1);
            seats(d, o.home, o.pattern, 1);
            d.setPattern(oldPattern);
            d.setChannels(oldFirst, oldSecond, oldThird);
            d.setHome(oldHome);
        }

        /** Paid minutes of the agent's week as the working solution has it. */
        private int weekMinutes(AgentDay d) {
            return RuinRecreateMoveFactory.weekMinutes(byPlanDay[d.getPlan().index()], d.getDay());
        }

        /** Hard rules of the agent's other days: weekly hours, days and training, consecutive days, rest. */
        private boolean feasible(AgentDay d, ShiftPattern p) {
            AgentDay[] row = byPlanDay[d.getPlan().index()];
            int day = d.getDay();
            AgentWeek w = d.getWeek();
            int week = ContractRules.weekOf(day);
            int minutes = 0;
            int worked = 0;
            int training = 0;
            for (int k = week * 7; k < Math.min(row.length, week * 7 + 7); k++) {
                if (k != day && row[k] != null && row[k].assigned()) {
                    minutes += row[k].paidMinutes();
                    worked++;
                    training += row[k].trainingMinutes();
                }
            }
            // The move keeps the day's training slot, which the new shift may have room for.
            if (ContractRules.minutesOverMaximum(minutes + p.paidMinutes(), w) > 0
                    || ContractRules.daysBeyond(worked + 1, w) > 0
                    || ContractRules.trainingOverMaximum(training + d.trainingMinutesWith(p), w) > 0) {
                return false;
            }
            int start = day * 1440 + p.startMinute();
            int end = start + p.lengthMinutes();
            Integer prior = d.getPlan().priorLastEnd();
            if (prior != null && ContractRules.restMissing(prior, start, rules) > 0) {
                return false;
            }
            int reach = ContractRules.restReachDays(rules);
            for (int k = Math.max(0, day - reach); k <= Math.min(row.length - 1, day + reach); k++) {
                if (k == day || row[k] == null || !row[k].assigned()) {
                    continue;
                }
                int missing = k < day ? ContractRules.restMissing(row[k].end(), start, rules)
                        : ContractRules.restMissing(end, row[k].start(), rules);
                if (missing > 0) {
                    return false;
                }
            }
            int run = ContractRules.runThrough(k -> row[k] != null && row[k].assigned(), day, row.length,
                    d.getPlan().priorRunDays());
            return !ContractRules.runTooLong(run, rules);
        }

        /** Home (true) or site (false); null when the site is full and the agent cannot work from home. */
        private Boolean homeFor(AgentDay d, ShiftPattern p) {
            String site = d.getPlan().site();
            if (site == null) {
                return d.getHomeRange().get(0);
            }
            int[] used = seatsUsed.get(site);
            boolean room = true;
            if (used != null) {
                int cap = SeatRules.seatsAt(site, ctx.rules());
                int im = ctx.intervalMinutes();
                int s = d.getDay() * 1440 + p.startMinute();
                int to = Math.min(SeatRules.endInterval(s + p.lengthMinutes(), im), used.length);
                for (int i = SeatRules.firstInterval(s, im); i < to; i++) {
                    if (!SeatRules.room(used[i], cap)) {
                        room = false;
                        break;
                    }
                }
            }
            if (room && d.getHomeRange().contains(Boolean.FALSE)) {
                return Boolean.FALSE;
            }
            return d.getPlan().agent().workMode() == WorkMode.HYBRID && d.getHomeRange().contains(Boolean.TRUE)
                    ? Boolean.TRUE : null;
        }

        /**
         * Seats held at a site whose seats can run short, as {@link AgentDay#seatHolds()} holds them (an agent's
         * overlapping shifts count twice here: never fewer than the score counts).
         */
        private void seats(AgentDay d, Boolean home, ShiftPattern p, int sign) {
            String site = d.getPlan().site();
            if (p == null || Boolean.TRUE.equals(home) || SeatRules.seatsAt(site, ctx.rules()) == null
                    || !ctx.seatsCanRunShort(site)) {
                return;
            }
            int[] used = seatsUsed.computeIfAbsent(site, k -> new int[ctx.intervals() + 1]);
            int im = ctx.intervalMinutes();
            int s = d.getDay() * 1440 + p.startMinute();
            int to = Math.min(SeatRules.endInterval(s + p.lengthMinutes(), im), used.length);
            for (int i = SeatRules.firstInterval(s, im); i < to; i++) {
                used[i] += sign;
            }
        }
    }
}
