package org.wfm.scheduler.staffing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.wfm.forecast.ForecastPoint;

/**
 * Times {@link RequirementsCalculator} on 6 weeks × 3 channels (voice with Erlang A, chat, email) × 96 quarter
 * hours, with an intraday peak and Monday high, then the solver-side cost of {@link ErlangServiceCurves}. Not a
 * unit test: after {@code mvn -q -o -pl scheduler -am test-compile}, run by hand with
 * {@code java -cp scheduler/target/classes:scheduler/target/test-classes:forecast/target/classes:COMMONS_MATH3_JAR
 * org.wfm.scheduler.staffing.RequirementsBenchmark [peakCallsPer15Min]} (default 300 voice calls per quarter
 * hour at the peak; 6000 gives ~2,000 Erlangs).
 */
public final class RequirementsBenchmark {

    private RequirementsBenchmark() {
    }

    public static void main(String[] args) {
        double peak = args.length > 0 ? Double.parseDouble(args[0]) : 300;
        ChannelPlan plan = new ChannelPlan(ZoneId.of("Europe/London"), 15, 0.3, List.of(
                new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, 180, 0.85, 300, 1, Double.NaN, 0.3),
                new Channel("chat", ChannelKind.CONCURRENT, 0.8, 60, Double.NaN, Double.NaN, 900, 3, Double.NaN, 0.3),
                new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 420, 1, 24,
                        0.3)));
        List<ForecastPoint> forecast = forecast(peak, new Random(42));
        for (int warm = 0; warm < 5; warm++) {
            RequirementsCalculator.compute(forecast, plan);
        }
        int runs = 10;
        long best = Long.MAX_VALUE;
        long total = 0;
        List<Requirement> rows = List.of();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            rows = RequirementsCalculator.compute(forecast, plan);
            long t = System.nanoTime() - t0;
            best = Math.min(best, t);
            total += t;
        }
        double maxAgents = rows.stream().mapToDouble(Requirement::requiredAgents).max().orElse(0);
        System.out.printf("%d forecast rows -> %d requirement rows (max %.0f agents): best %.1f ms, mean %.1f ms%n",
                forecast.size(), rows.size(), maxAgents, best / 1e6, total / 1e6 / runs);
        long t0 = System.nanoTime();
        RequirementsCalculator.compute(forecast(peak, new Random(7)), plan);
        System.out.printf("cold-ish run on fresh data: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        serviceCurves(rows, plan);
    }

    /** What the solver pays: build every queued row's curve, then query them the way a local search would. */
    private static void serviceCurves(List<Requirement> rows, ChannelPlan plan) {
        List<Requirement> queued = rows.stream().filter(r -> !r.channel().equals("email")).toList();
        ErlangServiceCurves factory = new ErlangServiceCurves(plan.shrinkage());
        long t0 = System.nanoTime();
        List<ServiceCurve> curves = queued.stream()
                .map(r -> (ServiceCurve) factory.curve(plan.channel(r.channel()).orElseThrow(), r, 15)).toList();
        long built = System.nanoTime() - t0;
        // Queries prepared up front so the timed loop is only the curve lookups; each query hits a random
        // interval at 50–150 % of its required staff, as a solver's moves would.
        Random random = new Random(1);
        int calls = 4_000_000;
        int[] which = new int[calls];
        double[] agents = new double[calls];
        for (int i = 0; i < calls; i++) {
            which[i] = random.nextInt(curves.size());
            agents[i] = queued.get(which[i]).requiredStaff() * (0.5 + random.nextDouble());
        }
        double sink = 0;
        long[] pass = new long[3];
        for (int p = 0; p < pass.length; p++) {
            t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += curves.get(which[i]).serviceLevel(agents[i]);
            }
            pass[p] = System.nanoTime() - t0;
        }
        System.out.printf("%d service curves built in %.1f ms; %d random calls: first pass %.0f ns/call (fills the "
                + "tables), then %.0f ns/call [%.3f]%n", curves.size(), built / 1e6, calls,
                (double) pass[0] / calls, (double) pass[2] / calls, sink / (3.0 * calls));
    }

    static List<ForecastPoint> forecast(double peak, Random random) {
        List<ForecastPoint> out = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 1, 5);
        String[] channels = {"voice", "chat", "email"};
        double[] scale = {1.0, 0.4, 0.25};
        for (int day = 0; day < 42; day++) {
            double weekday = 1.0 + 0.3 * Math.max(0, 1 - day % 7) - 0.4 * (day % 7 >= 5 ? 1 : 0);
            for (int q = 0; q < 96; q++) {
                LocalDateTime t = start.plusDays(day).atStartOfDay().plusMinutes(15L * q);
                double hour = q / 4.0;
                double shape = Math.exp(-Math.pow((hour - 11) / 3.5, 2)) + 0.6 * Math.exp(-Math.pow((hour - 15) / 2.5, 2))
                        + 0.02;
                for (int c = 0; c < channels.length; c++) {
                    double v = peak * scale[c] * weekday * shape * (0.9 + 0.2 * random.nextDouble());
                    out.add(new ForecastPoint(t, channels[c], v, v * 0.8, v * 1.2, 0));
                }
            }
        }
        return out;
    }
}
