package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AttritionTest {

    @Test
    void threePercentAMonthLeavesSixtyNinePercentAfterAYear() {
        // by hand: 0.97^(12/52) = exp(12/52 × ln 0.97) = exp(0.2307692 × −0.0304592) = exp(−0.0070291) = 0.9929956
        assertThat(Attrition.weeklySurvival(0.03)).isCloseTo(0.9929956, within(1e-7));
        // 52 weeks = 12 months: 0.97^12 = (0.97^4)^3 = 0.88529281^3 = 0.6938424
        assertThat(Attrition.survival(0.03, 52)).isCloseTo(0.6938424, within(1e-7));
        assertThat(Attrition.annual(0.03)).isCloseTo(0.3061576, within(1e-7));
    }

    @Test
    void noAttritionKeepsEveryone() {
        assertThat(Attrition.survival(0.0, 52)).isEqualTo(1.0);
    }

    @Test
    void ratesAreLookedUpFromTheMostSpecificEntry() {
        Attrition a = new Attrition(0.03, Map.of(
                Attrition.key("london", "full-time"), 0.01,
                Attrition.key("london", "*"), 0.02,
                Attrition.key("*", "on-demand"), 0.08,
                Attrition.key("*", "full-time"), 0.025));
        assertThat(a.monthly("london", "full-time")).isEqualTo(0.01);
        assertThat(a.monthly("london", "part-time")).isEqualTo(0.02);
        assertThat(a.monthly("leeds", "on-demand")).isEqualTo(0.08);
        assertThat(a.monthly("leeds", "part-time")).isEqualTo(0.03);
        assertThat(a.monthly(null, "part-time")).isEqualTo(0.03);
        assertThat(a.hires()).isEqualTo(0.025);
    }

    @Property(tries = 200)
    void survivalOverMonthsMatchesTheMonthlyRate(@ForAll @DoubleRange(min = 0, max = 0.5) double monthly,
                                                 @ForAll @IntRange(min = 1, max = 10) int years) {
        assertThat(Attrition.survival(monthly, 52 * years))
                .isCloseTo(Math.pow(1 - monthly, 12.0 * years), within(1e-9));
    }
}
