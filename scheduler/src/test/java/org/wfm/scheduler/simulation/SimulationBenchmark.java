package org.wfm.scheduler.simulation;

import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.staffing.ChannelPlan;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Speed check, not a unit test: 14 days, 3 channels, 80 agents on 8-hour shifts (breaks, lunch, a training block,
 * a mid-shift channel switch), an intraday demand curve peaking mid-morning. Prints the time of one replication,
 * cold (first call, JIT not warmed) and warm (best of several).
 *
 * <p>Run: {@code mvn -q -o -pl scheduler -am test-compile} then
 * {@code java -cp scheduler/target/test-classes:scheduler/target/classes:forecast/target/classes:$(cat cp.txt)
 * org.wfm.scheduler.simulation.SimulationBenchmark} with cp.txt from {@code dependency:build-classpath}.
 */
public final class SimulationBenchmark {
    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        int days = 14;
        int agentCount = 80;
        ChannelPlan plan = Fixtures.plan(0.3, Fixtures.voice(300, 180, 0.3), Fixtures.chat(900, 3, 0.3),
                Fixtures.email(420, 24, 0.3));
        List<String> channels = List.of("voice", "chat", "email");
        List<Agent> team = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            team.add(Fixtures.agent("a" + i, Map.of("voice", 1.0, "chat", 0.7 + 0.3 * (i % 2), "email", 0.8)));
        }
        SplittableRandom random = new SplittableRandom(1);
        List<ScheduleRow> schedule = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDateTime day = Fixtures.T0.plusDays(d);
            for (int i = 0; i < agentCount; i++) {
                if ((i + d) % 7 >= 5) {
                    continue; // two days off a week
                }
                LocalDateTime s = day.plusHours(7).plusMinutes(30L * random.nextInt(13));
                String first = channels.get(i % 3);
                String second = channels.get((i + d) % 3);
                String id = "a" + i;
                schedule.add(Fixtures.row(id, s, s.plusHours(2), Activity.WORK, first));
                schedule.add(Fixtures.row(id, s.plusHours(2), s.plusMinutes(135), Activity.BREAK, null));
                schedule.add(Fixtures.row(id, s.plusMinutes(135), s.plusHours(4), Activity.WORK, first));
                schedule.add(Fixtures.row(id, s.plusHours(4), s.plusMinutes(270), Activity.LUNCH, null));
                schedule.add(Fixtures.row(id, s.plusMinutes(270), s.plusHours(6), Activity.WORK, second));
                if (i % 10 == 0) {
                    schedule.add(Fixtures.row(id, s.plusHours(6), s.plusHours(7), Activity.TRAINING, "email"));
                } else {
                    schedule.add(Fixtures.row(id, s.plusHours(6), s.plusHours(7), Activity.WORK, second));
                }
                schedule.add(Fixtures.row(id, s.plusHours(7), s.plusHours(8), Activity.WORK, second));
            }
        }
        List<ForecastPoint> demand = new ArrayList<>();
        double[] peak = {40, 25, 10};
        double[] aht = {300, 900, 420};
        for (int d = 0; d < days; d++) {
            for (int k = 7 * 4; k < 22 * 4; k++) {
                LocalDateTime t = Fixtures.T0.plusDays(d).plusMinutes(15L * k);
                double hour = k / 4.0;
                double shape = Math.exp(-Math.pow((hour - 10.5) / 3.5, 2)) * 0.8 + 0.2;
                for (int c = 0; c < 3; c++) {
                    double v = peak[c] * shape * (d % 7 == 0 ? 1.2 : 1.0);
                    demand.add(new ForecastPoint(t, channels.get(c), v, v, v, aht[c]));
                }
            }
        }
        Simulator simulator = new Simulator();
        long start = System.nanoTime();
        SimulationResult result = simulator.run(schedule, team, plan, demand, 1, 1, null);
        double cold = (System.nanoTime() - start) / 1e9;
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 10; r++) {
            long s = System.nanoTime();
            simulator.run(schedule, team, plan, demand, 1, r, null);
            best = Math.min(best, (System.nanoTime() - s) / 1e9);
        }
        long s = System.nanoTime();
        SimulationResult twenty = simulator.run(schedule, team, plan, demand, 20, 1, null);
        double twentyTime = (System.nanoTime() - s) / 1e9;
        double offered = result.rows().stream().mapToDouble(SimulationRow::offered).sum();
        System.out.printf("schedule rows %d, demand points %d, contacts %.0f, result rows %d%n", schedule.size(),
                demand.size(), offered, result.rows().size());
        System.out.printf("one replication: cold %.3f s, warm best %.3f s; 20 replications %.3f s%n", cold, best,
                twentyTime);
        System.out.println("by channel (20 replications): " + twenty.byChannel());
    }
}
