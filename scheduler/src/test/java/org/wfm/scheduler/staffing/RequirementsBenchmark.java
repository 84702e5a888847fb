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
 * hours, with an intraday peak and Monday high. Not a unit test: run it by hand, e.g.
 * {@code java -cp scheduler/target/classes:scheduler/target/test-classes:forecast/target/classes
 * org.wfm.scheduler.staffing.RequirementsBenchmark [peakCallsPer15Min]}.
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
