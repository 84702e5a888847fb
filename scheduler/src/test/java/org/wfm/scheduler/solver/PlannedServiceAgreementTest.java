package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.simulation.SimulationResult;
import org.wfm.scheduler.simulation.Simulator;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.ErlangServiceCurves;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.ServiceCurveFactory;

/**
 * The planned service level the evaluator reports agrees with a 20-replication simulation of the same schedule
 * on a small centre that is short at its peaks (Erlang A voice, chat without patience, 30% absence, breaks):
 * voice 75.0% planned / 76.7% simulated, chat 59.5% / 58.7%, where the steady-state figure per interval says
 * chat 67.0%.
 */
class PlannedServiceAgreementTest {
    private static final int DAYS = 3;
    private static final Channel VOICE = new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, 180, Double.NaN, 300,
            1, Double.NaN, 0.3);
    private static final Channel CHAT = new Channel("chat", ChannelKind.CONCURRENT, 0.8, 60, Double.NaN, Double.NaN,
            900, 3, Double.NaN, 0.3);
    private static final ChannelPlan PLAN = new ChannelPlan(java.time.ZoneId.of("UTC"), 15, 0.3, List.of(VOICE, CHAT));

    @Test
    void plannedIsWithinThreePointsOfTheSimulationWhenShort() {
        List<Requirement> reqs = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            for (int q = 0; q < 48; q++) {
                LocalDateTime t = TestData.MONDAY.plusDays(d).atTime(8, 0).plusMinutes(15L * q);
                double bell = Math.sin(Math.PI * (q + 0.5) / 48);
                double spike = q >= 8 && q < 12 ? 1 : 0;
                // Voice peaks at 10 Erlangs; chat at 10 slots plus 14 in a 10:00-11:00 surge it cannot keep up with.
                reqs.add(new Requirement(t, "voice", 3 * (2 + 8 * bell), 300, 0, 0));
                reqs.add(new Requirement(t, "chat", 2 + 8 * bell + 14 * spike, 900, 0, 0));
            }
        }
        List<Agent> agents = new ArrayList<>();
        List<ScheduleRow> rows = new ArrayList<>();
        for (int k = 0; k < 32; k++) {
            String channel = k < 22 ? "voice" : "chat";
            Agent a = TestData.agent("a" + k, Employment.FULL_TIME, Map.of(channel, k % 3 == 0 ? 0.8 : 1.0), 0, 40);
            agents.add(a);
            for (int d = 0; d < DAYS; d++) {
                LocalDateTime start = TestData.MONDAY.plusDays(d).atTime(8, 0).plusMinutes(60L * (k % 5));
                shift(rows, a.id(), start, channel);
            }
        }
        ScheduleInput in = new ScheduleInput(PLAN, reqs, agents, List.of(), TestData.rules(DAYS, TestData.breaks()),
                List.of(), new ErlangServiceCurves());
        Summary planned = ScheduleEvaluator.evaluate(in, rows).summary();
        SimulationResult simulated = new Simulator().run(rows, agents, PLAN, Simulator.demandOf(reqs), 20, 1, null);
        for (String channel : List.of("voice", "chat")) {
            assertThat(planned.serviceLevel().get(channel).planned()).as(channel)
                    .isCloseTo(simulated.serviceLevelByChannel().get(channel), within(0.03));
        }
        // The steady-state figure per interval (no queue carried, absence as a fraction) misses chat by far more.
        ServiceCurveFactory perInterval = new ErlangServiceCurves()::curve;
        Summary steady = ScheduleEvaluator.evaluate(new ScheduleInput(PLAN, reqs, agents, List.of(), in.rules(),
                List.of(), perInterval), rows).summary();
        assertThat(Math.abs(steady.serviceLevel().get("chat").planned()
                - simulated.serviceLevelByChannel().get("chat"))).isGreaterThan(0.05);
    }

    /**
     * Deferred work, checked against the simulation of the same email channel (service level = contacts finished
     * within response_hours; 3 agents 08:00-16:00 on 5 days, email 08:00-12:00, 20 replications), without absence
     * and with 30% of whole shifts missing. The planned share averages the fluid queue over absence and random work,
     * with the email in hand finished at each block's end; the simulation has random arrivals, handle times and
     * absences. Measured, planned / simulated (window 2 h): no absence, 6 emails per quarter-hour 1.000 / 1.000,
     * 9: 0.923 / 0.930, 11: 0.668 / 0.672, 14: 0.291 / 0.274; 30% absence, 4 emails: 0.873 / 0.898, 6: 0.742 /
     * 0.744, 9: 0.432 / 0.394. Before (the fluid queue at the mean staff, no finishing work): 9 emails without
     * absence 1.000 against 0.930; with absence the plan was optimistic wherever the mean staff sufficed.
     */
    @Test
    void deferredWithinWindowAgreesWithTheSimulation() {
        for (double shrinkage : new double[] {0.0, 0.3}) {
            Channel email = new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 420, 1, 2.0, Double.NaN);
            ChannelPlan plan = new ChannelPlan(java.time.ZoneId.of("UTC"), 15, shrinkage, List.of(email));
            double[] loads = shrinkage == 0 ? new double[] {14, 11, 9, 6} : new double[] {9, 6, 4};
            for (double perInterval : loads) {
                List<Requirement> reqs = new ArrayList<>();
                for (int d = 0; d < DAYS; d++) {
                    for (int q = 0; q < 16; q++) {
                        LocalDateTime t = TestData.MONDAY.plusDays(d).atTime(8, 0).plusMinutes(15L * q);
                        double staff = perInterval * 420 / 900.0;
                        reqs.add(new Requirement(t, "email", perInterval, 420, staff, staff / (1 - shrinkage)));
                    }
                }
                List<Agent> agents = new ArrayList<>();
                List<ScheduleRow> rows = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    Agent a = TestData.agent("e" + k, Employment.FULL_TIME, Map.of("email", 1.0), 0, 40);
                    agents.add(a);
                    for (int d = 0; d < DAYS; d++) {
                        LocalDateTime start = TestData.MONDAY.plusDays(d).atTime(8, 0);
                        rows.add(new ScheduleRow(a.id(), start.toLocalDate(), start, start.plusHours(8),
                                Activity.WORK, "email", "london"));
                    }
                }
                ScheduleInput in = new ScheduleInput(plan, reqs, agents, List.of(), TestData.rules(DAYS, null),
                        List.of(), new ErlangServiceCurves());
                Summary.Deferred planned = ScheduleEvaluator.evaluate(in, rows).summary().deferred().get("email");
                double simulated = new Simulator().run(rows, agents, plan, Simulator.demandOf(reqs), 20, 1, null)
                        .serviceLevelByChannel().get("email");
                assertThat(planned.withinWindow()).as("shrinkage %s, %s emails per interval", shrinkage, perInterval)
                        .isCloseTo(simulated, within(0.05));
            }
        }
    }

    /** 8 hours: 2 h work, 15 min break, 1 h 45 work, 30 min lunch, 1 h 30 work, 15 min break, 2 h work. */
    private static void shift(List<ScheduleRow> rows, String agent, LocalDateTime start, String channel) {
        int[] minutes = {120, 15, 105, 30, 90, 15, 120};
        Activity[] what = {Activity.WORK, Activity.BREAK, Activity.WORK, Activity.LUNCH, Activity.WORK,
                Activity.BREAK, Activity.WORK};
        LocalDateTime t = start;
        for (int i = 0; i < minutes.length; i++) {
            LocalDateTime end = t.plusMinutes(minutes[i]);
            rows.add(new ScheduleRow(agent, start.toLocalDate(), t, end, what[i],
                    what[i] == Activity.WORK ? channel : null, "london"));
            t = end;
        }
    }
}
