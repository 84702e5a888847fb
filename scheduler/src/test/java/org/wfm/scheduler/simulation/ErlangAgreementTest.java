package org.wfm.scheduler.simulation;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelPlan;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wfm.scheduler.simulation.Fixtures.T0;

/**
 * Under the Erlang assumptions (one skill, constant staffing, Poisson arrivals, exponential handle times and
 * patience) the simulation must agree with the exact formulas within its own 95 % confidence interval.
 * Agents stay an hour past the last demand interval so that the end of the horizon does not cut service short;
 * that idle hour dilutes occupancy by HOURS ÷ (HOURS + 1), which {@link #occupancy} applies to the exact figure.
 */
class ErlangAgreementTest {
    private static final int HOURS = 120;
    private static final int REPLICATIONS = 20;
    private final Simulator simulator = new Simulator(SimulationOptions.markovian());

    private ChannelSummary simulate(Channel channel, int agents, double skill, double volumePerInterval,
                                    double aht) {
        List<Agent> team = Fixtures.agents(agents, Map.of(channel.name(), skill));
        List<ScheduleRow> schedule = Fixtures.allWork(team, channel.name(), T0, T0.plusHours(HOURS + 1));
        List<ForecastPoint> demand = Fixtures.constant(channel.name(), T0, HOURS * 4, volumePerInterval, aht);
        ChannelPlan plan = Fixtures.plan(0.0, channel);
        SimulationResult result = simulator.run(schedule, team, plan, demand, REPLICATIONS, 42L, null);
        return result.byChannel().get(channel.name());
    }

    private static double occupancy(double steadyState) {
        return steadyState * HOURS / (HOURS + 1);
    }

    @Test
    void erlangC() {
        double aht = 300;
        double erlangs = 8.5;
        ChannelSummary sim = simulate(Fixtures.voice(aht, Double.NaN, 0), 10, 1.0, erlangs * 900 / aht, aht);
        ErlangReference.Figures exact = ErlangReference.erlangC(10, erlangs / aht, 1 / aht, 20);

        assertThat(sim.serviceLevel()).isCloseTo(exact.serviceLevel(), within(sim.serviceLevelCi95()));
        assertThat(sim.asaSeconds()).isCloseTo(exact.asa(), within(sim.asaCi95()));
        assertThat(sim.abandonment()).isZero();
        assertThat(sim.occupancy()).isCloseTo(occupancy(exact.occupancy()), within(0.005));
        assertThat(sim.serviceLevelCi95()).isLessThan(0.02);
    }

    @Test
    void erlangA() {
        double aht = 300;
        double patience = 180;
        double erlangs = 10.0; // fully loaded: only abandonment keeps the queue stable
        ChannelSummary sim = simulate(Fixtures.voice(aht, patience, 0), 10, 1.0, erlangs * 900 / aht, aht);
        ErlangReference.Figures exact = ErlangReference.erlangA(10, erlangs / aht, 1 / aht, 1 / patience, 20);

        assertThat(sim.serviceLevel()).isCloseTo(exact.serviceLevel(), within(sim.serviceLevelCi95()));
        assertThat(sim.abandonment()).isCloseTo(exact.abandonment(), within(sim.abandonmentCi95()));
        assertThat(sim.asaSeconds()).isCloseTo(exact.asa(), within(sim.asaCi95()));
        assertThat(sim.occupancy()).isCloseTo(occupancy(exact.occupancy()), within(0.005));
        assertThat(sim.abandonment()).isGreaterThan(0.02);
    }

    @Test
    void chatAgentWithConcurrencyThreeIsThreeServers() {
        // M/M/(N·C): one agent with three slots behaves as Erlang C with three servers of the chat's duration.
        double aht = 900;
        double erlangs = 2.2;
        ChannelSummary sim = simulate(Fixtures.chat(aht, 3, 0), 1, 1.0, erlangs * 900 / aht, aht);
        ErlangReference.Figures exact = ErlangReference.erlangC(3, erlangs / aht, 1 / aht, 60);

        assertThat(sim.serviceLevel()).isCloseTo(exact.serviceLevel(), within(sim.serviceLevelCi95()));
        assertThat(sim.asaSeconds()).isCloseTo(exact.asa(), within(sim.asaCi95()));
        assertThat(sim.occupancy()).isCloseTo(occupancy(erlangs / 3), within(0.02));
    }

    @Test
    void proficiencyDividesHandleTime() {
        // Proficiency 0.5 doubles the handle time: one agent at 0.3 Erlangs of nominal work is an M/M/1 at 0.6.
        double aht = 300;
        double nominal = 0.3;
        ChannelSummary half = simulate(Fixtures.voice(aht, Double.NaN, 0), 1, 0.5, nominal * 900 / aht, aht);
        ChannelSummary full = simulate(Fixtures.voice(aht, Double.NaN, 0), 1, 1.0, nominal * 900 / aht, aht);
        ErlangReference.Figures exact = ErlangReference.erlangC(1, nominal / aht, 0.5 / aht, 20);

        assertThat(half.serviceLevel()).isCloseTo(exact.serviceLevel(), within(half.serviceLevelCi95()));
        assertThat(half.occupancy()).isCloseTo(occupancy(0.6), within(0.02));
        assertThat(full.occupancy()).isCloseTo(occupancy(0.3), within(0.02));
        assertThat(full.serviceLevel()).isGreaterThan(half.serviceLevel() + 0.1);
    }

    @Test
    void lognormalHandleTimesFollowPollaczekKhinchine() {
        // M/G/1 (Kleinrock, Queueing Systems vol. 1, 1975, §5.6): E[W] = λ·E[S²] ÷ (2(1 − ρ)), and a lognormal of
        // mean S and CV c has E[S²] = (1 + c²)·S². Checks that the draws keep the AHT and have the stated CV.
        double aht = 300;
        double rho = 0.6;
        double cv = 0.5;
        Simulator lognormal = new Simulator(new SimulationOptions(SimulationOptions.HandleTimes.LOGNORMAL, cv,
                SimulationOptions.Patience.EXPONENTIAL));
        List<Agent> team = Fixtures.agents(1, Map.of("voice", 1.0));
        List<ScheduleRow> schedule = Fixtures.allWork(team, "voice", T0, T0.plusHours(HOURS + 1));
        List<ForecastPoint> demand = Fixtures.constant("voice", T0, HOURS * 4, rho * 900 / aht, aht);
        ChannelSummary sim = lognormal.run(schedule, team, Fixtures.plan(0, Fixtures.voice(aht, Double.NaN, 0)),
                demand, REPLICATIONS, 42L, null).byChannel().get("voice");
        double lambda = rho / aht;
        double expectedWait = lambda * (1 + cv * cv) * aht * aht / (2 * (1 - rho));
        // Every call is answered, so ASA is the mean wait of all calls.
        assertThat(sim.asaSeconds()).isCloseTo(expectedWait, within(sim.asaCi95()));
        assertThat(sim.occupancy()).isCloseTo(occupancy(rho), within(0.01));
    }
}
