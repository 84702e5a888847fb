package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"90s,90", "2m,120", "1h,3600", "1h30m,5400", "PT2M,120", "pt10s,10", "90,90", " 45 ,45", "2M,120",
            "1.5s,1.5", "P1D,86400", "297.5,297.5", "5m,300", "300s,300"})
    void acceptedForms(String text, double seconds) {
        assertEquals(Duration.ofNanos(Math.round(seconds * 1e9)), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "0", "0s", "PT0S", "-5s", "PT-1M", "abc", "1 h", "1d", "2mins", "1.5m", "h", "s",
            "99999999999999999999", "1h-30m"})
    void rejectedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertThat(e.getMessage()).contains("expected a positive duration such as 90s, 2m, 1h");
    }

    @Property
    void shortFormRoundTrips(@ForAll @LongRange(min = 1, max = 10_000_000) long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        assertEquals(d, Durations.parse(Durations.format(d)));
        assertEquals(d, Durations.parse(Long.toString(seconds)));
        assertEquals(d, Durations.parse(d.toString()));
    }

    @Property
    void nonPositiveSecondsAreRejected(@ForAll @LongRange(min = -10_000_000, max = 0) long seconds) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(seconds + "s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(Duration.ofSeconds(seconds).toString()));
    }

    @Test
    void zeroIsADurationWhereAllowed() {
        assertEquals(Duration.ZERO, Durations.parseOrZero("0"));
        assertEquals(Duration.ZERO, Durations.parseOrZero("0s"));
        assertEquals(Duration.ofSeconds(300), Durations.parseOrZero("5m"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> Durations.parseOrZero("-5")).getMessage())
                .isEqualTo("\"-5\" is not a duration (expected a duration such as 20s, 5m, 1h30m, PT2M or plain seconds)");
        assertThat(assertThrows(IllegalArgumentException.class, () -> Durations.parseOrZero("PT-5S")).getMessage())
                .isEqualTo("\"PT-5S\" is negative (expected a duration such as 20s, 5m, 1h30m, PT2M or plain seconds)");
        assertEquals(297.5, Durations.seconds(Durations.parse("297.5")), 1e-12);
    }
}
