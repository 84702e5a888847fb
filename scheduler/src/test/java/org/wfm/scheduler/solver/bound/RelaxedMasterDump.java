package org.wfm.scheduler.solver.bound;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.bench.SolverBenchmark;

/**
 * Bench only ({@code ./bench relaxed}): the columns of a restricted master problem of the per-agent model that
 * {@link LagrangianBound} relaxes, written for an integer programming solver outside the product
 * ({@code scheduler/src/exact/python/relaxed_master.py}, HiGHS through SciPy). Every agent-week plan the ascent prices
 * (Lagrangian heuristic: Fisher, Management Science 27(1), 1981, section 6) is one column, in two forms, and the schedule may be added:
 *
 * <ul>
 *   <li>kind 0, "minutes": each work interval on the channel the prices chose (a plan of the relaxed model: the
 *       bound's own relaxation, where a minute may go to any channel);</li>
 *   <li>kind 1, "blocks": each shift wholly on one channel (the one the prices gave most of its minutes), and one
 *       column per channel with every shift of the week on it: plans a schedule can have, up to what the weekly
 *       plans do not see (the pauses' order, the rest between days, days in a row across weeks, seats);</li>
 *   <li>kind 2, the product's own schedule, one column per agent-week (when asked for), so that the restricted
 *       problem always has a solution.</li>
 * </ul>
 *
 * <p>None of the restricted optima is a bound (a restricted problem costs at least the full one). The integer
 * optimum over kind 0 columns is at least the relaxed model's optimum; the one over kinds 1 and 2 is what a
 * schedule made of the priced plans would cost, up to the rules named above, which shows how much of the gap is
 * the schedule's. Columns are deduplicated by their coverage.
 */
public final class RelaxedMasterDump {
    private RelaxedMasterDump() {
    }

    /**
     * Arguments: instance name ({@link SolverBenchmark#instance}), output file, and the share of the ascent's
     * last plans kept (default 0.2: the plans near the final multipliers; all of them make an LP too large for
     * HiGHS in minutes on 80 x 14 x 3), 1 in how many of the other columns is kept too (0: none), and the seconds of
     * the CLI's move budget for the product's own schedule added as columns (kind 2; 0 or absent: none).
     */
    public static void main(String[] args) throws IOException {
        ScheduleInput in = SolverBenchmark.instance(args[0]);
        Path out = Path.of(args[1]);
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.2;
        int sample = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        long scheduleSeconds = args.length > 4 ? Long.parseLong(args[4]) : 0;
        Sink sink = new Sink();
        long t0 = System.nanoTime();
        Double bound = LagrangianBound.compute(in, null, Double.NaN, sink);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.printf(Locale.ROOT, "B %.6f%n", bound == null ? Double.NaN : bound);
            w.printf(Locale.ROOT, "R %d%n", sink.rhs.length);
            StringBuilder sb = new StringBuilder("H");
            for (double r : sink.rhs) {
                sb.append(' ').append(String.format(Locale.ROOT, "%.6f", r));
            }
            w.println(sb);
            if (scheduleSeconds > 0) {
                scheduleColumns(in, scheduleSeconds, sink, w);
            }
            long from = (long) Math.floor(sink.calls * (1 - share));
            java.util.Set<String> kept = new java.util.HashSet<>();
            for (int i = 0; i < sink.columns.size(); i++) {
                // A column first met before the kept share is kept when it is met again within it.
                // Every column met in the last share, and every sample-th of the others (the first prices' plans,
                // which cover more, keep the restricted problem feasible).
                boolean keep = sink.lastCall.get(i) >= from || (sample > 0 && i % sample == 0);
                if (keep && kept.add(sink.columns.get(i))) {
                    w.println(sink.columns.get(i));
                    w.println(sink.described.get(i));
                    sink.keptKinds[sink.columns.get(i).split(" ", 5)[3].equals("0") ? 0 : 1]++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s lagrangian=%.2f rows=%d plans=%d columns=%d (minutes %d, blocks %d),"
                        + " kept from the last %.0f%%: minutes %d, blocks %d; %.1f s%n",
                args[0], bound, sink.rhs.length, sink.calls, sink.columns.size(), sink.kinds[0], sink.kinds[1],
                100 * share, sink.keptKinds[0], sink.keptKinds[1],
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Kind 2: the product's own schedule (the CLI's move budget for {@code seconds}, seed 1), one column per
     * agent-week with the weighted staff its rows give each covering row and its paid time at the agent's price;
     * the description line ("S") holds the rows, {start,end,activity,channel,location} in minutes from the
     * horizon's first midnight, so the restricted problem always has a solution and the assembled schedule can
     * reuse them.
     */
    private static void scheduleColumns(ScheduleInput in, long seconds, Sink sink, PrintWriter w) {
        org.wfm.scheduler.solver.SolveOptions o = new org.wfm.scheduler.solver.SolveOptions(
                java.time.Duration.ofSeconds(seconds), 1).calibratedFor(in);
        o = new org.wfm.scheduler.solver.SolveOptions(o.timeLimit().multipliedBy(4), o.seed(), o.unimprovedSteps(),
                o.moveBudget(), o.bound());
        var out = new org.wfm.scheduler.solver.ScheduleSolver().solve(in, o, p -> { });
        java.time.LocalDateTime t0 = in.rules().horizon().start().atStartOfDay();
        var channels = in.channels().channels();
        Map<String, List<org.wfm.scheduler.domain.ScheduleRow>> byWeek = new TreeMap<>();
        for (var r : out.rows()) {
            long day = java.time.temporal.ChronoUnit.DAYS.between(in.rules().horizon().start(), r.date());
            byWeek.computeIfAbsent(r.agentId() + " " + day / 7, k -> new ArrayList<>()).add(r);
        }
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int a = 0; a < in.agents().size(); a++) {
            index.put(in.agents().get(a).id(), a);
        }
        int n = 0;
        for (var e : byWeek.entrySet()) {
            String[] key = e.getKey().split(" ");
            int agent = index.get(key[0]);
            var a = in.agents().get(agent);
            double[][] cover = org.wfm.scheduler.solver.ScheduleEvaluator.weightedCoverage(in, e.getValue());
            Map<Integer, Double> cov = new TreeMap<>();
            for (int c = 0; c < cover.length; c++) {
                for (int i = 0; i < cover[c].length; i++) {
                    sink.put(cov, c, i, cover[c][i]);
                }
            }
            double paidMinutes = 0;
            StringBuilder d = new StringBuilder("S ").append(agent);
            for (var r : e.getValue()) {
                long from = java.time.temporal.ChronoUnit.MINUTES.between(t0, r.start());
                long to = java.time.temporal.ChronoUnit.MINUTES.between(t0, r.end());
                if (r.activity() != org.wfm.scheduler.domain.Activity.LUNCH) {
                    paidMinutes += to - from;
                }
                int ch = r.channel() == null ? -1 : channels.indexOf(channels.stream()
                        .filter(x -> x.name().equals(r.channel())).findFirst().orElseThrow());
                d.append(' ').append(from).append(',').append(to).append(',').append(r.activity().name())
                        .append(',').append(ch).append(',').append(r.location()).append(',')
                        .append(java.time.temporal.ChronoUnit.DAYS.between(in.rules().horizon().start(), r.date()));
            }
            double money = paidMinutes / 60.0 * org.wfm.scheduler.solver.model.PayRules.hourlyPrice(a,
                    in.rules().costs());
            StringBuilder c = new StringBuilder(String.format(Locale.ROOT, "C %d %s 2 %.6f %d", agent, key[1], money,
                    cov.size()));
            cov.forEach((r, v) -> c.append(' ').append(r).append(' ').append(String.format(Locale.ROOT, "%.6f", v)));
            w.println(c);
            w.println(d);
            n++;
        }
        // Agent-weeks the schedule leaves without a shift: an empty column.
        for (int agent = 0; agent < in.agents().size(); agent++) {
            for (int week = 0; week * 7 < in.rules().horizon().days(); week++) {
                if (!byWeek.containsKey(in.agents().get(agent).id() + " " + week)) {
                    w.println("C " + agent + " " + week + " 2 0.000000 0");
                    w.println("S " + agent);
                    n++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "schedule: cost=%.2f columns=%d%n", out.summary().cost().total(), n);
    }

    private static final class Sink implements LagrangianBound.PlanSink {
        int[][] rowOf;
        double[] rhs;
        int im;
        final List<String> columns = new ArrayList<>();
        /** Per column its plan, "D agent shifts...", each shift "from,to,channel[,pauseStart:minutes]..." (kind 1). */
        final List<String> described = new ArrayList<>();
        final Map<String, Integer> seen = new java.util.HashMap<>();
        /** The last plan call that met each column. */
        final List<Long> lastCall = new ArrayList<>();
        final int[] kinds = new int[2];
        final int[] keptKinds = new int[2];
        long calls;

        @Override
        public void rows(int[][] rowOf, double[] rhs, int intervalMinutes) {
            this.rowOf = rowOf;
            this.rhs = rhs;
            this.im = intervalMinutes;
        }

        @Override
        public void plan(int agent, int week, double money, int[] channels, double[] prof, List<int[]> shifts,
                         List<int[][]> pauses, List<int[]> channelAt) {
            calls++;
            // Work minutes per interval of each shift (the pauses as the relaxation takes them off).
            List<Map<Integer, Integer>> work = new ArrayList<>();
            for (int s = 0; s < shifts.size(); s++) {
                Map<Integer, Integer> m = new TreeMap<>();
                add(m, shifts.get(s)[0], shifts.get(s)[1], 1);
                for (int[] p : pauses.get(s)) {
                    add(m, p[0], p[0] + p[1], -1);
                }
                work.add(m);
            }
            // kind 0: as priced.
            Map<Integer, Double> cov = new TreeMap<>();
            for (int s = 0; s < shifts.size(); s++) {
                int i0 = Math.floorDiv(shifts.get(s)[0], im);
                int[] at = channelAt.get(s);
                for (var e : work.get(s).entrySet()) {
                    int i = e.getKey();
                    int k = i - i0 < at.length ? at[i - i0] : -1;
                    if (k >= 0) {
                        put(cov, channels[k], i, prof[k] * e.getValue() / im);
                    }
                }
            }
            emit(agent, week, 0, money, cov, "D " + agent);
            // kind 1: each shift on the channel most of its priced minutes went to.
            cov = new TreeMap<>();
            int[] onChannel = new int[shifts.size()];
            for (int s = 0; s < shifts.size(); s++) {
                int i0 = Math.floorDiv(shifts.get(s)[0], im);
                int[] at = channelAt.get(s);
                double[] minutes = new double[channels.length];
                for (var e : work.get(s).entrySet()) {
                    int k = e.getKey() - i0 < at.length ? at[e.getKey() - i0] : -1;
                    if (k >= 0) {
                        minutes[k] += e.getValue();
                    }
                }
                int kBest = 0;
                for (int k = 1; k < channels.length; k++) {
                    if (minutes[k] > minutes[kBest]) {
                        kBest = k;
                    }
                }
                for (var e : work.get(s).entrySet()) {
                    put(cov, channels[kBest], e.getKey(), prof[kBest] * e.getValue() / im);
                }
                onChannel[s] = channels[kBest];
            }
            emit(agent, week, 1, money, cov, describe(agent, shifts, pauses, onChannel));
            for (int k = 0; k < channels.length; k++) {
                cov = new TreeMap<>();
                for (int s = 0; s < shifts.size(); s++) {
                    for (var e : work.get(s).entrySet()) {
                        put(cov, channels[k], e.getKey(), prof[k] * e.getValue() / im);
                    }
                }
                int[] all = new int[shifts.size()];
                java.util.Arrays.fill(all, channels[k]);
                emit(agent, week, 1, money, cov, describe(agent, shifts, pauses, all));
            }
        }

        private static String describe(int agent, List<int[]> shifts, List<int[][]> pauses, int[] channel) {
            StringBuilder sb = new StringBuilder("D ").append(agent);
            for (int s = 0; s < shifts.size(); s++) {
                sb.append(' ').append(shifts.get(s)[0]).append(',').append(shifts.get(s)[1]).append(',')
                        .append(channel[s]);
                for (int[] p : pauses.get(s)) {
                    sb.append(',').append(p[0]).append(':').append(p[1]);
                }
            }
            return sb.toString();
        }

        private void add(Map<Integer, Integer> m, int from, int to, int sign) {
            for (int i = Math.floorDiv(from, im); i * im < to; i++) {
                int overlap = Math.min(to, (i + 1) * im) - Math.max(from, i * im);
                if (overlap > 0) {
                    m.merge(i, sign * overlap, Integer::sum);
                }
            }
        }

        void put(Map<Integer, Double> cov, int c, int i, double v) {
            if (i >= 0 && i < rowOf[c].length && rowOf[c][i] >= 0 && v != 0) {
                cov.merge(rowOf[c][i], v, Double::sum);
            }
        }

        private void emit(int agent, int week, int kind, double money, Map<Integer, Double> cov, String what) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "C %d %d %d %.6f %d", agent, week, kind, money, cov.size()));
            cov.forEach((r, v) -> sb.append(' ').append(r).append(' ').append(String.format(Locale.ROOT, "%.6f", v)));
            String line = sb.toString();
            Integer at = seen.get(line);
            if (at == null) {
                seen.put(line, columns.size());
                columns.add(line);
                described.add(what);
                lastCall.add(calls);
                kinds[kind]++;
            } else {
                lastCall.set(at, calls);
            }
        }
    }
}
