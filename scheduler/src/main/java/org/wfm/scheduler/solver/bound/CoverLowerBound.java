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
 * 1954). One column per day, pattern and skill group (the agents with the same channels), costing the
 * pattern's paid hours at the cheapest price among the group's agents who could work it that day; the group's
 * staff on shift in each interval is split freely between its channels, each counted at the group's best
 * proficiency there, so a shift may switch channel any number of times (a superset of every block structure the
 * solver writes). One row per interval (at least the demanded staff) and per deferred response window (at
 * least its work). The demand is the requirement, or, for
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
     * ({@link LagrangianBound}) and the contracts' minimum pay ({@link #contractMinimum}). Both models let a multi-skilled
     * agent's work go to any of the agent's channels minute by minute (a superset of every block structure the
     * solver may write: one channel, a split at the lunch, or more blocks); all three are valid lower bounds, so their maximum is too.
     *
     * @param covered weighted staff per channel (channel plan order) and horizon interval, or null
     */
    public static Double compute(ScheduleInput in, double[][] covered, boolean agentRulesKept) {
        return compute(in, covered, agentRulesKept, Double.NaN);
    }

    /**
     * The same bound; {@code upper} is the cost of a schedule covering {@code covered} (NaN when unknown), which
     * only steers the Lagrangian's steps (a target for Polyak's rule) and never enters the bound itself.
     */
    public static Double compute(ScheduleInput in, double[][] covered, boolean agentRulesKept, double upper) {
        if (agentRulesKept) {
            // The per-agent bound holds more of the rules than the pattern LP (every benchmark instance: 16-28%
            // higher), so the LP, the slowest of the three on multi-channel centres, is only the fallback.
            Double lagrangian = LagrangianBound.compute(in, covered, upper);
            if (lagrangian != null) {
                return Math.max(lagrangian, contractMinimum(in, covered));
            }
        }
        Double lp = aggregated(in, covered);
        if (lp == null || !agentRulesKept) {
            return lp;
        }
        return Math.max(lp, contractMinimum(in, covered));
    }

    /**
     * The three bounds apart (null where one was not computed or has no value), for the benchmark's account of
     * where a gap comes from. {@link #best()} is their largest, null when the pattern LP has none.
     */
    public record Parts(Double patternLp, Double lagrangian, Double contractMinimum) {
        public Double best() {
            if (patternLp == null) {
                return null;
            }
            double b = patternLp;
            if (lagrangian != null) {
                b = Math.max(b, lagrangian);
            }
            return contractMinimum == null ? b : Math.max(b, contractMinimum);
        }
    }

    /** The three bounds of {@link #compute(ScheduleInput, double[][], boolean, double)}, each on its own. */
    public static Parts parts(ScheduleInput in, double[][] covered, boolean agentRulesKept, double upper) {
        Double lp = aggregated(in, covered);
        if (lp == null || !agentRulesKept) {
            return new Parts(lp, null, null);
        }
        return new Parts(lp, LagrangianBound.compute(in, covered, upper), contractMinimum(in, covered));
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
        LocalDate h0 = rules.horizon().start();
        double[][] need = new double[channels.size()][horizonIntervals];
        for (Requirement r : in.requirements()) {
            int c = indexOf(channels, r.channel());
            long m = ChronoUnit.MINUTES.between(h0.atStartOfDay(), r.intervalStart());
            if (c >= 0 && m >= 0 && m / im < horizonIntervals && r.requiredStaff() > 0) {
                need[c][(int) (m / im)] = r.requiredStaff();
            }
        }
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

    /** The pattern LP by skill group, separable by day; {@code covered} as above. */
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
        List<Group> groups = Group.of(in.agents(), channels, rules);
        // One pattern per start and length: the LP places the pauses itself, so pause variants are the same column.
        Map<Long, ShiftPattern> shapes = new LinkedHashMap<>();
        for (ShiftPattern p : ShiftRules.generate(rules, im)) {
            shapes.putIfAbsent(((long) p.startMinute() << 20) | p.lengthMinutes(), p);
        }
        List<Column> columns = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = h0.plusDays(d);
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                for (ShiftPattern p : shapes.values()) {
                    if (!group.useful(p, d, im, rowOf)) {
                        continue;
                    }
                    double price = group.price(date, p);
                    if (!Double.isInfinite(price)) {
                        columns.add(new Column(d, p, g, p.paidMinutes() / 60.0 * price));
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
        // ojAlgo's simplex is dense: a component of many days (a response window or shifts linking them) would
        // take minutes (the samples: over ten), so such an LP is not solved and gives no bound.
        Map<Integer, Integer> daysOf = new HashMap<>();
        for (int d = 0; d < days; d++) {
            daysOf.merge(find(parent, d), 1, Integer::sum);
        }
        if (daysOf.values().stream().anyMatch(n -> n > MAX_LP_DAYS)) {
            return null;
        }
        double total = 0;
        for (var e : rowsByComp.entrySet()) {
            Double v = solve(e.getValue(), rhs, colsByComp.getOrDefault(e.getKey(), List.of()), groups,
                    rules.breaks(), rowOf, im);
            if (v == null) {
                return null;
            }
            total += v;
        }
        return total;
    }

    /** Days an LP component may span at most (see {@link #aggregated(ScheduleInput, double[][])}). */
    static final int MAX_LP_DAYS = 2;

    /** A shift of a skill group: a pattern on a day, at the cheapest price of an agent of the group free then. */
    private record Column(int day, ShiftPattern pattern, int group, double cost) {
    }

    /**
     * The LP of one component. x ≥ 0 per column; per group and interval the staff on shift, less the staff on a
     * pause z (see {@link #pauses}), is split into y(c) ≥ 0 per channel of the group; each covering row gets
     * Σ over groups of the group's best proficiency on the channel × y. Any schedule is a solution (x its
     * shifts by the agent's group, y the minutes each agent works on each channel, z its pauses) at no more than
     * its cost, however many channel blocks its shifts have.
     */
    private static Double solve(List<Integer> rowIds, List<Double> rhs, List<Column> cols, List<Group> groups,
                                Rules.Breaks breaks, int[][] rowOf, int im) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Integer, Expression> exprs = new HashMap<>();
        for (int r : rowIds) {
            // Deferred rows are in staff-intervals, as are the coverage coefficients below.
            exprs.put(r, model.addExpression("r" + r).lower(rhs.get(r)));
        }
        Capacity capacity = new Capacity(model, exprs, rowOf, groups);
        int n = 0;
        for (Column col : cols) {
            Variable x = model.addVariable("x" + n++).lower(0).weight(col.cost);
            int len = col.pattern.lengthMinutes();
            int base = col.day * 1440 + col.pattern.startMinute();
            for (int i = Math.floorDiv(base, im); i * im < base + len; i++) {
                int overlap = Math.min(base + len, (i + 1) * im) - Math.max(base, i * im);
                capacity.of(col.group, i).set(x, overlap / (double) im);
            }
            if (breaks != null && ShiftRules.pauseCount(breaks, len) > 0) {
                capacity.pauses(x, col, breaks, im);
            }
        }
        Optimisation.Result result = model.minimise();
        // Only an optimal value is a bound; infeasible means some demand no agent can ever cover.
        return result.getState().isOptimal() ? result.getValue() : null;
    }

    /**
     * Staff on shift per group and interval, and where it goes: Σ x·(share of the interval on shift) − z − Σ y ≥ 0.
     * The pauses of the shifts: z(g, i) ≥ 0 staff of group g on a pause in interval i; at most the staff whose
     * pause windows ({@link ShiftRules#pauseSpans}) reach into the interval (in proportion to how far); and per
     * group at least the pause time of all its shifts. Any schedule meets these with z its real pauses, so the
     * bound holds wherever agents' pauses sit: the aggregated form of the break-window variables of Bechtold and
     * Jacobs (Implicit modeling of flexible break assignments in optimal shift scheduling, Management Science
     * 36(11), 1990) and Aykin (1996), relaxed to one pool per skill group.
     */
    private static final class Capacity {
        private final ExpressionsBasedModel model;
        private final Map<Integer, Expression> rows;
        private final int[][] rowOf;
        private final List<Group> groups;
        private final Map<Long, Expression> staff = new HashMap<>();
        private final Map<Long, Variable> onPause = new HashMap<>();
        private final Map<Long, Expression> reach = new HashMap<>();
        private final Map<Integer, Expression> totals = new HashMap<>();

        Capacity(ExpressionsBasedModel model, Map<Integer, Expression> rows, int[][] rowOf, List<Group> groups) {
            this.model = model;
            this.rows = rows;
            this.rowOf = rowOf;
            this.groups = groups;
        }

        /** The staff expression of group g in interval i, created with its channel splits y on first use. */
        Expression of(int g, int i) {
            long key = key(g, i);
            Expression e = staff.get(key);
            if (e == null) {
                e = model.addExpression("staff" + g + "_" + i).lower(0);
                staff.put(key, e);
                Group group = groups.get(g);
                for (int k = 0; k < group.channels.length; k++) {
                    int c = group.channels[k];
                    if (i < 0 || i >= rowOf[c].length || rowOf[c][i] < 0) {
                        continue;
                    }
                    Expression row = rows.get(rowOf[c][i]);
                    if (row == null) {
                        continue;
                    }
                    Variable y = model.addVariable("y" + g + "_" + c + "_" + i).lower(0);
                    e.set(y, -1);
                    row.set(y, group.proficiency[k]);
                }
            }
            return e;
        }

        void pauses(Variable x, Column col, Rules.Breaks breaks, int im) {
            int g = col.group;
            int len = col.pattern.lengthMinutes();
            int base = col.day * 1440 + col.pattern.startMinute();
            total(g).set(x, -ShiftRules.pauseTotalMinutes(breaks, len) / (double) im);
            Map<Integer, Integer> within = new java.util.TreeMap<>();
            int covered = Integer.MIN_VALUE;
            for (int[] span : ShiftRules.pauseSpans(breaks, len)) {
                // Spans are in order; overlapping ones count once.
                int from = base + Math.max(span[0], covered);
                int to = base + span[1];
                covered = Math.max(covered, span[1]);
                for (int i = Math.floorDiv(from, im); i * im < to && from < to; i++) {
                    within.merge(i, Math.min(to, (i + 1) * im) - Math.max(from, i * im), Integer::sum);
                }
            }
            within.forEach((i, minutes) -> reach(g, i).set(x, minutes / (double) im));
        }

        /** z(g, i) ≤ Σ reach · x, created with z on first use; z is taken off the group's staff there. */
        private Expression reach(int g, int i) {
            long key = key(g, i);
            Expression cap = reach.get(key);
            if (cap == null) {
                Variable z = model.addVariable("z" + g + "_" + i).lower(0);
                onPause.put(key, z);
                cap = model.addExpression("reach" + g + "_" + i).lower(0);
                cap.set(z, -1);
                reach.put(key, cap);
                total(g).set(z, 1);
                of(g, i).set(z, -1);
            }
            return cap;
        }

        /** Σ z(g, ·) − Σ pause time · x ≥ 0. */
        private Expression total(int g) {
            return totals.computeIfAbsent(g, k -> model.addExpression("pauses" + k).lower(0));
        }

        private static long key(int g, int i) {
            return ((long) g << 32) | (i & 0xffffffffL);
        }
    }

    /**
     * Agents with the same channels: the best proficiency among them on each (an agent gives at most that on a
     * channel) and the agents sorted by price, so a column's price is the first of them available that day at that
     * time (10,000 agents made a scan over every agent the bound's longest part).
     */
    private static final class Group {
        final int[] channels;
        final double[] proficiency;
        final List<Agent> byPrice;
        final List<Double> prices;

        private Group(int[] channels, double[] proficiency, List<Agent> byPrice, List<Double> prices) {
            this.channels = channels;
            this.proficiency = proficiency;
            this.byPrice = byPrice;
            this.prices = prices;
        }

        static List<Group> of(List<Agent> agents, List<Channel> channels, Rules rules) {
            Map<List<Integer>, List<Agent>> bySkills = new LinkedHashMap<>();
            for (Agent a : agents) {
                List<Integer> skills = new ArrayList<>();
                for (int c = 0; c < channels.size(); c++) {
                    if (AgentRules.skilled(a, channels.get(c).name())) {
                        skills.add(c);
                    }
                }
                if (!skills.isEmpty()) {
                    bySkills.computeIfAbsent(skills, k -> new ArrayList<>()).add(a);
                }
            }
            List<Group> out = new ArrayList<>();
            bySkills.forEach((skills, members) -> {
                int[] chs = skills.stream().mapToInt(Integer::intValue).toArray();
                double[] prof = new double[chs.length];
                for (int k = 0; k < chs.length; k++) {
                    String name = channels.get(chs[k]).name();
                    prof[k] = members.stream().mapToDouble(a -> a.proficiency(name)).max().orElse(0);
                }
                List<Agent> sorted = new ArrayList<>(members);
                sorted.sort(java.util.Comparator.comparingDouble(a -> PayRules.hourlyPrice(a, rules.costs())));
                out.add(new Group(chs, prof, sorted,
                        sorted.stream().map(a -> PayRules.hourlyPrice(a, rules.costs())).toList()));
            });
            return out;
        }

        /** Price of a paid hour of the cheapest agent of the group who could work the pattern that day. */
        double price(LocalDate date, ShiftPattern p) {
            for (int k = 0; k < byPrice.size(); k++) {
                if (AgentRules.available(byPrice.get(k), date.getDayOfWeek(), p.startMinute(), p.lengthMinutes())) {
                    return prices.get(k);
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        /** The pattern on that day covers some row of one of the group's channels. */
        boolean useful(ShiftPattern p, int day, int im, int[][] rowOf) {
            int base = day * 1440 + p.startMinute();
            for (int c : channels) {
                for (int i = base / im; i * im < base + p.lengthMinutes(); i++) {
                    if (i < rowOf[c].length && rowOf[c][i] >= 0) {
                        return true;
                    }
                }
            }
            return false;
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
