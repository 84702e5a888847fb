package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * The contract's "Time" section through wfm forecast: DST days of 23 and 25 hours in the history and in the
 * horizon, zones other than the machine's (America/New_York, Asia/Kolkata's half hour) and timestamps with an
 * offset or {@code Z}, which must read exactly as the same instants written in local time.
 */
class TimeZoneTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    /** A round-the-clock voice history in {@code zone}: one row per interval that exists, two in a repeated hour. */
    private static String allDay(ZoneId zone, LocalDate start, int days, Function<ZonedDateTime, String> stamp) {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume\n");
        ZonedDateTime t = start.atStartOfDay(zone);
        ZonedDateTime end = start.plusDays(days).atStartOfDay(zone);
        while (t.isBefore(end)) {
            sb.append(stamp.apply(t)).append(",voice,").append((long) Fixtures.volume(t.toLocalDateTime(), "voice") + 1)
                    .append('\n');
            t = t.plusMinutes(15); // instants: skips the missing hour, visits the repeated one twice
        }
        return sb.toString();
    }

    private Run forecast(String name, String history, String zone, String start, int days) {
        Path h = Fixtures.write(dir, "in/" + name + ".csv", history);
        Path out = dir.resolve(name + "/forecast.csv");
        List<String> args = new java.util.ArrayList<>(List.of("forecast", "--history", h.toString(), "--horizon-days",
                String.valueOf(days), "--timezone", zone, "--out", out.toString()));
        if (start != null) {
            args.addAll(List.of("--start", start));
        }
        return WfmRunner.run(args.toArray(String[]::new));
    }

    private List<String> stamps(String name) {
        return Fixtures.read(dir.resolve(name + "/forecast.csv")).lines().skip(1).map(l -> l.split(",")[0]).toList();
    }

    @Test
    void springForwardInHistoryAndHorizon() {
        // History 2025-02-22 .. 2025-04-06 holds 2025-03-30, a day of 23 hours.
        String history = allDay(LONDON, LocalDate.of(2025, 2, 22), 44, t -> t.toLocalDateTime().toString());
        assertThat(history).doesNotContain("2025-03-30T01:00").contains("2025-03-30T02:00");
        Run r = forecast("spring", history, "Europe/London", null, 7);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(stamps("spring")).doesNotHaveDuplicates().hasSize(7 * 96);
        // A history ending Friday 2025-03-28: the horizon holds the 23-hour day.
        String before = allDay(LONDON, LocalDate.of(2025, 2, 22), 35, t -> t.toLocalDateTime().toString());
        Run h = forecast("spring-horizon", before, "Europe/London", null, 3);
        assertThat(h.code()).as(h.toString()).isZero();
        List<String> s = stamps("spring-horizon");
        assertThat(s).doesNotHaveDuplicates();
        assertThat(s).filteredOn(x -> x.startsWith("2025-03-30T01:")).as("the hour the clocks skip").isEmpty();
        assertThat(s).contains("2025-03-30T00:45", "2025-03-30T02:00");
        assertThat(s).filteredOn(x -> x.startsWith("2025-03-30")).hasSize(92);
        assertThat(s).filteredOn(x -> x.startsWith("2025-03-29")).hasSize(96);
    }

    @Test
    void fallBackInHistoryWithOffsetsAndInHorizon() {
        // 2025-10-26 has 25 h: the offsets tell the two 01:xx hours apart; they are summed into one local interval.
        String history = allDay(LONDON, LocalDate.of(2025, 9, 27), 35, t -> t.format(OFFSET));
        assertThat(history).contains("2025-10-26T01:00+01:00", "2025-10-26T01:00Z");
        Run r = forecast("fall", history, "Europe/London", null, 7);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("note:").contains("DST");
        // A horizon holding a fall-back day: 2025-10-26 again, forecast from a history that ends before it.
        String before = allDay(LONDON, LocalDate.of(2025, 9, 20), 35, t -> t.toLocalDateTime().toString());
        Run h = forecast("fall-horizon", before, "Europe/London", null, 3);
        assertThat(h.code()).as(h.toString()).isZero();
        List<String> s = stamps("fall-horizon");
        assertThat(s).doesNotHaveDuplicates().contains("2025-10-26T01:00", "2025-10-26T01:45", "2025-10-26T02:00");
        assertThat(s).filteredOn(x -> x.startsWith("2025-10-26")).as("one row per local interval").hasSize(96);
    }

    @Test
    void offsetAndZTimestampsReadAsTheSameInstantsInLocalTime() {
        String local = Fixtures.history();
        Run plain = forecast("local", local, "Europe/London", null, 7);
        assertThat(plain.code()).as(plain.toString()).isZero();
        // London is on GMT in January-February: 07:00Z and 08:00+01:00 are both 08:00 local.
        String z = Fixtures.history(Fixtures.HISTORY_START, Fixtures.HISTORY_DAYS,
                t -> t.atZone(LONDON).withZoneSameInstant(ZoneOffset.UTC).format(OFFSET));
        String plusOne = Fixtures.history(Fixtures.HISTORY_START, Fixtures.HISTORY_DAYS,
                t -> t.atZone(LONDON).withZoneSameInstant(ZoneOffset.ofHours(1)).format(OFFSET));
        assertThat(z).contains("2025-01-06T08:00Z");
        assertThat(plusOne).contains("2025-01-06T09:00+01:00");
        Run zr = forecast("z", z, "Europe/London", null, 7);
        Run pr = forecast("plus", plusOne, "Europe/London", null, 7);
        assertThat(zr.code()).as(zr.toString()).isZero();
        assertThat(pr.code()).as(pr.toString()).isZero();
        String expected = Fixtures.read(dir.resolve("local/forecast.csv"));
        assertThat(Fixtures.read(dir.resolve("z/forecast.csv"))).isEqualTo(expected);
        assertThat(Fixtures.read(dir.resolve("plus/forecast.csv"))).isEqualTo(expected);
    }

    @Test
    void halfHourZoneFromUtcStamps() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertThat(kolkata.getRules().getOffset(java.time.Instant.now())).isNotEqualTo(
                java.util.TimeZone.getDefault().toZoneId().getRules().getOffset(java.time.Instant.now()));
        Run plain = forecast("ist-local", Fixtures.history(), "Asia/Kolkata", null, 7);
        assertThat(plain.code()).as(plain.toString()).isZero();
        // 08:00 in Kolkata is 02:30Z: the UTC file sits on the half hour, the local reading on the hour.
        String utc = Fixtures.history(Fixtures.HISTORY_START, Fixtures.HISTORY_DAYS,
                t -> t.atZone(kolkata).withZoneSameInstant(ZoneOffset.UTC).format(OFFSET));
        assertThat(utc).contains("2025-01-06T02:30Z");
        Run r = forecast("ist-utc", utc, "Asia/Kolkata", null, 7);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Fixtures.read(dir.resolve("ist-utc/forecast.csv")))
                .isEqualTo(Fixtures.read(dir.resolve("ist-local/forecast.csv")));
        assertThat(stamps("ist-utc")).first().isEqualTo("2025-02-10T08:00");
    }

    @Test
    void newYorkSpringForwardInHorizon() {
        ZoneId ny = ZoneId.of("America/New_York");
        // History to Saturday 2025-03-08; the horizon holds Sunday 2025-03-09, when 02:00-02:59 does not exist.
        String history = allDay(ny, LocalDate.of(2025, 2, 1), 36, t -> t.toLocalDateTime().toString());
        Run r = forecast("ny", history, "America/New_York", null, 2);
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> s = stamps("ny");
        assertThat(s.get(0)).startsWith("2025-03-09T");
        assertThat(s).filteredOn(x -> x.startsWith("2025-03-09T02:")).isEmpty();
        assertThat(s).filteredOn(x -> x.startsWith("2025-03-09")).hasSize(92);
        // The same file read as London time has no gap that day: the zone is the plan's, not the machine's.
        Run london = forecast("ny-as-london", history, "Europe/London", null, 2);
        assertThat(london.code()).as(london.toString()).isZero();
        assertThat(stamps("ny-as-london")).filteredOn(x -> x.startsWith("2025-03-09")).hasSize(96);
    }

    /** Outputs are written as local date-times in the plan's zone, without an offset. */
    @Test
    void writtenStampsAreLocalDateTimes() {
        Run r = forecast("plainstamps", Fixtures.history(), "Europe/London", null, 1);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(stamps("plainstamps")).allSatisfy(x -> assertThat(LocalDateTime.parse(x)).isNotNull());
    }
}
