package org.wfm.cli.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A hand-written run folder of two days (Mon 10 and Tue 11 Feb 2025), three voice agents at one site and no breaks,
 * with its inputs beside it (recorded in summary.json's input_files): the smallest case the request checks can be
 * judged on, with no solver run.
 * <pre>
 *   Mon: A1 14:00-22:00, A2 08:00-16:00      Tue: A1 14:00-22:00, A2 08:00-16:00      A3: off both days
 * </pre>
 */
final class TinyRun {
    static final String CHANNELS = """
            timezone: Europe/London
            interval_minutes: 60
            shrinkage: 0
            channels:
              voice: {kind: immediate, service_level: 0.80, answer_seconds: 20, aht_seconds: 300}
            """;

    static final String AGENTS = """
            agent_id,name,site,work_mode,employment,skills,development,min_hours_week,max_hours_week,hourly_cost,available_days,earliest_start,latest_end
            A1,Ann,london,onsite,part-time,voice:1.0,,0,40,14,Mon-Sun,06:00,23:00
            A2,Bo,london,onsite,part-time,voice:1.0,,0,40,14,Mon-Sun,06:00,23:00
            A3,Cy,london,onsite,part-time,voice:1.0,,0,40,14,Mon-Sun,06:00,23:00
            """;

    static String rules(String timeoff) {
        return """
                horizon: {start: 2025-02-10, days: 2}
                shifts: {lengths_hours: [8], start_step_minutes: 60, min_rest_hours: 11,
                         max_consecutive_days: 5, max_days_per_week: 5}
                breaks: none
                sites: {london: {seats: 10}}
                replan: {frozen_days: 0}
                """ + timeoff;
    }

    private TinyRun() {
    }

    /** Writes the inputs into {@code dir} and the run folder {@code dir/run}; returns the run folder. */
    static Path write(Path dir, String timeoffSection) {
        Path channels = put(dir.resolve("channels.yaml"), CHANNELS);
        Path agents = put(dir.resolve("agents.csv"), AGENTS);
        Path rules = put(dir.resolve("rules.yaml"), rules(timeoffSection));
        Path run = dir.resolve("run");
        StringBuilder req = new StringBuilder(
                "interval_start,channel,forecast_volume,aht_seconds,required_agents,required_staff\n");
        for (int d = 0; d < 2; d++) {
            for (int h = 8; h < 22; h++) {
                LocalDateTime t = LocalDate.of(2025, 2, 10 + d).atTime(h, 0);
                req.append(t).append(",voice,10,300,1,1\n");
            }
        }
        put(run.resolve("requirements.csv"), req.toString());
        put(run.resolve("schedule.csv"), """
                agent_id,date,start,end,activity,channel,location
                A1,2025-02-10,14:00,22:00,work,voice,london
                A2,2025-02-10,08:00,16:00,work,voice,london
                A1,2025-02-11,14:00,22:00,work,voice,london
                A2,2025-02-11,08:00,16:00,work,voice,london
                """);
        put(run.resolve("summary.json"), "{\"input_files\": {\"channels\": " + json(channels) + ", \"agents\": "
                + json(agents) + ", \"rules\": " + json(rules) + "}}\n");
        return run;
    }

    private static String json(Path p) {
        return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\") + "\"";
    }

    static Path put(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
