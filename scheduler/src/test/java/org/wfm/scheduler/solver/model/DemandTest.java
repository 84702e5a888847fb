package org.wfm.scheduler.solver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DemandTest {

    /**
     * An Erlang-C-like curve: all 12 contacts late up to 4 agents, 6 late at 5, none at R = 6. Every point lies
     * on or above the chord from (0, 12) to (6, 0), so the envelope is that chord (2 contacts per agent), and
     * the penalty is the mean of it and the true excess.
     */
    @Test
    void flatStartOfTheCurveStillCreditsEachAgent() {
        Demand d = Demand.immediate("chat", 0, 0, 15, 6.0, x -> x < 4.5 ? 12.0 : x < 5.5 ? 6.0 : 0.0, true, 1.5, 0.0);
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
        Demand d = Demand.immediate("voice", 0, 0, 15, 3.0, x -> late[(int) Math.round(x)], true, 1.5, 0.0);
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

    /**
     * R = 6 agents, 12 late contacts beyond the requirement with nobody (E0 = 12), spread 1: with u the missing
     * fraction, the term is 12·u². Three agents (u = ½) cost 3 contacts; the agent that empties the interval
     * costs 12 − 12·(5/6)² = 3.67 while the one that last leaves it short costs only 12·(1/6)² = 0.33.
     */
    @Test
    void starvationIsTheShortfallSquared() {
        Demand d = Demand.immediate("chat", 0, 0, 15, 6.0, x -> x < 4.5 ? 12.0 : x < 5.5 ? 6.0 : 0.0, true, 1.5, 1.0);
        long agent = 15 * 1000;
        assertThat(d.starvation(0)).isCloseTo(12.0, within(1e-9));
        assertThat(d.starvation(3 * agent)).isCloseTo(3.0, within(1e-9));
        assertThat(d.starvation(0) - d.starvation(agent)).isCloseTo(12 - 12 * 25 / 36.0, within(1e-9));
        assertThat(d.starvation(5 * agent) - d.starvation(6 * agent)).isCloseTo(12 / 36.0, within(1e-9));
        assertThat(d.starvation(6 * agent)).isZero();
        assertThat(d.starvation(9 * agent)).isZero();
        // Score units: milli-contacts in cover mode, late contacts and the term added for the heuristics.
        assertThat(d.starvationPenalty(3 * agent)).isEqualTo(3000);
        assertThat(d.penalty(3 * agent)).isEqualTo(d.latePenalty(3 * agent) + 3000);
    }

    /** Balance mode prices the term like a late contact: 3 contacts × 1.50 = 450 cents. */
    @Test
    void starvationIsPricedInBalanceMode() {
        Demand d = Demand.immediate("chat", 0, 0, 15, 6.0, x -> x < 4.5 ? 12.0 : x < 5.5 ? 6.0 : 0.0, false, 1.5, 1.0);
        assertThat(d.starvationPenalty(3 * 15 * 1000)).isEqualTo(450);
    }

    /** A 24-hour email window of 600 staff-minutes, 0.1 contacts per staff-minute: E0 = 60; half done → 15. */
    @Test
    void deferredWindowStarvesByTheWorkLeft() {
        Demand d = Demand.deferred("email", 2, 0, 96, 15, 600, 0.1, true, 1.5, 2.0);
        assertThat(d.starvation(0)).isCloseTo(2 * 60.0, within(1e-9));
        assertThat(d.starvation(300 * 1000)).isCloseTo(2 * 15.0, within(1e-9));
        assertThat(d.starvation(600 * 1000)).isZero();
    }

    @Test
    void spreadZeroSwitchesTheTermOff() {
        Demand d = Demand.immediate("chat", 0, 0, 15, 6.0, x -> 12 - 2 * x, true, 1.5, 0.0);
        assertThat(d.starvationPenalty(0)).isZero();
        assertThat(d.penalty(0)).isEqualTo(d.latePenalty(0)).isEqualTo(12_000);
    }

    /**
     * Any late-contact curve (the values at whole agents drawn at random, not even monotone), any requirement and
     * weight: the starved-interval term is 0 at and above the requirement, never rises with staff and is convex
     * (second differences ≥ 0 on a grid of tenth-agents); the whole penalty never rises with staff.
     */
    @Property(tries = 300)
    void starvationIsConvexAndMoreStaffIsNeverWorse(@ForAll @DoubleRange(min = 0.3, max = 25) double required,
                                                   @ForAll @DoubleRange(min = 0, max = 10) double spread,
                                                   @ForAll @Size(27) List<@DoubleRange(min = 0, max = 50) Double> late,
                                                   @ForAll boolean cover) {
        Demand d = Demand.immediate("voice", 0, 0, 15, required,
                x -> late.get((int) Math.floor(x)) * (1 - x % 1) + late.get((int) Math.floor(x) + 1) * (x % 1),
                cover, 1.5, spread);
        long step = 15 * 100;
        long need = d.needMilliMinutes();
        double prevTerm = Double.POSITIVE_INFINITY;
        long prevPenalty = Long.MAX_VALUE;
        for (long m = 0; m <= need + 20 * step; m += step) {
            double term = d.starvation(m);
            assertThat(term).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(prevTerm + 1e-9);
            if (m >= need) {
                assertThat(term).isZero();
            }
            if (m > need) {
                assertThat(d.penalty(m)).isZero();
            }
            if (m >= step) {
                double curvature = d.starvation(m - step) + d.starvation(m + step) - 2 * term;
                assertThat(curvature).isGreaterThanOrEqualTo(-1e-9);
            }
            assertThat(d.penalty(m)).isLessThanOrEqualTo(prevPenalty);
            prevTerm = term;
            prevPenalty = d.penalty(m);
        }
    }

    /**
     * A requirement of 900.5 agents (a 10,000-agent centre's peak) values its curve at about 128 points, not at every
     * agent (each value costs about as much as its staff: the square of the requirement in all), and the penalty
     * stays within 0.1% of the one sampled at every agent for a smooth curve (late contacts falling as e^(−x/150)).
     */
    @Test
    void aLargeRequirementIsSampledSparselyAndStaysClose() {
        int[] calls = {0};
        java.util.function.DoubleUnaryOperator curve = x -> 4000 * Math.exp(-x / 150.0);
        Demand sparse = Demand.immediate("voice", 0, 0, 15, 900.5, x -> {
            calls[0]++;
            return curve.applyAsDouble(x);
        }, true, 1.5, 1.0);
        assertThat(calls[0]).isLessThanOrEqualTo(Demand.SAMPLED_AGENTS + 3);
        // the reference: every whole agent valued (a stride of one below the sampling limit, by scaling the curve)
        for (int agents : new int[] {0, 1, 7, 100, 450, 899, 900}) {
            long m = agents * 15_000L;
            double exact = exactPenalty(curve, 900.5, m);
            assertThat((double) sparse.penalty(m)).as("at %d agents", agents)
                    .isCloseTo(exact, within(Math.max(2.0, 1e-3 * exact)));
        }
    }

    /** The penalty as {@link Demand#immediate} defines it with the curve valued at every whole agent. */
    private static double exactPenalty(java.util.function.DoubleUnaryOperator late, double required, long milli) {
        int whole = (int) Math.floor(required);
        int n = whole + 2;
        double[] xs = new double[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = k <= whole ? k : required;
            raw[k] = late.applyAsDouble(xs[k]);
        }
        double[] hull = Demand.lowerConvexEnvelope(xs, raw);
        double x = milli / 15_000.0;
        int k = Math.min((int) Math.floor(x), n - 2);
        double f = (x - xs[k]) / (xs[k + 1] - xs[k]);
        double h = hull[k] + f * (hull[k + 1] - hull[k]) - hull[n - 1];
        double r = raw[k] + f * (raw[k + 1] - raw[k]) - raw[n - 1];
        double excess = Demand.ENVELOPE_WEIGHT * h + (1 - Demand.ENVELOPE_WEIGHT) * r;
        double u = Math.max(0, 1 - x / required);
        return Math.round(excess * 1000) + Math.round(1.0 * (excess(late, required, xs, raw, hull)) * u * u * 1000);
    }

    private static double excess(java.util.function.DoubleUnaryOperator late, double required, double[] xs,
                                 double[] raw, double[] hull) {
        int n = xs.length;
        return Demand.ENVELOPE_WEIGHT * (hull[0] - hull[n - 1]) + (1 - Demand.ENVELOPE_WEIGHT) * (raw[0] - raw[n - 1]);
    }
}
