package org.wfm.forecast.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.InputProblem;
import org.wfm.forecast.io.Plausible;

/**
 * history.csv with one extreme value (volume, AHT or year): the reader ends at once, either with a history whose
 * every value is in {@link Plausible}'s ranges, or with an {@link InputException} naming the line and column.
 */
class ExtremeHistoryPropertyTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Provide
    Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "1e6", "1000001", "1e12", "1e308", "1e309", "NaN", "Infinity", "300000",
                        "28800", "28801", "0.001", "4.9e-324", "", "1,5"),
                Arbitraries.doubles().between(0, 1e308).map(d -> Double.toString(d)));
    }

    @Provide
    Arbitrary<String> year() {
        return Arbitraries.of("1900", "1989", "1990", "2025", "2100", "2101", "9999", "0001");
    }

    @Property(tries = 150, seed = "15")
    void extremeValuesEndInAHistoryInRangeOrAnErrorAtALine(@ForAll("number") String volume,
                                                           @ForAll("number") String aht,
                                                           @ForAll("year") String year,
                                                           @ForAll @IntRange(min = 0, max = 95) int row) throws IOException {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume,aht_seconds\n");
        LocalDateTime start = LocalDateTime.of(2025, 1, 6, 8, 0);
        for (int i = 0; i < 96; i++) {
            LocalDateTime t = start.plusMinutes(15L * (i % 48)).plusDays(i / 48);
            if (i == row) {
                sb.append(year).append(t.toString().substring(4)).append(",voice,").append(volume).append(',')
                        .append(aht).append('\n');
            } else {
                sb.append(t).append(",voice,10,300\n");
            }
        }
        Path file = Files.createTempFile("history", ".csv");
        try {
            Files.writeString(file, sb);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    History h = HistoryReader.read(file, LONDON);
                    for (ChannelHistory ch : h.channels().values()) {
                        for (Observation o : ch.observations()) {
                            assertThat(Plausible.VOLUME.contains(o.volume())).as(o.toString()).isTrue();
                            assertThat(Double.isNaN(o.ahtSeconds()) || Plausible.AHT_SECONDS.contains(o.ahtSeconds()))
                                    .as(o.toString()).isTrue();
                            assertThat(Plausible.dateProblem(o.start().toLocalDate())).isNull();
                        }
                    }
                } catch (InputException e) {
                    for (InputProblem p : e.problems()) {
                        assertThat(p.line()).as(e.getMessage()).isPositive();
                        if (!p.message().contains("values but the header has")) { // a whole row of the wrong shape
                            assertThat(p.column()).as(e.getMessage()).isNotBlank();
                        }
                    }
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
