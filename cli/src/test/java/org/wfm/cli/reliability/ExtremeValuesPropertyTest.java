package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.wfm.cli.io.ChannelsReader;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.service.Pipeline;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.InputProblem;
import org.wfm.forecast.io.Plausible;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

/**
 * forecast.csv with extreme numbers, read and turned into requirements as {@code wfm requirements} does: every
 * file ends within seconds, either with requirements whose every figure is finite and in range, or with an
 * {@link InputException} whose every problem names a line and a column (issue 15: 1e12 hung, 1e308 was an
 * "internal error" without file, line or column, -1 and 0 were silently replaced).
 */
class ExtremeValuesPropertyTest {
    private static final Path DIR = tempDir();
    private static final ChannelPlan PLAN = ChannelsReader.read(Fixtures.write(DIR, "channels.yaml",
            Fixtures.CHANNELS.replace("aht_seconds: 300}", "aht_seconds: 300, patience_seconds: 120}")));

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("extreme-values");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "-1", "1", "1e6", "1000001", "1e12", "1e308", "1e309", "-1e308", "4.9e-324",
                        "2147483648", "9223372036854775808", "NaN", "Infinity", "-Infinity", "0x10", "1e", "", " ",
                        "300000", "28800", "28801", "0.5", "1,5", "１２", "40000"),
                Arbitraries.doubles().between(-1e3, 2e6).map(d -> Double.toString(d)),
                Arbitraries.doubles().between(0, 1e308).map(d -> Double.toString(d)));
    }

    @Property(tries = 200, seed = "15")
    void everyForecastEndsWithRequirementsOrAnErrorAtALine(@ForAll("number") String volume, @ForAll("number") String aht,
                                                           @ForAll @IntRange(min = 2, max = 97) int line) {
        String text = BadInputTest.replaceLine(BadInputTest.smallForecast(), line,
                "2025-02-10T" + hhmm(line) + "," + (line % 2 == 0 ? "voice" : "chat") + "," + volume + ",,," + aht);
        Path file = Fixtures.write(DIR, "forecast.csv", text);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                List<ForecastPoint> points = OutputReaders.readDemand(file, PLAN, "channels.yaml");
                List<Requirement> reqs = Pipeline.requirements(points, PLAN, file, "channels.yaml");
                for (Requirement r : reqs) {
                    assertThat(Plausible.VOLUME.contains(r.forecastVolume())).as(r.toString()).isTrue();
                    assertThat(Plausible.AHT_SECONDS.contains(r.ahtSeconds())).as(r.toString()).isTrue();
                    assertThat(Plausible.AGENTS.contains(r.requiredStaff())).as(r.toString()).isTrue();
                }
            } catch (InputException e) {
                for (InputProblem p : e.problems()) {
                    assertThat(p.line()).as(e.getMessage()).isPositive();
                    if (!p.message().contains("values but the header has")) { // a whole row of the wrong shape
                        assertThat(p.column()).as(e.getMessage()).isNotBlank();
                    }
                }
                assertThat(e.getMessage()).doesNotContain("Exception");
            }
        });
    }

    /** The row's own interval, so that the rows stay one per interval and channel. */
    private static String hhmm(int line) {
        int minutes = 8 * 60 + 15 * ((line - 2) / 2);
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
