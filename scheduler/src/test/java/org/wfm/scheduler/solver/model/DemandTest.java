package org.wfm.scheduler.solver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DemandTest {

    /**
     * An Erlang-C-like curve: all 12 contacts late up to 4 agents, 6 late at 5, none at R = 6. Every point lies
     * on or above the chord from (0, 12) to (6, 0), so the envelope is that chord (2 contacts per agent), and
     * the penalty is the mean of it and the true excess.
     */
    @Test
    void flatStartOfTheCurveStillCreditsEachAgent() {
        Demand d = Demand.immediate("chat", 0, 0, 15, 6.0, x -> x < 4.5 ? 12.0 : x < 5.5 ? 6.0 : 0.0, true, 1.5);
        // The true excess is flat at 12 for the first agents; the envelope falls by 2 per agent.
        assertThat(d.excessLate(0)).isCloseTo(12.0, within(1e-9));
        assertThat(d.excessLate(1 * 15 * 1000)).isCloseTo((12 + 10) / 2.0, within(1e-9));
        assertThat(d.excessLate(3 * 15 * 1000)).isCloseTo((12 + 6) / 2.0, within(1e-9));
        assertThat(d.excessLate(5 * 15 * 1000)).isCloseTo((6 + 2) / 2.0, within(1e-9));
        assertThat(d.excessLate(6 * 15 * 1000)).isZero();
        assertThat(d.excessLate(9 * 15 * 1000)).isZero();
    }

    /** A convex curve is kept as it is: 8, 3, 1, 0 late at 0..3 agents. */
    @Test
    void convexCurveUnchanged() {
        double[] late = {8, 3, 1, 0};
        Demand d = Demand.immediate("voice", 0, 0, 15, 3.0, x -> late[(int) Math.round(x)], true, 1.5);
        assertThat(d.excessLate(0)).isCloseTo(8.0, within(1e-9));
        assertThat(d.excessLate(15 * 1000)).isCloseTo(3.0, within(1e-9));
        assertThat(d.excessLate(2 * 15 * 1000)).isCloseTo(1.0, within(1e-9));
        assertThat(d.penalty(15 * 1000 / 2)).isEqualTo(5500);
    }

    @Test
    void envelopeOfPoints() {
        double[] hull = Demand.lowerConvexEnvelope(new double[] {0, 1, 2, 3}, new double[] {4, 4, 0, 0});
        assertThat(hull).containsExactly(4.0, 2.0, 0.0, 0.0);
    }
}
