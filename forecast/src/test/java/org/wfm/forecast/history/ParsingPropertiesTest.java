package org.wfm.forecast.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import net.jqwik.api.ForAll;
import org.wfm.forecast.io.NumberParser;
import org.wfm.forecast.io.TimestampParser;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ParsingPropertiesTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static LocalDateTime time(long minutes) {
        return LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(minutes);
    }

    @Property(seed = "42")
    void localTimesParseInBothSpellings(@ForAll @LongRange(min = 0, max = 10 * 366 * 1440) long minutes) {
        LocalDateTime t = time(minutes);
        String iso = t.toString();
        String spaced = t.toLocalDate() + " " + t.toLocalTime().truncatedTo(ChronoUnit.MINUTES) + ":00";
        assertThat(TimestampParser.iso(iso).in(LONDON)).isEqualTo(t);
        assertThat(TimestampParser.iso(spaced).in(LONDON)).isEqualTo(t);
        assertThat(TimestampParser.iso(iso).instant()).isNull();
    }

    @Property(seed = "42")
    void offsetTimesLandOnTheSameInstantInThePlanZone(@ForAll @LongRange(min = 0, max = 10 * 366 * 1440) long minutes,
                                                     @ForAll @IntRange(min = -12, max = 14) int offsetHours) {
        ZoneOffset offset = ZoneOffset.ofHours(offsetHours);
        LocalDateTime t = time(minutes);
        TimestampParser.Parsed p = TimestampParser.iso(t.atOffset(offset).toString());
        assertThat(p.in(LONDON).atZone(LONDON).toInstant()).isEqualTo(t.atOffset(offset).toInstant());
    }

    @Property(seed = "42")
    void plainNumbersRoundTripAndDecimalCommasNever(@ForAll @DoubleRange(min = 0, max = 1e9) double v) {
        assertThat(NumberParser.plain(Double.toString(v))).isEqualTo(v);
        String comma = Double.toString(v).replace('.', ',');
        if (comma.contains(",")) {
            assertThat(NumberParser.plain(comma)).isNull();
        }
    }
}
