package org.wfm.scheduler.solver.bound;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.Requirement;

/**
 * A tighter bound on the same set-covering model with one column per agent, day, pattern and channel: each
 * agent at their own price, at most one shift a day, the contract's weekly hours (minimum and maximum) and
 * days. The covering rows are dualised (Lagrangian relaxation; Fisher, The Lagrangian relaxation method for
 * solving integer programming problems, Management Science 27(1), 1981): for multipliers u ≥ 0,
 * L(u) = Σ u·R + Σ over agent-weeks of the cheapest plan at reduced costs, found exactly by a dynamic
 * programme over days, days used and paid quarter-hours. Every L(u) is a lower bound (weak duality), and the
 * best one is at least the LP relaxation of this model; u is improved by subgradient steps (Polyak's rule,
 * as in Held, Wolfe and Crowder, Validation of subgradient optimization, Math. Programming 6, 1974).
 * The per-agent LP itself is too slow for ojAlgo's simplex at this size (17 s for 20 agents × 7 days).
 */
final class LagrangianBound {
    private static final int ITERATIONS = 3000;
    /**
     * Candidate shifts valued over all iterations at most: the iterations stop on work done, not on a clock,
     * so the bound (written to summary.json) is the same on every run. About 3 s here (20 ns a candidate);
     * the 30-agent benchmark converges within it (2,175 iterations of 11k candidates), the 80-agent one gets
     * about 160 iterations of 940k and ends 1-2% below its converged value (266 iterations: +0.6%).
     */
    static final long WORK_LIMIT = 150_000_000L;
    /** Iterations at least, however many candidates (the first steps gain the most). */
    private static final int MIN_ITERATIONS = 50;

    /**
     * Candidates kept in memory at most (about 60 bytes each); beyond, the per-agent model is skipped and the
     * pattern LP alone is the bound. Split days multiply the candidates by the skills: 500 multi-skilled agents
     * over 14 days would need over a gigabyte.
     */
    private static final long MAX_CANDIDATES = 3_000_000;

    private LagrangianBound() {
    }

    /** Candidates the model would hold: per agent and available day, patterns in the window × skills². */
    private static long candidateCount(ScheduleInput in, List<ShiftPattern> patterns, int days, LocalDate h0) {
        long n = 0;
        for (Agent a : in.agents()) {
            long skills = in.channels().channels().stream().filter(c -> AgentRules.skilled(a, c.name())).count();
            long fitting = patterns.stream().filter(p -> inWindow(a, p)).count();
            for (int d = 0; d < days; d++) {
                if (a.availableDays().contains(h0.plusDays(d).getDayOfWeek())) {
                    n += fitting * skills * skills;
                }
            }
        }
        return n;
    }

    /**
     * One column's shape, shared by all agents: the rows a shift part covers on its channel and by how much, as
     * if it had no pauses (a split day's part before the switch up to the switch's latest start, the part after
     * from its earliest), and for each of the part's pauses the starts worth valuing in its window, each as the
     * rows and fractions it takes off. At reduced costs the agent takes each pause where it costs least: the
     * exact least over placements but for the pauses' order and overlap, which are relaxed (so still a bound);
     * {@code chosen} remembers those starts for the subgradient.
     */
    private static final class Shape {
        final int id;
        final int[] rows;
        final double[] frac;
        final int[][][] pauseRows;
        final double[][][] pauseFrac;
        final int[] chosen;

        Shape(int id, int[] rows, double[] frac, int[][][] pauseRows, double[][][] pauseFrac) {
            this.id = id;
            this.rows = rows;
            this.frac = frac;
            this.pauseRows = pauseRows;
            this.pauseFrac = pauseFrac;
            this.chosen = new int[pauseRows.length];
        }

        double value(double[] u) {
            double v = 0;
            for (int k = 0; k < rows.length; k++) {
                v += u[rows[k]] * frac[k];
            }
            for (int k = 0; k < pauseRows.length; k++) {
                double least = Double.POSITIVE_INFINITY;
                for (int o = 0; o < pauseRows[k].length; o++) {
                    double off = 0;
                    for (int j = 0; j < pauseRows[k][o].length; j++) {
                        off += u[pauseRows[k][o][j]] * pauseFrac[k][o][j];
                    }
                    if (off < least) {
                        least = off;
                        chosen[k] = o;
                    }
                }
                v -= least;
            }
            return v;
        }

        void addTo(double[] covered, double prof) {
            for (int r = 0; r < rows.length; r++) {
                covered[rows[r]] += prof * frac[r];
            }
            for (int k = 0; k < pauseRows.length; k++) {
                int[] pr = pauseRows[k][chosen[k]];
                for (int j = 0; j < pr.length; j++) {
                    covered[pr[j]] -= prof * pauseFrac[k][chosen[k]][j];
                }
            }
        }
    }

    /**
     * A shift: {@code shape} worked at {@code prof}, plus for a split day {@code second} at {@code prof2}, plus
     * what its redirected stretches may give ({@link org.wfm.scheduler.solver.model.ChannelRedirect}): each
     * {@code redirect[k]} at {@code redirectProf[k]}, every other channel of the agent's credited wherever the
     * booked one has no demand (more than any one placement gives, so still a bound).
     */
    private record Candidate(Shape shape, double cost, double prof, int units, Shape second, double prof2,
                             Shape[] redirect, double[] redirectProf) {
        double reduced(double[] value) {
            double v = cost - prof * value[shape.id] - (second == null ? 0 : prof2 * value[second.id]);
            for (int k = 0; k < redirect.length; k++) {
                v -= redirectProf[k] * value[redirect[k].id];
            }
            return v;
        }

        void addTo(double[] covered) {
            shape.addTo(covered, prof);
            if (second != null) {
                second.addTo(covered, prof2);
            }
            for (int k = 0; k < redirect.length; k++) {
                redirect[k].addTo(covered, redirectProf[k]);
            }
        }
    }

    /**
     * The redirect credits of a shift of {@code a} on pattern {@code p}, day {@code day}, booked on {@code c}
     * (part 0) or on {@code c} then {@code c2} (parts 1 and 2): per other skilled channel, the rows it may take
     * where the booked channel has no demand.
     */
    private static Candidate withRedirect(Candidate base, Map<Long, Shape> shapes, Agent a, List<Channel> channels,
                                          int day, ShiftPattern p, int c, int c2, int nPatterns, int[][] rowOf,
                                          boolean[][] demanded, int im, Rules.Breaks breaks) {
        List<Shape> sh = new ArrayList<>();
        List<Double> pr = new ArrayList<>();
        int[][] parts = c2 < 0 ? new int[][] {{c, 0}} : new int[][] {{c, 1}, {c2, 2}};
        for (int[] part : parts) {
            for (int e = 0; e < channels.size(); e++) {
                double pe = a.proficiency(channels.get(e).name());
                if (e == part[0] || pe <= 0) {
                    continue;
                }
                Shape r = redirectShape(shapes, day, p, part[0], part[1], e, nPatterns, channels.size(), rowOf,
                        demanded, im, breaks);
                if (r != null) {
                    sh.add(r);
                    pr.add(pe);
                }
            }
        }
        if (sh.isEmpty()) {
            return base;
        }
        return new Candidate(base.shape, base.cost, base.prof, base.units, base.second, base.prof2,
                sh.toArray(new Shape[0]), pr.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Best bound found, or null when some agent cannot meet their weekly minimum (model infeasible); rows as in
     * {@link CoverLowerBound#rows}, capped by {@code cap} (weighted staff covered) when given.
     */
    static Double compute(ScheduleInput in, double[][] cap) {
        Rules rules = in.rules();
        int im = in.channels().intervalMinutes();
        int days = rules.horizon().days();
        int horizonIntervals = days * 1440 / im;
        LocalDate h0 = rules.horizon().start();
        List<Channel> channels = in.channels().channels();
        List<ShiftPattern> patterns = ShiftRules.generate(rules, im);

        int[][] rowOf = new int[channels.size()][horizonIntervals];
        List<double[]> rowList = CoverLowerBound.rows(in, cap, rowOf);
        if (rowList.isEmpty()) {
            return null;
        }
        double[] rhs = rowList.stream().mapToDouble(r -> r[3]).toArray();
        boolean[][] demanded = CoverLowerBound.demanded(in);

        if (candidateCount(in, patterns, days, h0) > MAX_CANDIDATES) {
            return null;
        }
        // Shapes per day, pattern and channel.
        Map<Long, Shape> shapes = new HashMap<>();
        Map<String, List<TimeOff>> offs = new HashMap<>();
        in.timeOff().forEach(t -> offs.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        List<AgentWeekData> weeks = new ArrayList<>();
        double cheapest = Double.POSITIVE_INFINITY;
        for (Agent a : in.agents()) {
            List<TimeOff> myOff = offs.getOrDefault(a.id(), List.of());
            AgentPlan plan = planOf(a, myOff, h0);
            double price = PayRules.hourlyPrice(a, rules.costs());
            for (int w = 0; w * 7 < days; w++) {
                AgentWeek wk = ProblemBuilder.week(plan, w, days, rules, myOff);
                AgentWeekData data = new AgentWeekData(wk);
                for (int d = w * 7; d < Math.min(days, w * 7 + 7); d++) {
                    List<Candidate> list = new ArrayList<>();
                    if (a.availableDays().contains(h0.plusDays(d).getDayOfWeek())) {
                        for (ShiftPattern p : patterns) {
                            if (!AgentRules.available(a, h0.plusDays(d).getDayOfWeek(), p.startMinute(),
                                    p.lengthMinutes())
                                    || plan.offOverlap(d * 1440 + p.startMinute(), d * 1440 + p.endMinute()) > 0) {
                                continue;
                            }
                            for (int c = 0; c < channels.size(); c++) {
                                double prof = a.proficiency(channels.get(c).name());
                                if (!AgentRules.skilled(a, channels.get(c).name())) {
                                    continue;
                                }
                                Shape sh = shape(shapes, d, p, c, 0, patterns.size(), channels.size(), rowOf, im,
                                        rules.breaks());
                                int units = p.paidMinutes() / 15;
                                double cost = p.paidMinutes() / 60.0 * price;
                                list.add(withRedirect(new Candidate(sh, cost, prof, units, null, 0, NONE, NO_PROF),
                                        shapes, a, channels, d, p, c, -1, patterns.size(), rowOf, demanded, im,
                                        rules.breaks()));
                                cheapest = Math.min(cheapest, price / prof);
                                // Split days: this channel until the split point, another after it.
                                for (int c2 = 0; c2 < channels.size(); c2++) {
                                    double prof2 = a.proficiency(channels.get(c2).name());
                                    if (c2 == c || !AgentRules.skilled(a, channels.get(c2).name())) {
                                        continue;
                                    }
                                    list.add(withRedirect(new Candidate(
                                            shape(shapes, d, p, c, 1, patterns.size(), channels.size(), rowOf, im,
                                                    rules.breaks()),
                                            cost, prof, units,
                                            shape(shapes, d, p, c2, 2, patterns.size(), channels.size(), rowOf, im,
                                                    rules.breaks()),
                                            prof2, NONE, NO_PROF),
                                            shapes, a, channels, d, p, c, c2, patterns.size(), rowOf, demanded, im,
                                            rules.breaks()));
                                }
                            }
                        }
                    }
                    data.days.add(list);
                }
                weeks.add(data);
            }
        }
        List<Shape> allShapes = new ArrayList<>(shapes.values());
        allShapes.removeIf(sh -> sh == EMPTY);

        double[] u = new double[rhs.length];
        java.util.Arrays.fill(u, Double.isInfinite(cheapest) ? 0 : cheapest * im / 60.0);
        double best = Double.NEGATIVE_INFINITY;
        double lambda = 2.0;
        int sinceBest = 0;
        long candidates = 0;
        for (AgentWeekData wk : weeks) {
            for (List<Candidate> l : wk.days) {
                candidates += l.size();
            }
        }
        long iterations = Math.min(ITERATIONS, Math.max(MIN_ITERATIONS, WORK_LIMIT / Math.max(1, candidates)));
        double[] covered = new double[rhs.length];
        double[] value = new double[shapes.size()];
        for (int it = 0; it < iterations; it++) {
            for (Shape sh : allShapes) {
                value[sh.id] = sh.value(u);
            }
            java.util.Arrays.fill(covered, 0);
            double bound = 0;
            for (int r = 0; r < rhs.length; r++) {
                bound += u[r] * rhs[r];
            }
            for (AgentWeekData wk : weeks) {
                Double v = wk.solve(value, covered);
                if (v == null) {
                    return null;
                }
                bound += v;
            }
            if (bound > best + 1e-9) {
                best = bound;
                sinceBest = 0;
            } else if (++sinceBest >= 30) {
                lambda /= 2;
                sinceBest = 0;
            }
            double norm = 0;
            double[] g = new double[rhs.length];
            for (int r = 0; r < rhs.length; r++) {
                g[r] = rhs[r] - covered[r];
                if (u[r] > 0 || g[r] > 0) {
                    norm += g[r] * g[r];
                }
            }
            if (norm < 1e-12 || lambda < 1e-4) {
                break;
            }
            double target = best + Math.max(0.01 * Math.abs(best), 1.0);
            double step = lambda * (target - bound) / norm;
            for (int r = 0; r < rhs.length; r++) {
                u[r] = Math.max(0, u[r] + step * g[r]);
            }
        }
        return Double.isInfinite(best) ? null : best;
    }

    /** One agent's week: candidate shifts per day and the exact cheapest plan at reduced costs. */
    private static final class AgentWeekData {
        final AgentWeek week;
        final List<List<Candidate>> days = new ArrayList<>();

        AgentWeekData(AgentWeek week) {
            this.week = week;
        }

        private int maxUnits = -1;

        /** Longest candidate in quarter-hours. */
        private int maxUnits() {
            if (maxUnits < 0) {
                maxUnits = 0;
                for (List<Candidate> list : days) {
                    for (Candidate c : list) {
                        maxUnits = Math.max(maxUnits, c.units);
                    }
                }
            }
            return maxUnits;
        }

        /** Cheapest plan's reduced cost (adds its coverage to {@code covered}), or null if none is legal. */
        Double solve(double[] value, double[] covered) {
            int maxU = week.maxMinutes() / 15;
            int minU = (week.minMinutes() + 14) / 15;
            int maxDays = Math.min(week.maxDays(), days.size());
            int n = days.size();
            // Best candidate per day and paid length (arrays by quarter-hours: this loop is the bound's hot spot).
            int cap = maxUnits();
            double inf = Double.POSITIVE_INFINITY;
            Candidate[][] bestOf = new Candidate[n][cap + 1];
            double[][] bestVal = new double[n][cap + 1];
            for (int d = 0; d < n; d++) {
                double[] bv = bestVal[d];
                java.util.Arrays.fill(bv, inf);
                for (Candidate c : days.get(d)) {
                    double v = c.reduced(value);
                    if (v < bv[c.units]) {
                        bv[c.units] = v;
                        bestOf[d][c.units] = c;
                    }
                }
            }
            double[][][] dp = new double[n + 1][maxDays + 1][maxU + 1];
            int[][][] choice = new int[n + 1][maxDays + 1][maxU + 1];
            for (double[][] a : dp) {
                for (double[] b : a) {
                    java.util.Arrays.fill(b, inf);
                }
            }
            dp[0][0][0] = 0;
            for (int d = 0; d < n; d++) {
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
                        double[] bv = bestVal[d];
                        for (int u = 1; u <= cap && h + u <= maxU; u++) {
                            if (bv[u] == inf) {
                                continue;
                            }
                            double v = cur + bv[u];
                            if (v < dp[d + 1][k + 1][h + u]) {
                                dp[d + 1][k + 1][h + u] = v;
                                choice[d + 1][k + 1][h + u] = u;
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
            for (int d = n; d > 0; d--) {
                int units = choice[d][bk][bh];
                if (units < 0) {
                    continue;
                }
                bestOf[d - 1][units].addTo(covered);
                bk--;
                bh -= units;
            }
            return best;
        }
    }

    /** The shape of a pattern on a channel: whole shift (part 0), before (1) or after (2) its split point. */
    private static Shape shape(Map<Long, Shape> shapes, int day, ShiftPattern p, int c, int part, int nPatterns,
                               int nChannels, int[][] rowOf, int im, Rules.Breaks breaks) {
        long key = ((((long) day * nPatterns + p.id()) * nChannels + c) * 3 + part) * (nChannels + 1);
        Shape known = shapes.get(key);
        if (known != null) {
            return known;
        }
        Map<Integer, Double> out = new java.util.TreeMap<>();
        int len = p.lengthMinutes();
        int base = day * 1440 + p.startMinute();
        // Pauses move per agent-day: each part covers its whole stretch and places its own pauses (below). The
        // switch of a split day is the start of the lunch (or middle pause), which moves with it: the part
        // before runs to its latest, the part after from its earliest, and each takes the pauses on its side.
        int[] split = ShiftRules.splitRange(breaks, len);
        int from = base + (part == 2 ? split[0] : 0);
        int to = base + (part == 1 ? split[1] : len);
        rowsOf(from, to, c, rowOf, im, out);
        List<int[]> all = ShiftRules.pauseSpans(breaks, len);
        int splitK = ShiftRules.splitIndex(breaks, len);
        int firstK = part == 2 ? Math.max(0, splitK) : 0;
        int endK = part == 1 ? Math.max(0, splitK) : all.size();
        List<int[]> spans = all.subList(firstK, endK);
        int[][][] pauseRows = new int[spans.size()][][];
        double[][][] pauseFrac = new double[spans.size()][][];
        for (int j = 0; j < spans.size(); j++) {
            int k = firstK + j;
            int dur = ShiftRules.pauseMinutes(breaks, len, k);
            int[] starts = starts(p.startMinute(), spans.get(j)[0], spans.get(j)[1] - dur, dur, im);
            if (starts.length == 0) {
                // No legal start (no generated pattern has such a shift): the pause takes nothing off.
                pauseRows[j] = new int[][] {{}};
                pauseFrac[j] = new double[][] {{}};
                continue;
            }
            pauseRows[j] = new int[starts.length][];
            pauseFrac[j] = new double[starts.length][];
            for (int o = 0; o < starts.length; o++) {
                Map<Integer, Double> off = new java.util.TreeMap<>();
                rowsOf(base + starts[o], base + starts[o] + dur, c, rowOf, im, off);
                pauseRows[j][o] = off.keySet().stream().mapToInt(Integer::intValue).toArray();
                pauseFrac[j][o] = off.values().stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        int[] rows = out.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] frac = out.values().stream().mapToDouble(Double::doubleValue).toArray();
        Shape sh = new Shape(shapes.size(), rows, frac, pauseRows, pauseFrac);
        shapes.put(key, sh);
        return sh;
    }

    /**
     * The rows of channel {@code e} in the stretch of part {@code part} (as {@link #shape} spans it, pauses not
     * taken off) where channel {@code c} has no demand; null when there are none.
     */
    private static Shape redirectShape(Map<Long, Shape> shapes, int day, ShiftPattern p, int c, int part, int e,
                                       int nPatterns, int nChannels, int[][] rowOf, boolean[][] demanded, int im,
                                       Rules.Breaks breaks) {
        long key = ((((long) day * nPatterns + p.id()) * nChannels + c) * 3 + part) * (nChannels + 1) + e + 1;
        Shape known = shapes.get(key);
        if (known != null) {
            return known == EMPTY ? null : known;
        }
        int len = p.lengthMinutes();
        int base = day * 1440 + p.startMinute();
        int[] split = ShiftRules.splitRange(breaks, len);
        int from = base + (part == 2 ? split[0] : 0);
        int to = base + (part == 1 ? split[1] : len);
        Map<Integer, Double> out = new java.util.TreeMap<>();
        for (int i = Math.floorDiv(from, im); i * im < to; i++) {
            if (i < 0 || i >= rowOf[e].length || demanded[c][i] || rowOf[e][i] < 0) {
                continue;
            }
            int overlap = Math.min(to, (i + 1) * im) - Math.max(from, i * im);
            out.merge(rowOf[e][i], overlap / (double) im, Double::sum);
        }
        if (out.isEmpty()) {
            shapes.put(key, EMPTY);
            return null;
        }
        Shape sh = new Shape(shapes.size(), out.keySet().stream().mapToInt(Integer::intValue).toArray(),
                out.values().stream().mapToDouble(Double::doubleValue).toArray(), new int[0][][], new double[0][][]);
        shapes.put(key, sh);
        return sh;
    }

    /** Marks a redirect stretch with no rows (ids stay the map's insertion count, so may skip one). */
    private static final Shape EMPTY = new Shape(-1, new int[0], new double[0], new int[0][][], new double[0][][]);

    private static final Shape[] NONE = new Shape[0];
    private static final double[] NO_PROF = new double[0];

    /**
     * Starts of a pause worth valuing within [from, to]: what a pause takes off is linear in its start between
     * the starts where it begins or ends on an interval boundary, so its least over the window is at one of
     * those or at an end of the window, wherever schedules put it (on the grid or not).
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

    /** Adds the rows of channel {@code c} that minutes [from, to) fall in, with the fraction of each. */
    private static void rowsOf(int from, int to, int c, int[][] rowOf, int im, Map<Integer, Double> out) {
        for (int i = Math.floorDiv(from, im); i * im < to && from < to; i++) {
            if (i < 0 || i >= rowOf[c].length || rowOf[c][i] < 0) {
                continue;
            }
            int overlap = Math.min(to, (i + 1) * im) - Math.max(from, i * im);
            out.merge(rowOf[c][i], overlap / (double) im, Double::sum);
        }
    }

    static AgentPlan planOf(Agent a, List<TimeOff> offs, LocalDate h0) {
        return new AgentPlan(a, 0, List.of("-"), List.of(), Map.of(), AgentRules.timeOffRanges(offs, h0), 0, null);
    }

    /** Inside the agent's window on some day (the days are checked per day). */
    private static boolean inWindow(Agent a, ShiftPattern p) {
        return p.startMinute() >= AgentRules.windowStart(a) && p.endMinute() <= AgentRules.windowEnd(a);
    }

    private static int index(List<Channel> channels, String name) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
