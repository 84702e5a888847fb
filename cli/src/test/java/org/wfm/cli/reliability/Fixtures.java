package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.wfm.cli.WfmRunner.Run;

/**
 * Small, valid inputs for the reliability tests, written into a test's temporary folder, and the checks every
 * failed run must pass: one message, no stack trace, nothing written, inputs untouched.
 */
final class Fixtures {
    /** Monday; five weeks of history end on Sunday 2025-02-09, so the forecast starts Monday 2025-02-10. */
    static final LocalDate HISTORY_START = LocalDate.of(2025, 1, 6);
    static final int HISTORY_DAYS = 35;
    static final String HISTORY_HEADER = "interval_start,channel,volume,aht_seconds";

    static final String CHANNELS = """
            timezone: Europe/London
            interval_minutes: 15
            shrinkage: 0.30
            channels:
              voice: {kind: immediate, service_level: 0.80, answer_seconds: 20, aht_seconds: 300}
              chat:  {kind: concurrent, concurrency: 2, service_level: 0.80, answer_seconds: 60, aht_seconds: 600}
            """;

    static final String RULES = """
            horizon: {start: 2025-02-10, days: 7}
            shifts: {lengths_hours: [4, 8], start_step_minutes: 60, min_rest_hours: 11,
                     max_consecutive_days: 5, max_days_per_week: 5}
            breaks: {every_hours: 2, break_minutes: 15, lunch_minutes: 30, lunch_after_hours: 6}
            training: {block_minutes: 60, max_hours_per_week: 4}
            sites: {london: {seats: 10}}
            costs: {overtime_after_hours_week: 40, overtime_multiplier: 1.5, on_demand_premium: 0.25}
            objective: {mode: cover, late_contact_cost: 1.50}
            """;

    static final String AGENTS_HEADER = "agent_id,name,site,work_mode,employment,skills,development,min_hours_week,"
            + "max_hours_week,hourly_cost,available_days,earliest_start,latest_end";

    static final String AGENTS = AGENTS_HEADER + "\n"
            + "A1,Ann Archer,london,onsite,full-time,voice:1.0;chat:0.7,,24,40,14.50,Mon-Fri,08:00,20:00\n"
            + "A2,Bo Bennett,london,hybrid,part-time,voice:0.8,,8,24,13.00,\"Mon,Wed,Fri\",08:00,20:00\n"
            + "A3,Cy Cole,,remote,on-demand,chat:1.0,,0,30,15.25,Mon-Sun,08:00,20:00\n"
            + "A4,Di Dent,london,onsite,full-time,voice:1.0;chat:1.0,,24,40,14.00,Mon-Fri,08:00,20:00\n";

    static final String REQUIREMENTS_HEADER =
            "interval_start,channel,forecast_volume,aht_seconds,required_agents,required_staff";

    private Fixtures() {
    }

    /** Contacts in one interval: a mid-day hump, Mondays busier; chat about half of voice. */
    static double volume(LocalDateTime t, String channel) {
        int minute = t.getHour() * 60 + t.getMinute();
        double shape = 1 + Math.sin(Math.PI * (minute - 8 * 60) / (12 * 60.0));
        double day = t.getDayOfWeek() == DayOfWeek.MONDAY ? 1.3 : 1.0;
        double base = channel.equals("voice") ? 10 : 5;
        return Math.round(base * shape * day);
    }

    /** Long history text: days × 08:00-20:00 × 15 minutes × {voice, chat}, timestamps as {@code text(t)}. */
    static String history(LocalDate start, int days, java.util.function.Function<LocalDateTime, String> text) {
        StringBuilder sb = new StringBuilder(HISTORY_HEADER).append('\n');
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            for (int m = 8 * 60; m < 20 * 60; m += 15) {
                LocalDateTime t = date.atStartOfDay().plusMinutes(m);
                for (String ch : List.of("voice", "chat")) {
                    sb.append(text.apply(t)).append(',').append(ch).append(',')
                            .append((long) volume(t, ch)).append(',').append(ch.equals("voice") ? 300 : 600)
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String history() {
        return history(HISTORY_START, HISTORY_DAYS, LocalDateTime::toString);
    }

    /** requirements.csv for the rules' horizon: 2 staff on voice, 1 on chat, 08:00-20:00. */
    static String requirements() {
        StringBuilder sb = new StringBuilder(REQUIREMENTS_HEADER).append('\n');
        LocalDate start = LocalDate.of(2025, 2, 10);
        for (int d = 0; d < 7; d++) {
            for (int m = 8 * 60; m < 20 * 60; m += 15) {
                LocalDateTime t = start.plusDays(d).atStartOfDay().plusMinutes(m);
                sb.append(t).append(",voice,").append(volume(t, "voice")).append(",300,1.4,2\n");
                sb.append(t).append(",chat,").append(volume(t, "chat")).append(",600,0.6,1\n");
            }
        }
        return sb.toString();
    }

    /** The four schedule inputs plus requirements.csv in {@code dir}. */
    record ScheduleFiles(Path requirements, Path channels, Path agents, Path rules) {
        String[] args(Path out, String... extra) {
            String[] base = {"schedule", "--requirements", requirements.toString(), "--channels", channels.toString(),
                "--agents", agents.toString(), "--rules", rules.toString(), "--out", out.toString()};
            return Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        }
    }

    static ScheduleFiles scheduleFiles(Path dir) {
        return new ScheduleFiles(write(dir, "requirements.csv", requirements()), write(dir, "channels.yaml", CHANNELS),
                write(dir, "agents.csv", AGENTS), write(dir, "rules.yaml", RULES));
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of every regular file under {@code dir}, by relative path (missing folder: empty map). */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                String rel = dir.relativize(p).toString();
                out.put(rel, Files.isRegularFile(p) ? sha256(Files.readAllBytes(p)) : "dir");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contract's "no stack trace, one message" on a failed run. */
    static void assertOneCleanMessage(Run r) {
        String all = r.out() + r.err();
        assertThat(all).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("OutOfMemoryError").doesNotContain("internal error");
        List<String> lines = r.err().lines().filter(l -> l.startsWith("wfm: ")).toList();
        assertThat(lines).as("exactly one error line on stderr\n" + r).hasSize(1);
    }
}
