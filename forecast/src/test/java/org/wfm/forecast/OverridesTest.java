package org.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OverridesTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 21, 9, 0);

    /** Two channels, four 15-minute intervals each: voice 10, 20, 30, 40; chat 5 each. */
    private static ForecastResult forecast() {
        List<ForecastPoint> points = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LocalDateTime t = T0.plusMinutes(15L * i);
            points.add(new ForecastPoint(t, "chat", 5, 4, 6, 600));
            points.add(new ForecastPoint(t, "voice", 10 * (i + 1), 8 * (i + 1), 12 * (i + 1), 300));
        }
        return new ForecastResult(points, List.of(), Map.of("chat", "m", "voice", "m"), Map.of());
    }

    private static double volume(ForecastResult r, String channel, int i) {
        return r.points().stream().filter(p -> p.channel().equals(channel)
                && p.intervalStart().equals(T0.plusMinutes(15L * i))).findFirst().orElseThrow().volume();
    }

    @Test
    void aFactorScalesTheCoveredIntervalsAndTheirBounds() {
        var o = new ForecastOverride("voice", T0.plusMinutes(15), T0.plusMinutes(45), 1.5, Double.NaN, "mailing", 2);
        Overrides.Result r = Overrides.apply(forecast(), List.of(o), 15);
        assertThat(volume(r.forecast(), "voice", 0)).isEqualTo(10);
        assertThat(volume(r.forecast(), "voice", 1)).isEqualTo(30);
        assertThat(volume(r.forecast(), "voice", 2)).isEqualTo(45);
        assertThat(volume(r.forecast(), "voice", 3)).isEqualTo(40);
        assertThat(volume(r.forecast(), "chat", 1)).isEqualTo(5);
        ForecastPoint p = r.forecast().points().stream().filter(q -> q.channel().equals("voice")
                && q.intervalStart().equals(T0.plusMinutes(15))).findFirst().orElseThrow();
        assertThat(p.volumeLower()).isEqualTo(24);
        assertThat(p.volumeUpper()).isEqualTo(36);
        assertThat(p.ahtSeconds()).isEqualTo(300);
        assertThat(r.applied()).containsExactly(new Overrides.Applied(o, 2, 50, 75));
    }

    @Test
    void aVolumeReplacesThePeriodsTotalInTheForecastsShape() {
        var o = new ForecastOverride("voice", T0, T0.plusHours(1), Double.NaN, 200, "campaign", 2);
        Overrides.Result r = Overrides.apply(forecast(), List.of(o), 15);
        // 10:20:30:40 of 100 -> 20:40:60:80 of 200
        for (int i = 0; i < 4; i++) {
            assertThat(volume(r.forecast(), "voice", i)).isCloseTo(20.0 * (i + 1), within(1e-9));
        }
        assertThat(r.applied().get(0).volumeAfter()).isCloseTo(200, within(1e-9));
    }

    @Test
    void aVolumeOnAClosedPeriodIsSpreadEvenlyAndAFactorOfZeroCloses() {
        var close = new ForecastOverride("chat", T0, T0.plusHours(1), 0, Double.NaN, "closed", 2);
        ForecastResult closed = Overrides.apply(forecast(), List.of(close), 15).forecast();
        assertThat(volume(closed, "chat", 2)).isZero();
        var open = new ForecastOverride("chat", T0, T0.plusMinutes(30), Double.NaN, 12, "pop-up", 3);
        ForecastResult reopened = Overrides.apply(closed, List.of(open), 15).forecast();
        assertThat(volume(reopened, "chat", 0)).isEqualTo(6);
        assertThat(volume(reopened, "chat", 1)).isEqualTo(6);
        assertThat(volume(reopened, "chat", 2)).isZero();
    }

    @Test
    void anOverrideOutsideTheForecastCoversNothingAndChangesNothing() {
        var o = new ForecastOverride("voice", T0.plusDays(30), T0.plusDays(31), 2, Double.NaN, "later", 2);
        Overrides.Result r = Overrides.apply(forecast(), List.of(o), 15);
        assertThat(r.applied().get(0).intervals()).isZero();
        assertThat(r.forecast().points()).isEqualTo(forecast().points());
    }
}
