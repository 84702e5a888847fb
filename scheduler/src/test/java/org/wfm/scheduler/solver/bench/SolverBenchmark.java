package org.wfm.scheduler.solver.bench;

import java.time.Duration;
import java.util.Locale;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;

/**
 * Benchmark on three generated instances (not a unit test): 30 agents × 7 days × 1 channel without breaks
 * (60 s), 80 × 14 × 3 (60 s) and 500 × 14 × 3 (120 s), with breaks. Prints per instance: score calculation
 * speed (a ruin-and-recreate move counts as the ordinary moves its work is worth), time to the first feasible (0 hard) schedule, final score, cost, lower bound and gap, uncovered
 * intervals, late contacts, hard violations found by the evaluator, and heap used. Arguments: a factor on the
 * time limits (default 1) and optionally one instance name. Run from the repository root:
 * <pre>
 * mvn -q -B -o -pl scheduler -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx2g -cp "scheduler/target/test-classes:scheduler/target/classes:forecast/target/classes:$(cat /tmp/cp.txt)" \
 *     org.wfm.scheduler.solver.bench.SolverBenchmark 1 30x7x1
 * </pre>
 */
public final class SolverBenchmark {
    private SolverBenchmark() {
    }

    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        String only = args.length > 1 ? args[1] : "";
        // "budget": the CLI's reproducible work budget for the limit (compare schedules between a quiet and a busy
        // machine by their hash); default "time": the limit alone, for speed figures.
        boolean budget = args.length > 2 && args[2].equals("budget");
        run("30x7x1", InstanceGenerator.generate(30, 7, 1, false, 7, 0.4, 0.7, 0.45), (long) (60 * scale), only, budget);
        run("80x14x3", InstanceGenerator.generate(80, 14, 3, true, 8), (long) (60 * scale), only, budget);
        run("500x14x3", InstanceGenerator.generate(500, 14, 3, true, 9), (long) (120 * scale), only, budget);
    }

    private static void run(String name, ScheduleInput in, long seconds, String only, boolean budget) {
        if (!only.isEmpty() && !only.equals(name)) {
            return;
        }
        double[] firstFeasible = {Double.NaN};
        ScheduleSolver solver = new ScheduleSolver();
        SolveOptions o = budget ? new SolveOptions(Duration.ofSeconds(seconds), 1)
                : new SolveOptions(Duration.ofSeconds(seconds), 1, 0, 0);
        ScheduleOutcome out = solver.solve(in, o, p -> {
            if (Double.isNaN(firstFeasible[0]) && p.bestScore().startsWith("0hard")) {
                firstFeasible[0] = p.secondsElapsed();
            }
        });
        Summary s = out.summary();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT,
                "%-9s agents=%d speed=%d/s firstFeasible=%.1fs score=%s cost=%.2f lowerBound=%s gap=%s "
                        + "uncovered=%d lateContacts=%.1f violations=%d conflicts=%d seconds=%.1f terminatedBy=%s"
                        + " scheduleHash=%08x heapUsedMB=%d%n",
                name, in.agents().size(), solver.lastScoreCalculationSpeed(), firstFeasible[0], s.solver().score(),
                s.cost().total(), fmt(s.lowerBound().cost()), fmt(s.lowerBound().gap()),
                s.uncoveredIntervals().size(), s.lateContacts(), s.hardViolations().size(), out.conflicts().size(),
                s.solver().seconds(), out.terminatedBy(), out.rows().toString().hashCode(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static String fmt(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.4f", d);
    }
}
