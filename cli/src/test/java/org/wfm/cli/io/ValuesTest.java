package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ValuesTest {
    static final List<String> CHANNELS = List.of("voice", "chat", "email");

    @Test
    void dayRangesWrapPastSunday() throws BadValue {
        assertEquals(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                Values.days("Fri-Mon"));
        assertEquals(EnumSet.allOf(DayOfWeek.class), Values.days("mon-sun"));
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                Values.days("Monday-Wed; Sat"));
        assertEquals(EnumSet.of(DayOfWeek.THURSDAY), Values.days("Thu-Thu"));
    }

    @Test
    void badDayLists() {
        assertThrows(BadValue.class, () -> Values.days(""));
        assertThrows(BadValue.class, () -> Values.days("Mon-Tue-Wed"));
        assertThrows(BadValue.class, () -> Values.days("Mon,,Tue"));
        assertThrows(BadValue.class, () -> Values.days("weekdays"));
    }

    @Test
    void transpositionIsOneEdit() {
        assertEquals(1, Suggest.distance("b71", "b17"));
        assertEquals(2, Suggest.distance("b71", "a1"));
        assertEquals(Set.of("B17").iterator().next(), Suggest.closest("B71", Set.of("A1", "B17", "C9")).orElseThrow());
        assertThat(Suggest.closest("zzzzzz", Set.of("voice"))).isEmpty();
    }

    /** Proficiency entries round-trip through their text form and stay within 0..1. */
    @Property
    void proficiencyListsRoundTrip(@ForAll @DoubleRange(min = 0, max = 1) double voice,
                                   @ForAll @DoubleRange(min = 0, max = 1) double chat) throws BadValue {
        Map<String, Double> parsed = AgentsReader.entries("voice:" + voice + "; chat:" + chat, CHANNELS,
                Range.closed(0, 1), true, "channel:proficiency");
        assertEquals(Map.of("voice", voice, "chat", chat), parsed);
    }

    @Property
    void proficiencyAboveOneIsRejected(@ForAll @DoubleRange(min = 1.0001, max = 1e6) @Scale(4) double p) {
        BadValue e = assertThrows(BadValue.class, () -> AgentsReader.entries("voice:" + p, CHANNELS,
                Range.closed(0, 1), true, "channel:proficiency"));
        assertThat(e.getMessage()).contains("out of range");
    }

    @Property
    void clockTimesRoundTrip(@ForAll @IntRange(min = 0, max = 23) int h, @ForAll @IntRange(min = 0, max = 59) int m)
            throws BadValue {
        assertEquals(java.time.LocalTime.of(h, m), Values.time(String.format("%02d:%02d", h, m), false));
        assertEquals(java.time.LocalTime.of(h, m), Values.time(h + ":" + String.format("%02d", m), true));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"0.8,0.8", "80,0.8", "80%,0.8", " 80 % ,0.8", "0.8%,0.008",
            "1,1.0", "1%,0.01", "100,1.0", "100%,1.0", "0,0.0", "0%,0.0", "1.5,0.015", "99.9,0.999"})
    void sharesAreFractionsOrPercentages(String text, double fraction) throws BadValue {
        assertEquals(fraction, Values.share(text), 1e-12);
        assertEquals(fraction, Share.parse(text).fraction(), 1e-12);
    }

    @Test
    void badShares() {
        assertThat(assertThrows(BadValue.class, () -> Values.share("120")).getMessage())
                .isEqualTo("\"120\" is not between 0 and 100% (expected a share such as 0.8, 80 or 80%)");
        assertThat(assertThrows(BadValue.class, () -> Values.share("-0.5")).getMessage())
                .isEqualTo("\"-0.5\" is not between 0 and 100% (expected a share such as 0.8, 80 or 80%)");
        assertThat(assertThrows(BadValue.class, () -> Values.share("0,8")).getMessage())
                .isEqualTo("\"0,8\" is not a share (expected a share such as 0.8, 80 or 80%; use a dot for decimals)");
        assertThat(assertThrows(BadValue.class, () -> Values.share("high")).getMessage())
                .isEqualTo("\"high\" is not a share (expected a share such as 0.8, 80 or 80%)");
        assertThrows(BadValue.class, () -> Values.share("%"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse("80%%"));
    }

    /** A percentage above 1 and its fraction are the same share (the rule is one place for every option). */
    @Property
    void aPercentageAndItsFractionAgree(@ForAll @IntRange(min = 2, max = 100) int percent) throws BadValue {
        assertEquals(Values.share(percent + "%"), Values.share(String.valueOf(percent)), 1e-12);
        assertEquals(Values.share(String.valueOf(percent / 100.0)), Values.share(String.valueOf(percent)), 1e-12);
    }
}
