package org.wfm.scheduler.solver.bound;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.model.AgentRules;
import org.wfm.scheduler.solver.model.PayRules;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.Requirement;

/**
 * A lower bound on the wage cost of covering given demand: the LP relaxation of Dantzig's set-covering model over
 * shift patterns (G. B. Dantzig, A comment on Edie's "Traffic delays at toll booths", Operations Research 2(3),
 * 1954). One column per day, pattern and channel pair (the first until the pattern's split point, the second
 * after it; equal for a one-channel day), costing the pattern's paid hours at the cheapest price of a
 * proficiency-weighted hour among the agents who could work it that day; one row per interval (at least the
 * demanded staff) and per deferred response window (at least its work). The demand is the requirement, or, for
 * the bound reported beside a schedule, min(requirement, what that schedule covers), which keeps the bound
 * valid (at most the schedule's cost) when the agents cannot meet the requirements. Agents' counts, weekly hours
 * and rest are relaxed away. Days that no column or window links are solved as separate LPs.
 */
public final class CoverLowerBound {
    static {
        org.wfm.scheduler.solver.bound.OjAlgoQuiet.load();
    }

    private CoverLowerBound() {
    }

    /** A shift on {@code channel} until the pattern's split point and on {@code second} after it. */
    private record Column(int day, ShiftPattern pattern, int channel, int second, double cost) {
    }

    /**
     * The bound in money on meeting every requirement, or null when there is no demand or no bound could be
     * computed. Only meaningful when the requirements can be met: see {@link #compute(ScheduleInput, double[][],
     * boolean)} for a bound that holds for any schedule.
     */
    public static Double compute(ScheduleInput in) {
        return compute(in, null, true);
    }

    /**
     * A lower bound on the cost (wages and on-demand premium; overtime left out) of every schedule that covers at
     * least {@code min(requirement, covered)}: in every interval of an immediate or concurrent channel at least
     * min(required staff, {@code covered} proficiency-weighted staff), and in every response window of a
     * deferred channel (the solver's windows: response hours from the horizon's start) at least min(the work
     * arriving in it, the weighted staff-intervals {@code covered} there). With {@code covered} taken from a
     * schedule, that schedule is one of them, so the bound never exceeds its cost, also when demand is beyond
     * what the agents can cover. {@code covered} null means the full requirements.
     *
     * <p>The largest of the pattern LP at the cheapest price per channel (ojAlgo) and, when
     * {@code agentRulesKept} (the schedule keeps every agent's weekly hours, days, availability and shift
     * rules, as the per-agent model assumes), the Lagrangian bound of the per-agent model
     * ({@link LagrangianBound}) and the contracts' minimum pay ({@link #contractMinimum}). Both models include
     * shifts split between two channels at the pattern's split point, as the solver builds them; all three are
     * valid lower bounds, so their maximum is too.
     *
     * @param covered weighted staff per channel (channel plan order) and horizon interval, or null
     */
    public static Double compute(ScheduleInput in, double[][] covered, boolean agentRulesKept) {
        Double lp = aggregated(in, covered);
        if (lp == null || !agentRulesKept) {
            return lp;
        }
        Double lagrangian = LagrangianBound.compute(in, covered);
        double best = Math.max(lp, contractMinimum(in, covered));
        return lagrangian == null ? best : Math.max(best, lagrangian);
    }

    /**
     * What the contracts alone cost: every agent is paid at least the weekly minimum (prorated, lowered for time
     * off, as the solver keeps it), and the hours the demand needs beyond all the minimums cost at least the
     * cheapest agent's price. The hours the demand needs are its proficiency-weighted staff-hours divided by the
     * best proficiency on each channel (paid time is at least the time worked). Valid for every schedule that
     * keeps the weekly minimums and covers {@code covered}; it dominates the other bounds when the minimums
     * force more hours than the demand needs (a large workforce for the demand, as in the 500-agent benchmark,
     * where the pattern LP alone is 40% below it).
     */
    static double contractMinimum(ScheduleInput in, double[][] covered) {
        Rules rules = in.rules();
        int days = rules.horizon().days();
        Map<String, List<org.wfm.scheduler.domain.TimeOff>> offs = new HashMap<>();
        in.timeOff().forEach(t -> offs.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        double pay = 0;
        double minHours = 0;
        double cheapest = Double.POSITIVE_INFINITY;
        for (Agent a : in.agents()) {
            List<org.wfm.scheduler.domain.TimeOff> mine = offs.getOrDefault(a.id(), List.of());
            var plan = LagrangianBound.planOf(a, mine, rules.horizon().start());
            double price = PayRules.hourlyPrice(a, rules.costs());
            cheapest = Math.min(cheapest, price);
            for (int w = 0; w * 7 < days; w++) {
                double hours = Math.max(0, ProblemBuilder.week(plan, w, days, rules, mine).minMinutes()) / 60.0;
                pay += hours * price;
                minHours += hours;
            }
        }
        int im = in.channels().intervalMinutes();
        List<Channel> channels = in.channels().channels();
        int[][] rowOf = new int[channels.size()][days * 1440 / im];
        double needHours = 0;
        double[] bestProficiency = new double[channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            String ch = channels.get(c).name();
            bestProficiency[c] = in.agents().stream().mapToDouble(a -> a.proficiency(ch)).max().orElse(0);
        }
        for (double[] r : rows(in, covered, rowOf)) {
            double best = bestProficiency[(int) r[0]];
            if (best > 0) {
                needHours += r[3] * im / 60.0 / best;
            }
        }
        return pay + (Double.isInfinite(cheapest) ? 0 : cheapest * Math.max(0, needHours - minHours));
    }

    /**
     * Right-hand sides of the covering rows: immediate intervals and deferred windows ({channel, first
     * interval, count}) with the staff-intervals each needs, capped by {@code covered} when given.
     */
    static List<double[]> rows(ScheduleInput in, double[][] covered, int[][] rowOf) {
        Rules rules = in.rules();
        int im = in.channels().intervalMinutes();
        int horizonIntervals = rules.horizon().days() * 1440 / im;
        List<Channel> channels = in.channels().channels();
        double[][] need = need(in);
        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            java.util.Arrays.fill(rowOf[c], -1);
            Channel ch = channels.get(c);
            int window = ch.kind() == ChannelKind.DEFERRED ? ProblemBuilder.deferredWindowIntervals(ch, im) : 1;
            for (int w0 = 0; w0 < horizonIntervals; w0 += window) {
                int n = Math.min(window, horizonIntervals - w0);
                double sum = 0;
                double got = 0;
                for (int i = w0; i < w0 + n; i++) {
                    sum += need[c][i];
                    got += covered == null ? 0 : covered[c][i];
                }
                double rhs = covered == null ? sum : Math.min(sum, got);
                // Rounding noise in the coverage must not make a row the schedule itself misses.
                rhs = covered == null ? rhs : rhs - 1e-9 * (1 + rhs);
                if (rhs <= 1e-9) {
                    continue;
                }
                for (int i = w0; i < w0 + n; i++) {
                    rowOf[c][i] = rows.size();
                }
                rows.add(new double[] {c, w0, n, rhs});
            }
        }
        return rows;
    }

    /** Required staff per channel (channel plan order) and horizon interval. */
    private static double[][] need(ScheduleInput in) {
        Rules rules = in.rules();
        int im = in.channels().intervalMinutes();
        int horizonIntervals = rules.horizon().days() * 1440 / im;
        List<Channel> channels = in.channels().channels();
        LocalDate h0 = rules.horizon().start();
        double[][] need = new double[channels.size()][horizonIntervals];
        for (Requirement r : in.requirements()) {
            int c = indexOf(channels, r.channel());
            long m = ChronoUnit.MINUTES.between(h0.atStartOfDay(), r.intervalStart());
            if (c >= 0 && m >= 0 && m / im < horizonIntervals && r.requiredStaff() > 0) {
                need[c][(int) (m / im)] = r.requiredStaff();
            }
        }
        return need;
    }

    /**
     * Where each channel has demand (channel plan order, horizon interval): an immediate or concurrent channel
     * where staff is required, a deferred one in every interval of a response window with work; as the solver's
     * demand buckets are laid out ({@code ProblemBuilder}; ChannelRedirectBoundTest checks they agree). Where a
     * channel has none, a multi-skilled agent booked on it works another of their channels
     * ({@link org.wfm.scheduler.solver.model.ChannelRedirect}), which both bounds credit.
     */
    static boolean[][] demanded(ScheduleInput in) {
        int im = in.channels().intervalMinutes();
        List<Channel> channels = in.channels().channels();
        double[][] need = need(in);
        boolean[][] out = new boolean[channels.size()][];
        for (int c = 0; c < channels.size(); c++) {
            int n = need[c].length;
            out[c] = new boolean[n];
            Channel ch = channels.get(c);
            int window = ch.kind() == ChannelKind.DEFERRED ? ProblemBuilder.deferredWindowIntervals(ch, im) : 1;
            for (int w0 = 0; w0 < n; w0 += window) {
                int end = Math.min(n, w0 + window);
                double sum = 0;
                for (int i = w0; i < end; i++) {
                    sum += need[c][i];
                }
                for (int i = w0; i < end && sum > 0; i++) {
                    out[c][i] = true;
                }
            }
        }
        return out;
    }

    /**
     * Coverage a redirected stretch can give, per unit of a column: {@code ratio[c][c2][e]} is the most
     * proficiency on channel e, per unit of the larger proficiency on c and c2, among the agents who could work
     * a column booked on c then c2 (so the column, one weighted agent, credits e at least what any of them gives
     * it there); 0 where none has skill e.
     */
    static double[][][] redirectRatio(List<Agent> agents, List<Channel> channels) {
        int n = channels.size();
        double[][][] out = new double[n][n][n];
        for (Agent a : agents) {
            for (int c = 0; c < n; c++) {
                for (int c2 = 0; c2 < n; c2++) {
                    double pc = a.proficiency(channels.get(c).name());
                    double pc2 = a.proficiency(channels.get(c2).name());
                    if (pc <= 0 || pc2 <= 0) {
                        continue;
                    }
                    for (int e = 0; e < n; e++) {
                        double pe = a.proficiency(channels.get(e).name());
                        if (pe > 0) {
                            out[c][c2][e] = Math.max(out[c][c2][e], pe / Math.max(pc, pc2));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The pattern LP at the cheapest price per channel, separable by day; {@code covered} as above. */
    public static Double aggregated(ScheduleInput in) {
        return aggregated(in, null);
    }

    static Double aggregated(ScheduleInput in, double[][] covered) {
        Rules rules = in.rules();
        int im = in.channels().intervalMinutes();
        int days = rules.horizon().days();
        int horizonIntervals = days * 1440 / im;
        List<Channel> channels = in.channels().channels();
        LocalDate h0 = rules.horizon().start();
        int[][] rowOf = new int[channels.size()][horizonIntervals];
        List<double[]> rowList = rows(in, covered, rowOf);
        if (rowList.isEmpty()) {
            return null;
        }
        List<int[]> rows = new ArrayList<>(); // {channel, firstInterval, count}
        List<Double> rhs = new ArrayList<>();
        for (double[] r : rowList) {
            rows.add(new int[] {(int) r[0], (int) r[1], (int) r[2]});
            rhs.add(r[3]);
        }
        // Columns: one channel all day, or two split at the pattern's split point.
        List<ShiftPattern> patterns = ShiftRules.generate(rules, im);
        Redirect redirect = Redirect.of(in);
        List<Column> columns = new ArrayList<>();
        Cheapest cheapest = new Cheapest(in.agents(), rules);
        for (int d = 0; d < days; d++) {
            LocalDate date = h0.plusDays(d);
            for (int c = 0; c < channels.size(); c++) {
                for (int c2 = 0; c2 < channels.size(); c2++) {
                    String ch = channels.get(c).name();
                    String ch2 = channels.get(c2).name();
                    for (ShiftPattern p : patterns) {
                        double price = cheapest.price(ch, ch2, date, p);
                        if (Double.isInfinite(price) || !useful(p, d, redirect.ratio()[c][c2], im, rowOf)) {
                            continue;
                        }
                        columns.add(new Column(d, p, c, c2, p.paidMinutes() / 60.0 * price));
                    }
                }
            }
        }
        // Components of days linked by a column or a window.
        int[] parent = new int[days + 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Column col : columns) {
            int last = Math.min(days, col.day + (col.pattern.endMinute() - 1) / 1440);
            for (int k = col.day; k < last; k++) {
                union(parent, k, k + 1);
            }
        }
        int perDay = 1440 / im;
        for (int[] r : rows) {
            int first = r[1] / perDay;
            int last = (r[1] + r[2] - 1) / perDay;
            for (int k = first; k < last; k++) {
                union(parent, k, k + 1);
            }
        }
        Map<Integer, List<Integer>> rowsByComp = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowsByComp.computeIfAbsent(find(parent, rows.get(i)[1] / perDay), k -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<Column>> colsByComp = new HashMap<>();
        for (Column col : columns) {
            colsByComp.computeIfAbsent(find(parent, col.day), k -> new ArrayList<>()).add(col);
        }
        double total = 0;
        for (var e : rowsByComp.entrySet()) {
            Double v = solve(e.getValue(), rows, rhs, colsByComp.getOrDefault(e.getKey(), List.of()), rules.breaks(),
                    rowOf, im, redirect);
            if (v == null) {
                return null;
            }
            total += v;
        }
        return total;
    }

    private static Double solve(List<Integer> rowIds, List<int[]> rows, List<Double> rhs, List<Column> cols,
                                Rules.Breaks breaks, int[][] rowOf, int im, Redirect redirect) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Integer, Expression> exprs = new HashMap<>();
        for (int r : rowIds) {
            // Deferred rows are in staff-intervals, as are the coverage coefficients below.
            exprs.put(r, model.addExpression("r" + r).lower(rhs.get(r)));
        }
        int n = 0;
        Pauses pauses = new Pauses(model, exprs, rowOf);
        for (Column col : cols) {
            // A one-channel shift covers its whole length less its pauses, which the LP places (see Pauses);
            // a split shift covers the most any placement leaves.
            boolean placed = breaks != null && col.channel == col.second
                    && ShiftRules.pauseCount(breaks, col.pattern.lengthMinutes()) > 0;
            Map<Integer, Double> coef = coverage(col, placed ? null : breaks, rowOf, im, redirect);
            if (coef.keySet().stream().noneMatch(exprs::containsKey)) {
                continue;
            }
            Variable x = model.addVariable("x" + n++).lower(0).weight(col.cost);
            coef.forEach((r, a) -> {
                Expression e = exprs.get(r);
                if (e != null) {
                    e.set(x, a);
                }
            });
            if (placed) {
                pauses.add(x, col, breaks, im);
            }
        }
        Optimisation.Result result = model.minimise();
        // Only an optimal value is a bound; infeasible means some demand no agent can ever cover.
        return result.getState().isOptimal() ? result.getValue() : null;
    }

    /**
     * The pauses of one-channel shifts in the LP, placed by it within their windows: z(c, i) ≥ 0 staff on a pause
     * on channel c in interval i, taken off every covering row of that interval; at most the staff whose pause
     * windows ({@link ShiftRules#pauseSpans}) reach into the interval (in proportion to how far); and per channel
     * at least the pause time of all its shifts. Any schedule meets these with z its real pauses, so the bound
     * still holds wherever agents' pauses sit; it is the aggregated form of the break-window variables of
     * Bechtold and Jacobs (Implicit modeling of flexible break assignments in optimal shift scheduling,
     * Management Science 36(11), 1990) and Aykin (1996), relaxed to one pool per channel.
     */
    private static final class Pauses {
        private final ExpressionsBasedModel model;
        private final Map<Integer, Expression> rows;
        private final int[][] rowOf;
        private final Map<Long, Expression> caps = new HashMap<>();
        private final Map<Integer, Expression> totals = new HashMap<>();

        Pauses(ExpressionsBasedModel model, Map<Integer, Expression> rows, int[][] rowOf) {
            this.model = model;
            this.rows = rows;
            this.rowOf = rowOf;
        }

        void add(Variable x, Column col, Rules.Breaks breaks, int im) {
            int c = col.channel;
            int len = col.pattern.lengthMinutes();
            int base = col.day * 1440 + col.pattern.startMinute();
            int pauseMinutes = ShiftRules.pauseTotalMinutes(breaks, len);
            total(c).set(x, -pauseMinutes / (double) im);
            Map<Integer, Integer> reach = new java.util.TreeMap<>();
            int covered = Integer.MIN_VALUE;
            for (int[] span : ShiftRules.pauseSpans(breaks, len)) {
                // Spans are in order; overlapping ones count once.
                int from = base + Math.max(span[0], covered);
                int to = base + span[1];
                covered = Math.max(covered, span[1]);
                for (int i = Math.floorDiv(from, im); i * im < to && from < to; i++) {
                    reach.merge(i, Math.min(to, (i + 1) * im) - Math.max(from, i * im), Integer::sum);
                }
            }
            reach.forEach((i, minutes) -> cap(c, i).set(x, minutes / (double) im));
        }

        /** z(c, i) ≤ Σ reach · x, created with z on first use. */
        private Expression cap(int c, int i) {
            long key = ((long) c << 32) | (i & 0xffffffffL);
            Expression cap = caps.get(key);
            if (cap == null) {
                Variable z = model.addVariable("z" + c + "_" + i).lower(0);
                cap = model.addExpression("cap" + c + "_" + i).lower(0);
                cap.set(z, -1);
                caps.put(key, cap);
                total(c).set(z, 1);
                if (i >= 0 && i < rowOf[c].length && rowOf[c][i] >= 0) {
                    Expression row = rows.get(rowOf[c][i]);
                    if (row != null) {
                        row.set(z, -1);
                    }
                }
            }
            return cap;
        }

        /** Σ z(c, ·) − Σ pause time · x ≥ 0. */
        private Expression total(int c) {
            return totals.computeIfAbsent(c, k -> model.addExpression("pauses" + k).lower(0));
        }
    }

    /**
     * Staff-intervals a column gives each row: the most work minutes per interval that any legal placement of
     * its pauses leaves ({@link ShiftRules#workAtMost}; pauses move per agent-day within their windows), each
     * channel of a split day counted up to the latest or from the earliest switch.
     */
    private static Map<Integer, Double> coverage(Column col, Rules.Breaks breaks, int[][] rowOf, int im,
                                                 Redirect redirect) {
        Map<Integer, Double> out = new HashMap<>();
        int len = col.pattern.lengthMinutes();
        int base = col.day * 1440 + col.pattern.startMinute();
        int[] split = col.channel == col.second ? new int[] {len, len} : ShiftRules.splitRange(breaks, len);
        for (int[] seg : ShiftRules.workAtMost(breaks, len)) {
            int[][] parts = {{seg[0], Math.min(seg[1], split[1]), col.channel},
                {Math.max(seg[0], split[0]), seg[1], col.second}};
            for (int[] part : parts) {
                int c = part[2];
                int from = base + part[0];
                int to = base + part[1];
                if (from >= to) {
                    continue;
                }
                for (int i = Math.floorDiv(from, im); i * im < to; i++) {
                    if (i < 0 || i >= rowOf[c].length) {
                        continue;
                    }
                    int overlap = Math.min(to, (i + 1) * im) - Math.max(from, i * im);
                    if (rowOf[c][i] >= 0) {
                        out.merge(rowOf[c][i], overlap / (double) im, Double::sum);
                    }
                    if (!redirect.demanded()[c][i]) {
                        // No demand on the booked channel: the agent may work any other of theirs here.
                        double[] ratio = redirect.ratio()[col.channel][col.second];
                        for (int e = 0; e < ratio.length; e++) {
                            if (e != c && ratio[e] > 0 && rowOf[e][i] >= 0) {
                                out.merge(rowOf[e][i], ratio[e] * overlap / im, Double::sum);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Where channels have demand and what a redirected stretch may give ({@link #demanded}, {@link #redirectRatio}). */
    record Redirect(boolean[][] demanded, double[][][] ratio) {
        static Redirect of(ScheduleInput in) {
            return new Redirect(CoverLowerBound.demanded(in), redirectRatio(in.agents(), in.channels().channels()));
        }
    }

    /** A row of some channel the column's agents are skilled for ({@code ratio} > 0) falls in its hours. */
    private static boolean useful(ShiftPattern p, int day, double[] ratio, int im, int[][] rowOf) {
        int base = day * 1440 + p.startMinute();
        for (int i = base / im; i * im < base + p.lengthMinutes(); i++) {
            for (int c = 0; c < ratio.length; c++) {
                if (ratio[c] > 0 && i < rowOf[c].length && rowOf[c][i] >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Cheapest cost of a proficiency-weighted hour of a shift on {@code channel} then {@code second}, among agents
     * who could work the pattern: price ÷ the larger of the two proficiencies. An agent gives at most that
     * proficiency on either part, so the column (one weighted agent on both parts) covers at least what the
     * agent does for what the agent costs. For a split, only agents with both skills (without one, the agent's
     * day is covered by the one-channel column of the other).
     */
    /**
     * The cheapest price of a proficiency-weighted hour among the agents who could work a column: per channel pair,
     * the skilled agents sorted by that price once, so a column's price is the first of them available that day at
     * that time (the same minimum as a scan over every agent; 10,000 agents made the scan the bound's longest part).
     */
    private static final class Cheapest {
        private record Offer(Agent agent, double price) {
        }

        private final List<Agent> agents;
        private final Rules rules;
        private final Map<String, List<Offer>> byPair = new HashMap<>();

        Cheapest(List<Agent> agents, Rules rules) {
            this.agents = agents;
            this.rules = rules;
        }

        double price(String channel, String second, LocalDate date, ShiftPattern p) {
            List<Offer> offers = byPair.computeIfAbsent(channel + '\u0000' + second, k -> {
                List<Offer> out = new ArrayList<>();
                for (Agent a : agents) {
                    if (AgentRules.skilled(a, channel) && AgentRules.skilled(a, second)) {
                        out.add(new Offer(a, PayRules.hourlyPrice(a, rules.costs())
                                / Math.max(a.proficiency(channel), a.proficiency(second))));
                    }
                }
                out.sort(java.util.Comparator.comparingDouble(Offer::price));
                return out;
            });
            for (Offer o : offers) {
                if (AgentRules.available(o.agent(), date.getDayOfWeek(), p.startMinute(), p.lengthMinutes())) {
                    return o.price();
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }

    private static int indexOf(List<Channel> channels, String name) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

}
