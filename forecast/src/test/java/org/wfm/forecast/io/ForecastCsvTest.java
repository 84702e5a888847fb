package org.wfm.forecast.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.Peak;

class ForecastCsvTest {
    @TempDir
    Path dir;

    @Test
    void writesTheContractColumnsAndReadsThemBack() throws IOException {
        List<ForecastPoint> points = List.of(
                new ForecastPoint(LocalDateTime.parse("2026-01-05T08:00"), "voice", 12.34567, 9.0, 15.5, 301.25),
                new ForecastPoint(LocalDateTime.parse("2026-01-05T08:00"), "email, web", 0.1, 0, 1, Double.NaN));
        StringBuilder sb = new StringBuilder();
        ForecastCsv.writeForecast(points, sb);
        assertThat(sb.toString()).isEqualTo("interval_start,channel,volume,volume_lower,volume_upper,aht_seconds\n"
                + "2026-01-05T08:00,voice,12.346,9,15.5,301.25\n"
                + "2026-01-05T08:00,\"email, web\",0.1,0,1,\n");
        Path f = Files.writeString(dir.resolve("forecast.csv"), sb);
        List<ForecastPoint> back = ForecastCsv.readForecast(f);
        assertThat(back.get(0)).isEqualTo(new ForecastPoint(LocalDateTime.parse("2026-01-05T08:00"), "voice", 12.346, 9, 15.5, 301.25));
        assertThat(back.get(1).ahtSeconds()).isNaN();

        StringBuilder peaks = new StringBuilder();
        ForecastCsv.writePeaks(List.of(new Peak("voice", "peak", LocalDateTime.parse("2026-01-05T10:00"),
                LocalDateTime.parse("2026-01-05T11:00"), 40.0, 1.4567)), peaks);
        assertThat(peaks.toString()).isEqualTo("channel,kind,start,end,mean_volume,ratio_to_average\n"
                + "voice,peak,2026-01-05T10:00,2026-01-05T11:00,40,1.457\n");
    }

    @Test
    void reportsEveryBadLine() throws IOException {
        Path f = Files.writeString(dir.resolve("forecast.csv"), "interval_start,channel,volume\n"
                + "2026-01-05T08:00,voice,\"12,5\"\nyesterday,voice,3\n2026-01-05T08:15,,-1\n");
        assertThatThrownBy(() -> ForecastCsv.readForecast(f)).isInstanceOf(InputException.class)
                .hasMessage("forecast.csv line 2, column volume: \"12,5\" is not a number; "
                        + "forecast.csv line 3, column interval_start: \"yesterday\" is not a date-time; expected e.g. 2026-01-05T08:00; "
                        + "forecast.csv line 4, column channel: missing; expected a channel name; "
                        + "forecast.csv line 4, column volume: \"-1\" is negative; expected 0 or more");
    }
}
