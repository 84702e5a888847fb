package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class StaffingTest {

    @Provide
    Arbitrary<Double> patience() {
        return Arbitraries.oneOf(Arbitraries.just(Double.NaN), Arbitraries.doubles().between(5, 2000));
    }

    @Provide
    Arbitrary<Double> cap() {
        return Arbitraries.oneOf(Arbitraries.just(Double.NaN), Arbitraries.doubles().between(0.6, 1.0));
    }

    @Property(tries = 300)
    void requiredIsTheFewestAgentsMeetingTargetAndCap(
            @ForAll @DoubleRange(min = 0, max = 2000) double calls,
            @ForAll @DoubleRange(min = 30, max = 1200) double aht,
            @ForAll @DoubleRange(min = 0.5, max = 0.99) double target,
            @ForAll @DoubleRange(min = 0, max = 90) double answer,
            @ForAll("patience") double patience,
            @ForAll @IntRange(min = 1, max = 4) int concurrency,
            @ForAll("cap") double cap) {
        StaffingResult r = Staffing.required(calls, aht, 15, target, answer, patience, concurrency, cap);
        assertThat(r.serviceLevel()).isGreaterThanOrEqualTo(target);
        if (!Double.isNaN(cap)) {
            assertThat(r.occupancy()).isLessThanOrEqualTo(cap);
        }
        if (r.agents() > 0) {
            StaffingResult fewer = Staffing.evaluate(calls, aht, 15, answer, patience, concurrency, r.agents() - 1);
            boolean meets = fewer.serviceLevel() >= target && (Double.isNaN(cap) || fewer.occupancy() <= cap);
            boolean stable = !Double.isNaN(patience) || Double.isFinite(fewer.asaSeconds());
            assertThat(meets && stable && r.agents() - 1 > 0).isFalse();
        } else {
            assertThat(calls).isZero();
        }
    }

    @Test
    void longPatienceStaffsLikeErlangC() {
        for (double calls : new double[] {5, 50, 500, 5000}) {
            int c = Staffing.required(calls, 300, 15, 0.8, 20, Double.NaN, 1, Double.NaN).agents();
            int a = Staffing.required(calls, 300, 15, 0.8, 20, 1e9, 1, Double.NaN).agents();
            assertThat(a).isEqualTo(c);
        }
    }

    @Test
    void impatientCallersNeedFewerAgentsThanErlangCAssumes() {
        // Abandonment shortens the queue, so with 80/20 and 3-minute patience Erlang A needs fewer agents
        // (Garnett, Mandelbaum & Reiman 2002 make the same point: Erlang C overstaffs).
        int c = Staffing.required(200, 300, 15, 0.8, 20, Double.NaN, 1, Double.NaN).agents();
        int a = Staffing.required(200, 300, 15, 0.8, 20, 180, 1, Double.NaN).agents();
        assertThat(a).isLessThan(c);
    }

    @Test
    void chatWithConcurrencyOneIsVoice() {
        StaffingResult chat = Staffing.evaluate(40, 600, 30, 30, Double.NaN, 1, 16);
        assertThat(chat).isEqualTo(ErlangC.evaluate(16, 40 * 600 / 1800.0, 600, 30));
        StaffingResult three = Staffing.evaluate(40, 600, 30, 30, Double.NaN, 3, 6);
        assertThat(three.agents()).isEqualTo(6);
        assertThat(three.serviceLevel()).isCloseTo(ErlangC.serviceLevel(18, 40 * 600 / 1800.0, 600, 30),
                within(1e-15));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Staffing.required(-1, 300, 15, 0.8, 20, Double.NaN, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.required(10, 0, 15, 0.8, 20, Double.NaN, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.required(10, 300, 0, 0.8, 20, Double.NaN, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.required(10, 300, 15, 1.2, 20, Double.NaN, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.required(10, 300, 15, 0.8, 20, Double.NaN, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.required(10, 300, 15, 0.8, 20, Double.NaN, 1, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.required(10, 300, 15, 0.8, 20, -5, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.evaluate(10, 300, 15, 20, Double.NaN, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Staffing.evaluate(10, 300, 15, -1, Double.NaN, 1, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
