package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The staffing maths fed extreme values (issue 15: a chat volume of 1e12 made the Erlang C search loop for ever on
 * an int overflow; 1e308 ended in "internal error"): every call ends within seconds, either with a staffing of at
 * most {@link StaffingLimitException#MAX_SERVERS} agents that meets the target, or with an
 * {@link IllegalArgumentException} that says what is wrong (a {@link StaffingLimitException} for a load no
 * contact centre could staff).
 */
class StaffingExtremesTest {

    @Provide
    Arbitrary<Double> extreme() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0, 1e-300, 1.0, 1e6, 2.147483647e9, 1e12, 1e15, 1e100, 1e308, Double.MAX_VALUE,
                        Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NaN, -1.0, -0.0),
                Arbitraries.doubles().between(0, 1e7),
                Arbitraries.doubles().between(-1e308, 1e308));
    }

    @Provide
    Arbitrary<Double> patience() {
        return Arbitraries.oneOf(Arbitraries.of(Double.NaN, Double.NaN), extreme());
    }

    @Property(tries = 300, seed = "15")
    void requiredAlwaysEndsWithAnAnswerOrAClearError(@ForAll("extreme") double calls, @ForAll("extreme") double aht,
                                                     @ForAll @IntRange(min = 1, max = 60) int intervalMinutes,
                                                     @ForAll("patience") double patience,
                                                     @ForAll @IntRange(min = 1, max = 50) int concurrency) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                StaffingResult r = Staffing.required(calls, aht, intervalMinutes, 0.8, 20, patience, concurrency, 0.9);
                assertThat((long) r.agents() * concurrency).isLessThanOrEqualTo(StaffingLimitException.MAX_SERVERS);
                assertThat(r.serviceLevel()).isBetween(0.0, 1.0);
                assertThat(r.occupancy()).isBetween(0.0, 1.0);
                if (calls > 0) {
                    assertThat(r.serviceLevel()).isGreaterThanOrEqualTo(0.8);
                }
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
            }
        });
    }

    @Property(tries = 100, seed = "15")
    void evaluateNeverOverflowsTheServerCount(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int agents,
                                             @ForAll @IntRange(min = 1, max = 1000) int concurrency) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                StaffingResult r = Staffing.evaluate(100, 300, 15, 20, Double.NaN, concurrency, agents);
                assertThat((long) agents * concurrency).isLessThanOrEqualTo(StaffingLimitException.MAX_SERVERS);
                assertThat(r.serviceLevel()).isBetween(0.0, 1.0);
            } catch (StaffingLimitException e) {
                assertThat((long) agents * concurrency).isGreaterThan(StaffingLimitException.MAX_SERVERS);
            }
        });
    }

    /** The load the attack produced: 1e12 chats of 900 s in 15 minutes, for Erlang C and Erlang A. */
    @Property(tries = 1)
    void theAttackOfTheIssueEndsAtOnce() {
        double load = Staffing.load(1e12, 900, 15);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            org.junit.jupiter.api.Assertions.assertThrows(StaffingLimitException.class,
                    () -> ErlangC.required(load, 900, 0.8, 60, Double.NaN));
            org.junit.jupiter.api.Assertions.assertThrows(StaffingLimitException.class,
                    () -> ErlangA.required(load, 900, 180, 0.8, 60, Double.NaN));
        });
    }

    /** Just below the cap the search still answers: the cap refuses only what cannot be staffed. */
    @Property(tries = 1)
    void aLargeButPossibleLoadIsStaffed() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int n = ErlangC.required(500_000, 300, 0.8, 20, Double.NaN);
            assertThat(n).isGreaterThan(500_000).isLessThanOrEqualTo(StaffingLimitException.MAX_SERVERS);
            int a = ErlangA.required(500_000, 300, 180, 0.8, 20, Double.NaN);
            assertThat(a).isGreaterThan(400_000).isLessThanOrEqualTo(StaffingLimitException.MAX_SERVERS);
        });
    }
}
