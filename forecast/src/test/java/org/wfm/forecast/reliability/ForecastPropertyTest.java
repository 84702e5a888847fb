package org.wfm.forecast.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.wfm.forecast.ForecastEngine;
import org.wfm.forecast.ForecastOptions;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.HistoryReader;
import org.wfm.forecast.history.Observation;

/**
 * Properties with known answers: a constant series forecasts to that constant by every method, and a history
 * file reads back exactly as written whatever its legal spelling (quotes, CRLF, BOM, space for T, seconds).
 */
class ForecastPropertyTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    /** Five weeks, open 08:00-18:00 every day, every interval {@code level}. */
    private static History constant(double level, int minutes) {
        List<Observation> obs = new ArrayList<>();
        for (int d = 0; d < 35; d++) {
            for (int m = 8 * 60; m < 18 * 60; m += minutes) {
                obs.add(new Observation(START.plusDays(d).atStartOfDay().plusMinutes(m), level, 240));
            }
        }
        return new History(LONDON, minutes, Map.of("voice", new ChannelHistory("voice", obs)));
    }

    @Property(tries = 40)
    void aConstantSeriesForecastsToThatConstant(@ForAll @DoubleRange(min = 0, max = 500) double level,
                                                @ForAll("methods") String method) {
        ForecastResult r = new ForecastEngine().forecast(constant(level, 30),
                new ForecastOptions(null, 7, List.of(), method, 80), null);
        assertThat(r.points()).hasSize(7 * 20);
        for (ForecastPoint p : r.points()) {
            assertThat(p.volume()).as(method + " " + p.intervalStart()).isCloseTo(level, within(1e-6 * Math.max(1, level)));
            if (!Double.isNaN(p.volumeLower())) {
                assertThat(p.volumeLower()).isLessThanOrEqualTo(p.volume() + 1e-9);
                assertThat(p.volumeUpper()).isGreaterThanOrEqualTo(p.volume() - 1e-9);
            }
            if (level > 0) {
                // with no contacts at all there is nothing to weight AHT by: NaN, and the channel's default applies
                assertThat(p.ahtSeconds()).isCloseTo(240, within(1e-6));
            }
        }
    }

    /** jqwik's shrunk counter-example: BOBYQA gave up on the flat objective and Holt-Winters threw. */
    @net.jqwik.api.Example
    void holtWintersOnAFlatSeriesOfLevelPoint94() {
        aConstantSeriesForecastsToThatConstant(0.94, "holt-winters");
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(ForecastEngine.methodNames());
    }

    /** Random volumes on a 15-minute grid for up to three channels; printed in one of several legal spellings. */
    @Property(tries = 60)
    void historyReadsBackAsWritten(@ForAll @IntRange(min = 1, max = 3) int channels,
                                   @ForAll @IntRange(min = 1, max = 9) int days,
                                   @ForAll @IntRange(min = 0, max = 31) int spelling,
                                   @ForAll long seed) throws IOException {
        java.util.Random rnd = new java.util.Random(seed);
        Map<String, List<Observation>> expected = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder((spelling & 1) != 0 ? "\uFEFF" : "");
        String nl = (spelling & 2) != 0 ? "\r\n" : "\n";
        boolean quote = (spelling & 4) != 0;
        boolean space = (spelling & 8) != 0;
        boolean extra = (spelling & 16) != 0;
        sb.append(row(quote, "interval_start", "channel", "volume", "aht_seconds", extra ? "note" : null)).append(nl);
        for (int c = 0; c < channels; c++) {
            String ch = "ch" + c;
            List<Observation> obs = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                for (int m = 9 * 60; m < 12 * 60; m += 15) {
                    LocalDateTime t = START.plusDays(d).atStartOfDay().plusMinutes(m);
                    double volume = rnd.nextInt(100_000) / 100.0;
                    double aht = 60 + rnd.nextInt(6000) / 10.0;
                    obs.add(new Observation(t, volume, aht));
                    String stamp = space ? t.toLocalDate() + " " + t.toLocalTime() + ":00" : t.toString();
                    sb.append(row(quote, stamp, ch, Double.toString(volume), Double.toString(aht),
                            extra ? "x, \"y\"" : null)).append(nl);
                }
            }
            expected.put(ch, obs);
        }
        sb.append(nl);
        Path file = Files.createTempFile("history", ".csv");
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
            History h = HistoryReader.read(file, LONDON);
            assertThat(h.intervalMinutes()).isEqualTo(15);
            assertThat(h.channels().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((ch, obs) -> {
                List<Observation> read = h.channels().get(ch).observations();
                assertThat(read).as(ch).hasSameSizeAs(obs);
                for (int i = 0; i < obs.size(); i++) {
                    assertThat(read.get(i).start()).isEqualTo(obs.get(i).start());
                    assertThat(read.get(i).volume()).isEqualTo(obs.get(i).volume());
                    // AHT is averaged weighted by volume (aht × v / v), exact to rounding only
                    assertThat(read.get(i).ahtSeconds()).isCloseTo(obs.get(i).ahtSeconds(), within(1e-9));
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String row(boolean quote, String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(quote || v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
        }
        return String.join(",", out);
    }
}
