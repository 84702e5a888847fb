package org.wfm.forecast.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.wfm.forecast.io.TimestampParser.DateOrder;

/** The timestamp and number parsers read back what the forms they accept write. */
class ParsersPropertiesTest {
    private static LocalDateTime time(long minutes) {
        return LocalDateTime.of(1995, 1, 1, 0, 0).plusMinutes(minutes);
    }

    @Property(seed = "7")
    void dayFirstMonthFirstAndIsoRoundTrip(@ForAll @LongRange(min = 0, max = 40L * 366 * 1440) long minutes) {
        LocalDateTime t = time(minutes);
        assertThat(TimestampParser.parse(t.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")), DateOrder.DAY_FIRST)
                .local()).isEqualTo(t);
        assertThat(TimestampParser.parse(t.format(DateTimeFormatter.ofPattern("d.M.yyyy H:mm:ss")), DateOrder.DAY_FIRST)
                .local()).isEqualTo(t);
        assertThat(TimestampParser.parse(t.format(DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", java.util.Locale.US)),
                DateOrder.MONTH_FIRST).local()).isEqualTo(t);
        assertThat(TimestampParser.iso(t.toString()).local()).isEqualTo(t);
        TimestampParser.Parsed offset = TimestampParser.iso(t.atOffset(ZoneOffset.ofHours(-5)).toString());
        assertThat(offset.local()).isEqualTo(t);
        assertThat(offset.instant()).isEqualTo(t.toEpochSecond(ZoneOffset.ofHours(-5)));
    }

    @Property(seed = "7")
    void clockDurationsAreSeconds(@ForAll @IntRange(min = 0, max = 8 * 3600) int seconds) {
        String mmss = String.format("%02d:%02d", seconds / 60, seconds % 60);
        String hms = String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        assertThat(NumberParser.clockSeconds(mmss, false)).isEqualTo((double) seconds);
        assertThat(NumberParser.clockSeconds(hms, false)).isEqualTo((double) seconds);
    }

    @Property(seed = "7")
    void decimalCommaReadsAsTheDot(@ForAll @IntRange(min = 0, max = 1_000_000) int whole,
                                   @ForAll @IntRange(min = 0, max = 99) int cents) {
        String dot = whole + "." + String.format("%02d", cents);
        assertThat(NumberParser.decimalComma(dot.replace('.', ','))).isEqualTo(Double.parseDouble(dot));
        assertThat(NumberParser.plain(dot.replace('.', ','))).isNull();
    }

    @Property(seed = "7")
    void orderEvidenceNeedsADayAbove12(@ForAll @IntRange(min = 1, max = 28) int day, @ForAll @IntRange(min = 1, max = 12) int month) {
        TimestampParser.OrderEvidence e = new TimestampParser.OrderEvidence();
        e.add(2, String.format("%02d/%02d/2026 08:00", day, month));
        assertThat(e.order()).isEqualTo(day > 12 ? DateOrder.DAY_FIRST : null);
        assertThat(e.ambiguity() == null).isEqualTo(day > 12);
    }

    @Property(seed = "7")
    void garbageIsNeverATimestampOrADuration(@ForAll String text) {
        // whatever it is, reading it does not throw
        TimestampParser.iso(text);
        TimestampParser.parse(text, DateOrder.DAY_FIRST);
        TimestampParser.timeOfDay(text);
        NumberParser.clockSeconds(text, true);
        NumberParser.decimalComma(text);
    }

    @org.junit.jupiter.api.Test
    void dateFormatsAsPlannersWriteThem() {
        assertThat(DateOrder.parse("dd/MM/yyyy HH:mm")).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(DateOrder.parse("d.M.yyyy")).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(DateOrder.parse("MM/dd/yyyy")).isEqualTo(DateOrder.MONTH_FIRST);
        assertThat(DateOrder.parse("yyyy-MM-dd")).isEqualTo(DateOrder.ISO);
        assertThat(DateOrder.parse("iso")).isEqualTo(DateOrder.ISO);
        assertThat(DateOrder.parse("dd/yyyy/MM")).isNull();
        assertThat(TimestampParser.timeOfDay("08:15 - 08:30")).isEqualTo(java.time.LocalTime.of(8, 15));
        assertThat(TimestampParser.timeOfDay("12:00 AM")).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(NumberParser.clockSeconds("3:75", false)).isNull();
        assertThat(NumberParser.clockSeconds("03:25,5", true)).isEqualTo(205.5);
    }
}
