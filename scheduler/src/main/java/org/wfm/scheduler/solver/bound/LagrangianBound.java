package org.wfm.scheduler.solver.bound;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.AgentRules;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.PayRules;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;
import org.wfm.scheduler.staffing.Channel;

/**
 * A tighter bound on the set-covering model with one column per agent, day and shift: each agent at their own
 * price, at most one shift a day inside their window and days, the contract's weekly hours (minimum and maximum)
 * and days. The covering rows are dualised (Lagrangian relaxation; Fisher, The Lagrangian relaxation method for
 * solving integer programming problems, Management Science 27(1), 1981): for multipliers u ≥ 0,
 * L(u) = Σ u·R + Σ over agent-weeks of the cheapest plan at reduced costs, found exactly by a dynamic programme
 * over days, days used and paid time. Every L(u) is a lower bound (weak duality), and the best one is at least
 * the LP relaxation of this model.
 *
 * <p><b>Channels.</b> Each work minute of a multi-skilled agent may be on any channel the agent is skilled for,
 * at the agent's proficiency there: at prices u a minute in interval i is worth max over the agent's channels of
 * proficiency × u(row of the channel's interval). That is a superset of every block structure a schedule can
 * have (one channel, a split at the lunch, or any number of blocks), so the bound holds whatever the solver's
 * moves allow. It also makes the subproblem cheap: a shift's worth is a difference of the agent's running sums.
 * Each pause of a shift is taken where it costs least within its window (the pauses' order relaxed: still a
 * bound); the least of a piecewise-linear function of the start is at a breakpoint or an end of the window.
 *
 * <p><b>Multipliers.</b> Subgradient steps with Polyak's rule (Held, Wolfe and Crowder, Validation of
 * subgradient optimization, Math. Programming 6, 1974), the target the cost of the schedule being certified when
 * it is given (their choice: an upper bound), else 1% above the best bound so far; the step is halved after 20
 * steps without a better bound. The iterations stop on work done (shift evaluations), never on a clock, so the
 * bound written to summary.json is the same on every run.
 */
final class LagrangianBound {
    private static final int ITERATIONS = 3000;
    /**
     * Shift evaluations (a shift or one placement of one of its pauses valued at the current prices) over all
     * iterations at most. About 2-4 ns each here: the 80 × 14 × 3 benchmark does 367 iterations of about 818k
     * (91 from the first start, 276 from the second). Ten times this limit (3,000 iterations, the second start then
     * stopped by its step size) lifts its bound by 0.09% (76,973.64 → 77,045.95 beside the 98,024.92 schedule):
     * the ascent has levelled off, so the limit is not what keeps that instance's certified gap at 27%.
     */
    static final long WORK_LIMIT = 300_000_000L;
    /** Iterations at least, however large the instance (the first steps gain the most). */
    private static final int MIN_ITERATIONS = 50;
    /** Steps without a better bound before the step size is halved. */
    private static final int PATIENCE = 20;

    private LagrangianBound() {
    }

    /**
     * A shift shape shared by all agents: start, length and paid minutes, and for each of its pauses the
     * duration and the starts (minutes from the horizon's first midnight) worth valuing.
     */
    private record Shift(int from, int to, int paidMinutes, int[] pauseMinutes, int[][] pauseStarts) {
    }

    /** One agent: channels with their proficiencies, price per paid hour, and per week the allowed shifts. */
    private static final class AgentData {
        final Agent agent;
        final int[] channels;
        final double[] prof;
        final double price;
        /** Index in the input's agents (for a {@link PlanSink}). */
        int index;
        final List<AgentWeekData> weeks = new ArrayList<>();
        /**
         * The agent's best worth per interval at the current prices, its channel, and their running sum: scratch
         * arrays shared by all agents (each agent is priced just before its weeks are solved).
         */
        double[] worth;
        int[] best;
        double[] cum;

        AgentData(Agent agent, int[] channels, double[] prof, double price) {
            this.agent = agent;
            this.channels = channels;
            this.prof = prof;
            this.price = price;
        }

        void price(double[] u, int[][] rowOf, double[] worth, int[] best, double[] cum) {
            this.worth = worth;
            this.best = best;
            this.cum = cum;
            int n = worth.length;
            for (int i = 0; i < n; i++) {
                double w = 0;
                int b = -1;
                double bestProf = -1;
                for (int k = 0; k < channels.length; k++) {
                    int r = i < rowOf[channels[k]].length ? rowOf[channels[k]][i] : -1;
                    if (r < 0) {
                        continue;
                    }
                    double v = prof[k] * u[r];
                    // Ties (u = 0) go to the channel the agent is best at, so the subgradient sees coverage.
                    if (v > w + 1e-12 || b < 0 || (v >= w - 1e-12 && prof[k] > bestProf)) {
                        w = Math.max(w, v);
                        b = k;
                        bestProf = prof[k];
                    }
                }
                worth[i] = w;
                best[i] = b;
                cum[i + 1] = cum[i] + w;
            }
        }

        /** Worth of minutes [from, to) from the horizon's first midnight. */
        double worth(int from, int to, int im) {
            return at(to, im) - at(from, im);
        }

        private double at(int t, int im) {
            int i = t / im;
            if (i >= worth.length) {
                return cum[worth.length];
            }
            return cum[i] + worth[i] * (t - i * im) / im;
        }

        /** Worth of a shift less its pauses, each where it costs least; the chosen starts go to {@code chosen}. */
        double value(Shift s, int im, int[] chosen) {
            double v = worth(s.from, s.to, im);
            for (int k = 0; k < s.pauseMinutes.length; k++) {
                int dur = s.pauseMinutes[k];
                double least = Double.POSITIVE_INFINITY;
                for (int start : s.pauseStarts[k]) {
                    double off = worth(start, start + dur, im);
                    if (off < least) {
                        least = off;
                        if (chosen != null) {
                            chosen[k] = start;
                        }
                    }
                }
                if (!Double.isInfinite(least)) {
                    v -= least;
                }
            }
            return v;
        }

        /** Adds (sign +1) or removes (−1) minutes [from, to) to the rows of the agent's best channel there. */
        void cover(int from, int to, int im, int[][] rowOf, double[] covered, double sign) {
            for (int i = Math.floorDiv(from, im); i * im < to && i < worth.length; i++) {
                if (i < 0 || best[i] < 0) {
                    continue;
                }
                int k = best[i];
                int overlap = Math.min(to, (i + 1) * im) - Math.max(from, i * im);
                covered[rowOf[channels[k]][i]] += sign * prof[k] * overlap / im;
            }
        }
    }

    /** One agent's week: allowed shifts per day (indices into the shapes) and the week's limits. */
    private static final class AgentWeekData {
        final AgentWeek week;
        final int firstDay;
        final List<int[]> days = new ArrayList<>();

        AgentWeekData(AgentWeek week, int firstDay) {
            this.week = week;
            this.firstDay = firstDay;
        }
    }

    static Double compute(ScheduleInput in, double[][] cap) {
        return compute(in, cap, Double.NaN);
    }

    /**
     * Receives every agent-week plan the ascent prices (bench use only: the columns of a restricted master problem
     * solved outside the product, to see how far the bound is from the relaxed model's integer optimum). Never
     * changes the bound.
     */
    interface PlanSink {
        /** The covering rows ({@link CoverLowerBound#rows}) once, before any plan. */
        void rows(int[][] rowOf, double[] rhs, int intervalMinutes);

        /**
         * One agent-week's cheapest plan at the current prices: the agent (index in the input's agents) and week,
         * its wages, the agent's channels (plan order) and proficiencies, its shifts {from, to} in minutes from
         * the horizon's first midnight, each shift's pauses {start, minutes}, and per interval of each shift the
         * channel index (into {@code channels}) the prices put its minutes on (-1: none).
         */
        void plan(int agent, int week, double money, int[] channels, double[] prof, List<int[]> shifts,
                  List<int[][]> pauses, List<int[]> channelAt);
    }

    /**
     * Best bound found, or null when some agent cannot meet their weekly minimum (model infeasible); rows as in
     * {@link CoverLowerBound#rows}, capped by {@code cap} (weighted staff covered) when given. {@code upper}: the
     * cost of a schedule covering those rows (the step's target), or NaN.
     */
    static Double compute(ScheduleInput in, double[][] cap, double upper) {
        return compute(in, cap, upper, null);
    }

    /** As {@link #compute(ScheduleInput, double[][], double)}, every priced plan also given to {@code sink}. */
    static Double compute(ScheduleInput in, double[][] cap, double upper, PlanSink sink) {
        Rules rules = in.rules();
        int im = in.channels().intervalMinutes();
        int days = rules.horizon().days();
        int horizonIntervals = days * 1440 / im;
        LocalDate h0 = rules.horizon().start();
        List<Channel> channels = in.channels().channels();

        int[][] rowOf = new int[channels.size()][horizonIntervals];
        List<double[]> rowList = CoverLowerBound.rows(in, cap, rowOf);
        if (rowList.isEmpty()) {
            return null;
        }
        double[] rhs = rowList.stream().mapToDouble(r -> r[3]).toArray();
        if (sink != null) {
            sink.rows(rowOf, rhs, im);
        }

        // Shapes by start and length (pause variants of a pattern are one shape: pauses are placed here).
        Map<Long, Shift> byStartLength = new LinkedHashMap<>();
        for (ShiftPattern p : ShiftRules.generate(rules, im)) {
            byStartLength.computeIfAbsent(((long) p.startMinute() << 20) | p.lengthMinutes(),
                    k -> shift(p, rules.breaks(), im));
        }
        List<Shift> base = new ArrayList<>(byStartLength.values());
        int unit = 0;
        for (Shift s : base) {
            unit = gcd(unit, s.paidMinutes);
        }
        unit = Math.max(1, unit);
        // Work horizon: shifts starting on the last day may run past midnight.
        int n = horizonIntervals + (2 * 1440) / im;
        Map<String, List<TimeOff>> offs = new HashMap<>();
        in.timeOff().forEach(t -> offs.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        List<AgentData> agents = new ArrayList<>();
        // Shapes moved to each day, shared by all agents: index d * base.size() + shape.
        Shift[] placed = new Shift[days * base.size()];
        double cheapest = Double.POSITIVE_INFINITY;
        long perIteration = 0;
        for (int ai = 0; ai < in.agents().size(); ai++) {
            Agent a = in.agents().get(ai);
            List<Integer> cs = new ArrayList<>();
            for (int c = 0; c < channels.size(); c++) {
                if (AgentRules.skilled(a, channels.get(c).name())) {
                    cs.add(c);
                }
            }
            if (cs.isEmpty()) {
                continue;
            }
            int[] chs = cs.stream().mapToInt(Integer::intValue).toArray();
            double[] prof = new double[chs.length];
            double bestProf = 0;
            for (int k = 0; k < chs.length; k++) {
                prof[k] = a.proficiency(channels.get(chs[k]).name());
                bestProf = Math.max(bestProf, prof[k]);
            }
            double price = PayRules.hourlyPrice(a, rules.costs());
            cheapest = Math.min(cheapest, price / bestProf);
            AgentData data = new AgentData(a, chs, prof, price);
            data.index = ai;
            List<TimeOff> myOff = offs.getOrDefault(a.id(), List.of());
            AgentPlan plan = planOf(a, myOff, h0);
            for (int w = 0; w * 7 < days; w++) {
                AgentWeekData wk = new AgentWeekData(ProblemBuilder.week(plan, w, days, rules, myOff), w * 7);
                for (int d = w * 7; d < Math.min(days, w * 7 + 7); d++) {
                    List<Integer> allowed = new ArrayList<>();
                    for (int s = 0; s < base.size(); s++) {
                        Shift sh = base.get(s);
                        if (!AgentRules.available(a, h0.plusDays(d).getDayOfWeek(), sh.from, sh.to - sh.from)
                                || plan.offOverlap(d * 1440 + sh.from, d * 1440 + sh.to) > 0) {
                            continue;
                        }
                        int idx = d * base.size() + s;
                        if (placed[idx] == null) {
                            placed[idx] = moved(sh, d * 1440);
                        }
                        allowed.add(idx);
                        perIteration += 1 + java.util.Arrays.stream(sh.pauseStarts).mapToLong(x -> x.length).sum();
                    }
                    wk.days.add(allowed.stream().mapToInt(Integer::intValue).toArray());
                }
                data.weeks.add(wk);
            }
            agents.add(data);
        }
        if (agents.isEmpty() || perIteration * MIN_ITERATIONS > WORK_LIMIT) {
            // Too large for even the first steps within the work limit: the other bounds stand alone.
            return null;
        }

        long iterations = Math.min(ITERATIONS, Math.max(MIN_ITERATIONS, WORK_LIMIT / Math.max(1, perIteration)));
        Ascent ascent = new Ascent(agents, placed, rowOf, rhs, im, unit, n, upper, sink);
        // Two starts: no prices, where the plans that only keep the weekly minimums may already be the relaxation's
        // optimum (a centre with more contract hours than demand: 30 x 7 x 1 ends 0.4% below the optimum from
        // there, 1.5% from the other start), and every row at the cheapest price of a weighted staff-interval,
        // where the demand needs hours beyond the minimums (80 x 14 x 3 ends 2% higher from there).
        long first = Math.max(1, iterations / 4);
        double a = ascent.run(0, first);
        double b = ascent.run(Double.isInfinite(cheapest) ? 0 : cheapest * im / 60.0, iterations - first);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return null;
        }
        double best = Math.max(a, b);
        return Double.isInfinite(best) ? null : best;
    }

    /** Subgradient ascent on the multipliers from a uniform start; the best bound it meets (NaN: infeasible). */
    private static final class Ascent {
        private final List<AgentData> agents;
        private final Shift[] placed;
        private final int[][] rowOf;
        private final double[] rhs;
        private final int im;
        private final int unit;
        private final double upper;
        private final PlanSink sink;
        private final double[] covered;
        private final double[] g;
        private final double[] worth;
        private final int[] bestChannel;
        private final double[] cum;

        Ascent(List<AgentData> agents, Shift[] placed, int[][] rowOf, double[] rhs, int im, int unit, int n,
               double upper, PlanSink sink) {
            this.agents = agents;
            this.sink = sink;
            this.placed = placed;
            this.rowOf = rowOf;
            this.rhs = rhs;
            this.im = im;
            this.unit = unit;
            this.upper = upper;
            this.covered = new double[rhs.length];
            this.g = new double[rhs.length];
            this.worth = new double[n];
            this.bestChannel = new int[n];
            this.cum = new double[n + 1];
        }

        double run(double start, long iterations) {
            double[] u = new double[rhs.length];
            java.util.Arrays.fill(u, start);
            double best = Double.NEGATIVE_INFINITY;
            double lambda = 2.0;
            int sinceBest = 0;
            for (long it = 0; it < iterations; it++) {
                java.util.Arrays.fill(covered, 0);
                double bound = 0;
                for (int r = 0; r < rhs.length; r++) {
                    bound += u[r] * rhs[r];
                }
                for (AgentData a : agents) {
                    a.price(u, rowOf, worth, bestChannel, cum);
                    for (int w = 0; w < a.weeks.size(); w++) {
                        Double v = solveWeek(a, a.weeks.get(w), placed, im, unit, rowOf, covered, sink, w);
                        if (v == null) {
                            return Double.NaN;
                        }
                        bound += v;
                    }
                }
                if (bound > best + 1e-9) {
                    best = bound;
                    sinceBest = 0;
                } else if (++sinceBest >= PATIENCE) {
                    lambda /= 2;
                    sinceBest = 0;
                }
                double norm = 0;
                for (int r = 0; r < rhs.length; r++) {
                    g[r] = rhs[r] - covered[r];
                    if (u[r] > 0 || g[r] > 0) {
                        norm += g[r] * g[r];
                    }
                }
                if (norm < 1e-12 || lambda < 1e-4 || (!Double.isNaN(upper) && best >= upper - 1e-9)) {
                    break;
                }
                double target = !Double.isNaN(upper) && upper > best ? upper
                        : best + Math.max(0.01 * Math.abs(best), 1.0);
                double step = lambda * (target - bound) / norm;
                for (int r = 0; r < rhs.length; r++) {
                    u[r] = Math.max(0, u[r] + step * g[r]);
                }
            }
            return best;
        }
    }

    /**
     * The agent-week's cheapest plan at reduced costs (its coverage added to {@code covered}), or null if none
     * keeps the week's limits: best shift per day and paid length, then a dynamic programme over days, days used
     * and paid time in {@code unit}s (the greatest common divisor of the shifts' paid minutes, so sums are exact).
     */
    private static Double solveWeek(AgentData a, AgentWeekData wk, Shift[] placed, int im, int unit, int[][] rowOf,
                                    double[] covered, PlanSink sink, int weekIndex) {
        AgentWeek week = wk.week;
        int maxU = week.maxMinutes() / unit;
        int minU = (week.minMinutes() + unit - 1) / unit;
        int n = wk.days.size();
        int maxDays = Math.min(week.maxDays(), n);
        int cap = 0;
        for (int[] list : wk.days) {
            for (int idx : list) {
                cap = Math.max(cap, placed[idx].paidMinutes / unit);
            }
        }
        double inf = Double.POSITIVE_INFINITY;
        int[][] bestOf = new int[n][cap + 1];
        double[][] bestVal = new double[n][cap + 1];
        for (int d = 0; d < n; d++) {
            java.util.Arrays.fill(bestVal[d], inf);
            for (int idx : wk.days.get(d)) {
                Shift s = placed[idx];
                double v = s.paidMinutes / 60.0 * a.price - a.value(s, im, null);
                int len = s.paidMinutes / unit;
                if (v < bestVal[d][len]) {
                    bestVal[d][len] = v;
                    bestOf[d][len] = idx;
                }
            }
        }
        double[][][] dp = new double[n + 1][maxDays + 1][maxU + 1];
        int[][][] choice = new int[n + 1][maxDays + 1][maxU + 1];
        for (double[][] x : dp) {
            for (double[] y : x) {
                java.util.Arrays.fill(y, inf);
            }
        }
        dp[0][0][0] = 0;
        for (int d = 0; d < n; d++) {
            double[] bv = bestVal[d];
            for (int k = 0; k <= maxDays; k++) {
                for (int h = 0; h <= maxU; h++) {
                    double cur = dp[d][k][h];
                    if (cur == inf) {
                        continue;
                    }
                    if (cur < dp[d + 1][k][h]) {
                        dp[d + 1][k][h] = cur;
                        choice[d + 1][k][h] = -1;
                    }
                    if (k == maxDays) {
                        continue;
                    }
                    for (int len = 1; len <= cap && h + len <= maxU; len++) {
                        if (bv[len] == inf) {
                            continue;
                        }
                        double v = cur + bv[len];
                        if (v < dp[d + 1][k + 1][h + len]) {
                            dp[d + 1][k + 1][h + len] = v;
                            choice[d + 1][k + 1][h + len] = len;
                        }
                    }
                }
            }
        }
        double best = inf;
        int bk = -1;
        int bh = -1;
        for (int k = 0; k <= maxDays; k++) {
            for (int h = Math.min(minU, maxU + 1); h <= maxU; h++) {
                if (dp[n][k][h] < best) {
                    best = dp[n][k][h];
                    bk = k;
                    bh = h;
                }
            }
        }
        if (best == inf) {
            return null;
        }
        List<int[]> shifts = sink == null ? null : new ArrayList<>();
        List<int[][]> pauses = sink == null ? null : new ArrayList<>();
        List<int[]> channelAt = sink == null ? null : new ArrayList<>();
        double money = 0;
        for (int d = n; d > 0; d--) {
            int len = choice[d][bk][bh];
            if (len <= 0) {
                continue;
            }
            Shift s = placed[bestOf[d - 1][len]];
            int[] chosen = new int[s.pauseMinutes.length];
            java.util.Arrays.fill(chosen, -1);
            a.value(s, im, chosen);
            if (sink != null) {
                money += s.paidMinutes / 60.0 * a.price;
                shifts.add(new int[] {s.from, s.to});
                List<int[]> ps = new ArrayList<>();
                for (int k = 0; k < chosen.length; k++) {
                    if (chosen[k] >= 0) {
                        ps.add(new int[] {chosen[k], s.pauseMinutes[k]});
                    }
                }
                pauses.add(ps.toArray(new int[0][]));
                int i0 = Math.floorDiv(s.from, im);
                int[] at = new int[(s.to - 1) / im - i0 + 1];
                for (int i = 0; i < at.length; i++) {
                    at[i] = i0 + i < a.worth.length ? a.best[i0 + i] : -1;
                }
                channelAt.add(at);
            }
            a.cover(s.from, s.to, im, rowOf, covered, 1);
            for (int k = 0; k < chosen.length; k++) {
                if (chosen[k] >= 0) {
                    a.cover(chosen[k], chosen[k] + s.pauseMinutes[k], im, rowOf, covered, -1);
                }
            }
            bk--;
            bh -= len;
        }
        if (sink != null) {
            sink.plan(a.index, weekIndex, money, a.channels, a.prof, shifts, pauses, channelAt);
        }
        return best;
    }

    /** A pattern's shape on day 0: its span, paid minutes and the starts worth valuing for each pause. */
    private static Shift shift(ShiftPattern p, Rules.Breaks breaks, int im) {
        int len = p.lengthMinutes();
        List<int[]> spans = ShiftRules.pauseSpans(breaks, len);
        int[] durs = new int[spans.size()];
        int[][] starts = new int[spans.size()][];
        for (int k = 0; k < spans.size(); k++) {
            durs[k] = ShiftRules.pauseMinutes(breaks, len, k);
            int[] offsets = starts(p.startMinute(), spans.get(k)[0], spans.get(k)[1] - durs[k], durs[k], im);
            starts[k] = new int[offsets.length];
            for (int o = 0; o < offsets.length; o++) {
                starts[k][o] = p.startMinute() + offsets[o];
            }
        }
        // No legal start (no generated pattern has such a shift): the pause takes nothing off (value() skips it).
        return new Shift(p.startMinute(), p.startMinute() + len, p.paidMinutes(), durs, starts);
    }

    private static Shift moved(Shift s, int by) {
        int[][] starts = new int[s.pauseStarts.length][];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = s.pauseStarts[k].clone();
            for (int o = 0; o < starts[k].length; o++) {
                starts[k][o] += by;
            }
        }
        return new Shift(s.from + by, s.to + by, s.paidMinutes, s.pauseMinutes, starts);
    }

    /**
     * Starts of a pause worth valuing within [from, to] (offsets from the shift's start): what a pause takes off
     * is linear in its start between the starts where it begins or ends on an interval boundary, so its least
     * over the window is at one of those or at an end of the window, wherever schedules put it.
     */
    private static int[] starts(int startMinute, int from, int to, int dur, int im) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        if (from > to) {
            return new int[0];
        }
        out.add(from);
        out.add(to);
        for (int x : ShiftRules.gridStarts(startMinute, new int[] {from, to}, im)) {
            out.add(x);
        }
        for (int x : ShiftRules.gridStarts(startMinute + dur, new int[] {from, to}, im)) {
            out.add(x);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static AgentPlan planOf(Agent a, List<TimeOff> offs, LocalDate h0) {
        return new AgentPlan(a, 0, List.of("-"), List.of(), Map.of(), AgentRules.timeOffRanges(offs, h0), 0, null);
    }
}
