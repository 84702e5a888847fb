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
}
