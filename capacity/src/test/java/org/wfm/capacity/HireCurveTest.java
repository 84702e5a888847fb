package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HireCurveTest {

    @Test
    void twoWeeksTrainingThenFourWeeksLinearRamp() {
        HireCurve c = new HireCurve(2, 4);
        double[] expected = {0, 0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0};
        for (int k = 0; k < expected.length; k++) {
            assertThat(c.productivity(k)).as("week %d", k).isEqualTo(expected[k]);
        }
        assertThat(c.fullFrom()).isEqualTo(5);
    }

    @Test
    void withoutTrainingOrRampAHireWorksFullyFromTheStart() {
        HireCurve c = new HireCurve(0, 0);
        assertThat(c.productivity(0)).isEqualTo(1.0);
        assertThat(c.fullFrom()).isZero();
        assertThat(new HireCurve(0, 1).productivity(0)).isEqualTo(1.0);
    }
}
