package org.wfm.scheduler.solver.bound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.ScheduleEvaluator;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.bench.SolverBenchmark;

/**
 * Bench only ({@code ./bench relaxed ... blocks}): the block plans HiGHS chose from {@link RelaxedMasterDump}'s
 * columns written as schedule rows (each shift on its channel, its pauses where the prices put them: the 15-minute
 * ones breaks, longer ones lunch; on-site agents at their site, the others at home) and judged by the product's
 * own {@link ScheduleEvaluator}: its cost, hard violations and coverage, beside the solver's schedule.
 */
public final class RelaxedMasterSchedule {
    private RelaxedMasterSchedule() {
    }

    /** Arguments: instance name, the dump file, the chosen line numbers (relaxed_master.py's .chosen file). */
    public static void main(String[] args) throws IOException {
        ScheduleInput in = SolverBenchmark.instance(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        List<ScheduleRow> rows = new ArrayList<>();
        LocalDateTime t0 = in.rules().horizon().start().atStartOfDay();
        var channels = in.channels().channels();
        for (String n : Files.readAllLines(Path.of(args[2]))) {
            if (n.isBlank()) {
                continue;
            }
            String[] d = lines.get(Integer.parseInt(n.trim()) + 1).split(" ");
            Agent a = in.agents().get(Integer.parseInt(d[1]));
            if (d[0].equals("S")) {
                // The product's own rows for this agent-week.
                for (int k = 2; k < d.length; k++) {
                    String[] f = d[k].split(",");
                    int ch = Integer.parseInt(f[3]);
                    rows.add(new ScheduleRow(a.id(), in.rules().horizon().start().plusDays(Long.parseLong(f[5])),
                            t0.plusMinutes(Long.parseLong(f[0])), t0.plusMinutes(Long.parseLong(f[1])),
                            Activity.valueOf(f[2]), ch < 0 ? null : channels.get(ch).name(), f[4]));
                }
                continue;
            }
            String where = a.workMode() == WorkMode.ONSITE && a.site() != null ? a.site() : "home";
            for (int s = 2; s < d.length; s++) {
                String[] f = d[s].split(",");
                int from = Integer.parseInt(f[0]);
                int to = Integer.parseInt(f[1]);
                String ch = channels.get(Integer.parseInt(f[2])).name();
                // Pauses in time order, overlapping ones merged into the first (the relaxation may overlap them).
                TreeMap<Integer, Integer> pauses = new TreeMap<>();
                for (int k = 3; k < f.length; k++) {
                    String[] p = f[k].split(":");
                    pauses.merge(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Math::max);
                }
                int at = from;
                for (Map.Entry<Integer, Integer> p : pauses.entrySet()) {
                    int ps = Math.max(p.getKey(), at);
                    int pe = p.getKey() + p.getValue();
                    if (pe <= at) {
                        continue;
                    }
                    if (ps > at) {
                        rows.add(row(a, t0, from, at, ps, Activity.WORK, ch, where));
                    }
                    rows.add(row(a, t0, from, ps, pe, p.getValue() >= 30 ? Activity.LUNCH : Activity.BREAK, null,
                            where));
                    at = pe;
                }
                if (at < to) {
                    rows.add(row(a, t0, from, at, to, Activity.WORK, ch, where));
                }
            }
        }
        Summary s = ScheduleEvaluator.evaluate(in, rows).summary();
        Map<String, Long> kinds = s.hardViolations().stream()
                .collect(Collectors.groupingBy(v -> String.valueOf(v.constraint()),
                        TreeMap::new, Collectors.counting()));
        System.out.printf(Locale.ROOT, "%s assembled: rows=%d cost=%.2f paidHours=%.1f hardViolations=%d %s"
                        + " uncoveredIntervals=%d lateContacts=%.1f%n", args[0], rows.size(), s.cost().total(),
                s.paidHours(), s.hardViolations().size(), kinds, s.uncoveredIntervals().size(), s.lateContacts());
        s.hardViolations().stream().limit(8).forEach(v -> System.out.println("  " + v));
        System.out.println("  cost " + s.cost());
    }

    private static ScheduleRow row(Agent a, LocalDateTime t0, int shiftFrom, int from, int to, Activity what,
                                   String channel, String where) {
        return new ScheduleRow(a.id(), t0.plusMinutes(shiftFrom).toLocalDate(), t0.plusMinutes(from),
                t0.plusMinutes(to), what, channel, where);
    }
}
