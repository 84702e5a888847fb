package org.wfm.scheduler.solver.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.solver.SolverProgress;
import org.wfm.scheduler.solver.model.ConstraintName;

/**
 * The large-instance benchmark (issue 15 item 8; not a unit test): a generated centre of {@code agents} agents ×
 * {@code days} days × 3 channels with breaks ({@link InstanceGenerator}), solved with the CLI's default work budget
 * for {@code limit} seconds. Prints wall time per phase (instance generation, problem building, construction,
 * local search, evaluation, bound) in wall and in the solving thread's CPU seconds (what a loaded machine does not
 * skew), the process CPU time, agents given shifts, weekly minimums missed and other
 * hard violations, why the search stopped, and the peak heap after the run (peak used of every heap pool, summed:
 * an upper bound of the live set). Arguments: agents (default 10000), days (14), limit in seconds (5), and
 * {@code nobound} to skip the bound. {@code ./bench large 10000 14 5}.
 */
public final class LargeBenchmark {
    private LargeBenchmark() {
    }

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        long limit = args.length > 2 ? Long.parseLong(args[2]) : 5;
        boolean bound = !(args.length > 3 && args[3].equals("nobound"));
        long t0 = System.nanoTime();
        ScheduleInput in = InstanceGenerator.generate(agents, days, 3, true, 9);
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("generate", seconds(t0));
        long t1 = System.nanoTime();
        ScheduleSolver.build(in);
        phases.put("build (alone)", seconds(t1));
        List<SolverProgress> events = new ArrayList<>();
        // thread CPU seconds at each event (the events come on the solving thread): per phase, what load does not skew
        List<Double> cpuAt = new ArrayList<>();
        var threads = ManagementFactory.getThreadMXBean();
        // the budget the CLI's schedule and plan commands use for this limit and instance
        SolveOptions o = new SolveOptions(Duration.ofSeconds(limit), 1).calibratedFor(in);
        long t2 = System.nanoTime();
        double cpuStart = threads.getCurrentThreadCpuTime() / 1e9;
        ScheduleOutcome out = new ScheduleSolver().solve(in, bound ? o : o.withoutBound(), e -> {
            events.add(e);
            cpuAt.add(threads.getCurrentThreadCpuTime() / 1e9);
        });
        double cpuEnd = threads.getCurrentThreadCpuTime() / 1e9;
        double total = seconds(t2);
        // The solver's events: "construction" with no score once the problem is built, the first best score at the
        // construction's end, "done", "checking" (the evaluation starts) and "bound".
        double[] at = new double[6];
        double[] cpu = new double[6];
        java.util.Arrays.fill(at, Double.NaN);
        for (int k = 0; k < events.size(); k++) {
            SolverProgress p = events.get(k);
            int slot = -1;
            if (p.phase().equals("construction") && p.bestScore().equals("-")) {
                slot = 0;
            } else if (Double.isNaN(at[1]) && !p.bestScore().equals("-")) {
                slot = 1;
            }
            switch (p.phase()) {
                case "done" -> slot = 2;
                case SolverProgress.CHECKING -> slot = 3;
                case SolverProgress.BOUND -> slot = 4;
                default -> { }
            }
            if (slot >= 0) {
                at[slot] = p.secondsElapsed();
                cpu[slot] = cpuAt.get(k);
            }
        }
        at[5] = total;
        cpu[5] = cpuEnd;
        if (Double.isNaN(at[4])) {
            at[4] = total;
            cpu[4] = cpuEnd;
        }
        phases.put("build", at[0]);
        phases.put("construction", at[1] - at[0]);
        phases.put("local search", at[2] - at[1]);
        phases.put("evaluation", at[4] - at[3]);
        phases.put("bound", at[5] - at[4]);
        phases.put("cpu build", cpu[0] - cpuStart);
        phases.put("cpu construction", cpu[1] - cpu[0]);
        phases.put("cpu local search", cpu[2] - cpu[1]);
        phases.put("cpu evaluation", cpu[4] - cpu[3]);
        phases.put("cpu bound", cpu[5] - cpu[4]);
        Summary s = out.summary();
        long placed = out.rows().stream().map(r -> r.agentId()).distinct().count();
        long weeklyMin = s.hardViolations().stream()
                .filter(v -> v.constraint().equals(ConstraintName.WEEKLY_HOURS_MIN.phrase())).count();
        StringBuilder sb = new StringBuilder();
        phases.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.1fs", k.replace(' ', '_'), v)));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double processCpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        System.out.printf(Locale.ROOT, "large %dx%dx3 limit=%ds%s total=%.1fs cpu=%.1fs agents=%d withShifts=%d "
                        + "weeklyMinimumsMissed=%d hardViolations=%d terminatedBy=%s score=%s cost=%.2f "
                        + "lateContacts=%.1f lowerBound=%s peakHeapMB=%d peakHeapMBPer1000Agents=%.0f%n",
                agents, days, limit, sb, seconds(t0), processCpu, agents, placed, weeklyMin, s.hardViolations().size(),
                out.terminatedBy(), s.solver().score(), s.cost().total(), s.lateContacts(),
                s.lowerBound().cost() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", s.lowerBound().cost()),
                peak >> 20, (peak >> 20) * 1000.0 / agents);
        StringBuilder service = new StringBuilder("planned service:");
        s.serviceLevel().forEach((ch, sl) -> service.append(String.format(Locale.ROOT, " %s=%.1f%% (target %.0f%%)",
                ch, 100 * sl.planned(), 100 * sl.target())));
        System.out.println(service);
        var report = out.summary();
        System.out.printf(Locale.ROOT, "paid hours %.0f, on-demand hours %.0f, uncovered intervals %d%n",
                report.paidHours(), report.onDemandHours(), report.uncoveredIntervals().size());
    }

    private static double seconds(long from) {
        return (System.nanoTime() - from) / 1e9;
    }
}
