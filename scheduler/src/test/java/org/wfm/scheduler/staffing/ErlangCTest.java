package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ErlangCTest {

    private static final MathContext MC = new MathContext(60);

    /** Erlang C straight from its definition with exact factorials in 60-digit decimals: independent of B. */
    static double exactC(int n, double load) {
        BigDecimal a = new BigDecimal(load);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            sum = sum.add(term);
            term = term.multiply(a, MC).divide(BigDecimal.valueOf(k + 1), MC);
        }
        BigDecimal last = term.multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(n).subtract(a), MC);
        return last.divide(sum.add(last), MC).doubleValue();
    }

    @Test
    void classicHundredCallsInHalfAnHour() {
        // 100 calls in 30 min at 180 s AHT = 10 Erlangs, 80/20 target: the worked example of most Erlang C
        // primers (e.g. Call Centre Helper "Erlang C formula – made simple"): 11 agents wait 68.21 %, 14 agents
        // are the fewest reaching 80 % in 20 s.
        assertThat(ErlangC.probabilityOfWaiting(11, 10.0)).isCloseTo(0.6821, within(5e-5));
        StaffingResult r = Staffing.required(100, 180, 30, 0.8, 20, Double.NaN, 1, Double.NaN);
        assertThat(r.agents()).isEqualTo(14);
        assertThat(r.serviceLevel()).isCloseTo(1 - exactC(14, 10) * Math.exp(-4.0 * 20 / 180), within(1e-12));
        assertThat(r.asaSeconds()).isCloseTo(exactC(14, 10) * 180 / 4.0, within(1e-10));
        assertThat(r.occupancy()).isCloseTo(10.0 / 14, within(1e-15));
        assertThat(r.abandonment()).isZero();
        assertThat(Staffing.evaluate(100, 180, 30, 20, Double.NaN, 1, 13).serviceLevel()).isLessThan(0.8);
    }

    @Property(tries = 200)
    void matchesExactFactorialFormula(@ForAll @DoubleRange(min = 0.1, max = 150) double load,
                                      @ForAll @IntRange(min = 1, max = 40) int extra) {
        int n = (int) Math.floor(load) + extra;
        assertThat(ErlangC.probabilityOfWaiting(n, load)).isCloseTo(exactC(n, load), within(1e-12));
    }

    @Test
    void twoThousandErlangsIsStableAndExact() {
        double load = 2000.0;
        for (int n : new int[] {2001, 2020, 2050, 2100, 2200}) {
            double c = ErlangC.probabilityOfWaiting(n, load);
            assertThat(c).isCloseTo(exactC(n, load), within(1e-12));
        }
        // Square-root staffing: load + β√load with β ≈ 1 gives a 20–30 % chance of waiting at any scale
        // (Halfin & Whitt 1981), a check that large loads behave like small ones.
        assertThat(ErlangC.probabilityOfWaiting(2000 + 45, load)).isBetween(0.15, 0.3);
        int n = ErlangC.required(load, 300, 0.8, 20, Double.NaN);
        assertThat(ErlangC.serviceLevel(n, load, 300, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.serviceLevel(n - 1, load, 300, 20)).isLessThan(0.8);
    }

    @Test
    void limits() {
        assertThat(ErlangC.required(0.0, 300, 0.8, 20, Double.NaN)).isZero();
        StaffingResult idle = Staffing.evaluate(0, 300, 15, 20, Double.NaN, 1, 0);
        assertThat(idle.serviceLevel()).isEqualTo(1.0);
        assertThat(idle.occupancy()).isZero();
        // Load just under the agents: almost everyone waits, nearly nobody within 20 s, occupancy → 1.
        StaffingResult full = ErlangC.evaluate(10, 10 - 1e-9, 300, 20);
        assertThat(full.serviceLevel()).isLessThan(1e-6);
        assertThat(full.asaSeconds()).isGreaterThan(1e9);
        assertThat(full.occupancy()).isCloseTo(1.0, within(1e-9));
        assertThat(ErlangC.evaluate(10, 10, 300, 20).asaSeconds()).isInfinite();
        // Tiny load: required is one agent and it rarely waits.
        assertThat(ErlangC.required(0.1, 300, 0.8, 20, Double.NaN)).isEqualTo(1);
        assertThat(ErlangC.probabilityOfWaiting(1, 0.1)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void occupancyCapAddsAgents() {
        // 10 Erlangs with at most 85 % occupancy needs ⌈10/0.85⌉ = 12 agents, the SL target alone 11 at 50 %.
        assertThat(ErlangC.required(10, 180, 0.5, 20, Double.NaN)).isEqualTo(12);
        assertThat(ErlangC.required(10, 180, 0.1, 20, 0.85)).isEqualTo(12);
        assertThat(ErlangC.required(10, 180, 0.1, 20, Double.NaN)).isEqualTo(11);
    }

    @Property(tries = 300)
    void moreAgentsNeverHurt(@ForAll @DoubleRange(min = 0.1, max = 500) double load,
                             @ForAll @IntRange(min = 0, max = 60) int extra,
                             @ForAll @DoubleRange(min = 0, max = 120) double answer) {
        int n = (int) Math.ceil(load) + extra;
        StaffingResult a = ErlangC.evaluate(n, load, 240, answer);
        StaffingResult b = ErlangC.evaluate(n + 1, load, 240, answer);
        assertThat(b.serviceLevel()).isGreaterThanOrEqualTo(a.serviceLevel() - 1e-12);
        assertThat(b.asaSeconds()).isLessThanOrEqualTo(a.asaSeconds() + 1e-12);
        assertThat(b.occupancy()).isLessThanOrEqualTo(a.occupancy());
    }

    @Property(tries = 300)
    void moreCallsNeverNeedFewerAgents(@ForAll @DoubleRange(min = 0, max = 3000) double calls,
                                       @ForAll @DoubleRange(min = 0, max = 200) double more,
                                       @ForAll @DoubleRange(min = 0.5, max = 0.95) double target) {
        int a = Staffing.required(calls, 300, 15, target, 20, Double.NaN, 1, Double.NaN).agents();
        int b = Staffing.required(calls + more, 300, 15, target, 20, Double.NaN, 1, Double.NaN).agents();
        assertThat(b).isGreaterThanOrEqualTo(a);
    }
}
