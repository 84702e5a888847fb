package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class ErlangServiceCurvesTest {

    static final LocalDateTime T = LocalDateTime.of(2026, 1, 5, 9, 0);
    static final Channel VOICE = new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, 180, 0.85, 300, 1,
            Double.NaN, 0.2);
    static final Channel CHAT = new Channel("chat", ChannelKind.CONCURRENT, 0.8, 60, Double.NaN, Double.NaN, 900,
            3, Double.NaN, 0.0);

    @Test
    void appliesShrinkageAndInterpolatesBetweenWholeAgents() {
        ErlangServiceCurves curves = new ErlangServiceCurves();
        Requirement r = new Requirement(T, "voice", 60, 300, 0, 0);
        ServiceCurve curve = curves.curve(VOICE, r, 15);
        // 10 scheduled × (1 − 0.2) = 8 on the phones; 60 calls × 300 s ÷ 900 s = 20 Erlangs.
        assertThat(curve.serviceLevel(10)).isCloseTo(ErlangA.evaluate(8, 20, 300, 180, 20).serviceLevel(),
                within(1e-15));
        double mid = (ErlangA.evaluate(20, 20, 300, 180, 20).serviceLevel()
                + ErlangA.evaluate(21, 20, 300, 180, 20).serviceLevel()) / 2;
        assertThat(curve.serviceLevel(20.5 / 0.8)).isCloseTo(mid, within(1e-12));
        assertThat(curve.lateContacts(25)).isCloseTo((1 - curve.serviceLevel(25)) * 60, within(1e-12));
        assertThat(curve.serviceLevel(0)).isZero();
        assertThat(curve.serviceLevel(1e6)).isCloseTo(1.0, within(1e-12));
        assertThat(curves.curve(VOICE, r, 15)).isSameAs(curve);
    }

    @Test
    void chatCountsSlots() {
        ErlangServiceCurves.ErlangServiceCurve curve = new ErlangServiceCurves()
                .curve(CHAT, new Requirement(T, "chat", 60, 900, 0, 0), 30);
        assertThat(curve.serviceLevel(12)).isCloseTo(ErlangC.serviceLevel(36, 30, 900, 60), within(1e-15));
        assertThat(curve.occupancy(12)).isCloseTo(30 / 36.0, within(1e-15));
        assertThat(curve.serviceLevel(10)).isZero(); // 30 slots for 30 Erlangs: unstable
    }

    @Test
    void emptyIntervalIsAlwaysServedAndDeferredHasNoCurve() {
        ServiceCurve curve = new ErlangServiceCurves().curve(VOICE, new Requirement(T, "voice", 0, 300, 0, 0), 15);
        assertThat(curve.serviceLevel(0)).isEqualTo(1.0);
        assertThat(curve.lateContacts(0)).isZero();
        Channel email = new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                300, 1, 24, 0.3);
        assertThatThrownBy(() -> new ErlangServiceCurves().curve(email, new Requirement(T, "email", 5, 300, 1, 1), 15))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The curve tabulates Erlang B once per load: every value it gives is bit for bit the one-off computation at
     * that server count, with and without patience, up to thousands of servers.
     */
    @Property(tries = 60)
    void tabulatedValuesEqualTheOneOffComputation(@ForAll @DoubleRange(min = 0.0, max = 40000.0) double volume,
                                                  @ForAll @DoubleRange(min = 0.0, max = 1.0) double where) {
        for (Channel c : new Channel[] {VOICE, CHAT}) {
            ErlangServiceCurves.ErlangServiceCurve curve = new ErlangServiceCurves()
                    .curve(c, new Requirement(T, c.name(), volume, 300, 0, 0), 15);
            double load = Staffing.load(volume, 300, 15);
            double perAgent = curve.servers(1.0);
            int servers = (int) Math.floor(where * (load + 10 * Math.sqrt(load) + 20));
            double scheduled = servers / perAgent;
            // the curve's own whole-server point: the same servers as the direct computation
            int at = (int) curve.servers(scheduled);
            StaffingResult direct = Staffing.evaluateServers(load, 300, c.answerSeconds(), c.patienceSeconds(), at);
            double sl = curve.serviceLevel(at / perAgent);
            // at/perAgent·perAgent may round to just below a whole server: interpolated then, so close, not equal
            assertThat(sl).as(c.name() + " near " + at + " servers, load " + load)
                    .isCloseTo(direct.serviceLevel(), within(1e-9));
            if (curve.servers(at / perAgent) == at) {
                assertThat(sl).as(c.name() + " at " + at + " servers, load " + load)
                        .isEqualTo(direct.serviceLevel());
                assertThat(curve.occupancy(at / perAgent)).isEqualTo(direct.occupancy());
            }
        }
    }

    @Property(tries = 200)
    void serviceRisesWithAgents(@ForAll @DoubleRange(min = 0, max = 500) double volume,
                                @ForAll @DoubleRange(min = 0, max = 200) double agents,
                                @ForAll @DoubleRange(min = 0, max = 5) double more) {
        ServiceCurve curve = new ErlangServiceCurves().curve(VOICE, new Requirement(T, "voice", volume, 300, 0, 0),
                15);
        double sl = curve.serviceLevel(agents);
        assertThat(sl).isBetween(0.0, 1.0);
        assertThat(curve.serviceLevel(agents + more)).isGreaterThanOrEqualTo(sl - 1e-12);
    }
}
