package org.wfm.scheduler.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reference formulas against known values, so the simulation is compared with something right. */
class ErlangReferenceTest {

    @Test
    void erlangCMatchesAnExactCase() {
        // 3 agents, 2 Erlangs: B = (8/6) ÷ (1 + 2 + 2 + 8/6) = 4/19, C = 3B ÷ (3 − 2(1 − B)) = 4/9 exactly.
        ErlangReference.Figures f = ErlangReference.erlangC(3, 2 / 300.0, 1 / 300.0, 20);
        assertThat(f.asa()).isCloseTo(4.0 / 9 * 300, within(1e-9));
        assertThat(f.serviceLevel()).isCloseTo(1 - 4.0 / 9 * Math.exp(-20 / 300.0), within(1e-12));
        assertThat(f.occupancy()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void erlangAWithVanishingPatienceRateIsErlangC() {
        ErlangReference.Figures c = ErlangReference.erlangC(10, 8.5 / 300, 1 / 300.0, 20);
        ErlangReference.Figures a = ErlangReference.erlangA(10, 8.5 / 300, 1 / 300.0, 1e-9, 20);
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-4));
        assertThat(a.asa()).isCloseTo(c.asa(), within(0.05));
        assertThat(a.abandonment()).isCloseTo(0, within(1e-5));
    }

    @Test
    void erlangAAbandonmentBalancesRates() {
        // Flow balance: λ·P(abandon) = θ·E[queue]; and carried load = λ(1 − P(abandon)) ÷ μ busy servers.
        int n = 10;
        double lambda = 10 / 300.0;
        double mu = 1 / 300.0;
        double theta = 1 / 180.0;
        ErlangReference.Figures a = ErlangReference.erlangA(n, lambda, mu, theta, 20);
        assertThat(a.occupancy() * n * mu).isCloseTo(lambda * (1 - a.abandonment()), within(1e-9));
        assertThat(a.abandonment()).isBetween(0.02, 0.2);
        assertThat(a.serviceLevel()).isBetween(0.3, 0.9);
    }
}
