package org.wfm.cli.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small run folder: 2 days (Mon 5 and Tue 6 January 2026), channels voice and email open 08:00–18:00 in 15-minute
 * intervals, three agents, one of them named like a spreadsheet formula.
 */
final class RunFixture {
    static final LocalDate DAY1 = LocalDate.of(2026, 1, 5);
    static final String INJECTION = "=HYPERLINK(\"http://x\",\"y\")";
    static final List<String> CHANNELS = List.of("voice", "email");

    private RunFixture() {
    }

    static Path write(Path dir, boolean fullSummary) throws IOException {
        Files.createDirectories(dir);
        List<List<Object>> forecast = new ArrayList<>();
        List<List<Object>> coverage = new ArrayList<>();
        List<List<Object>> requirements = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            for (String channel : CHANNELS) {
                for (int i = 0; i < 40; i++) {
                    LocalDateTime at = DAY1.plusDays(d).atTime(8, 0).plusMinutes(15L * i);
                    // Mid-morning peak (interval 10 = 10:30), quiet late afternoon.
                    double volume = (channel.equals("voice") ? 40 : 12) * (0.5 + Math.exp(-Math.pow((i - 10) / 6.0, 2)));
                    forecast.add(List.of(at, channel, volume, volume * 0.8, volume * 1.2, 300));
                    double required = Math.ceil(volume / 10);
                    double scheduled = channel.equals("voice") && i < 20 ? 2 : 1;
                    requirements.add(List.of(at, channel, volume, 300, required, required));
                    coverage.add(List.of(at, channel, volume, required, scheduled,
                            channel.equals("voice") ? "0.81" : "", channel.equals("voice") ? "0.7" : "NaN"));
                }
            }
        }
        csv(dir.resolve("forecast.csv"), "interval_start,channel,volume,volume_lower,volume_upper,aht_seconds",
                forecast);
        csv(dir.resolve("requirements.csv"),
                "interval_start,channel,forecast_volume,aht_seconds,required_agents,required_staff", requirements);
        csv(dir.resolve("coverage.csv"),
                "interval_start,channel,forecast_volume,required,scheduled,service_level,occupancy", coverage);
        List<List<Object>> peaks = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            LocalDate day = DAY1.plusDays(d);
            for (String channel : CHANNELS) {
                peaks.add(List.of(channel, "peak", day.atTime(10, 0), day.atTime(11, 0), 50, 1.4));
                peaks.add(List.of(channel, "trough", day.atTime(16, 0), day.atTime(17, 0), 20, 0.6));
            }
        }
        for (String channel : CHANNELS) {
            peaks.add(List.of(channel, "peak-day", DAY1.atStartOfDay(), DAY1.plusDays(1).atStartOfDay(), 30, 1.05));
            peaks.add(List.of(channel, "trough-day", DAY1.plusDays(1).atStartOfDay(), DAY1.plusDays(2).atStartOfDay(),
                    28, 0.95));
        }
        csv(dir.resolve("peaks.csv"), "channel,kind,start,end,mean_volume,ratio_to_average", peaks);

        List<List<Object>> schedule = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            LocalDate day = DAY1.plusDays(d);
            shift(schedule, "A1", "Alice Smith", day, "voice", "london", true);
            shift(schedule, "A2", INJECTION, day, "voice", "home", false);
            shift(schedule, "A3", "Bob Jones", day, "email", "london", d == 1);
        }
        csv(dir.resolve("schedule.csv"), "agent_id,date,start,end,activity,channel,location,name", schedule);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(),
                summary(fullSummary));
        return dir;
    }

    /** An 8-hour shift 08:00–16:00: break 10:00, lunch 12:00–12:30, break 14:00, optionally training 15:00–16:00. */
    private static void shift(List<List<Object>> out, String id, String name, LocalDate day, String channel,
                              String location, boolean training) {
        String[][] blocks = {
            {"08:00", "10:00", "work"}, {"10:00", "10:15", "break"}, {"10:15", "12:00", "work"},
            {"12:00", "12:30", "lunch"}, {"12:30", "14:00", "work"}, {"14:00", "14:15", "break"},
            {"14:15", training ? "15:00" : "16:00", "work"}, {"15:00", "16:00", training ? "training" : null}};
        for (String[] b : blocks) {
            if (b[2] == null) {
                continue;
            }
            String ch = b[2].equals("work") ? channel : b[2].equals("training") ? "email" : "";
            out.add(List.of(id, day, LocalTime.parse(b[0]), LocalTime.parse(b[1]), b[2], ch, location, name));
        }
    }

    private static Map<String, Object> summary(boolean full) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cost", Map.of("total", 1234.5, "wages", 1200.0, "overtime", 20.5, "on_demand_premium", 14.0));
        s.put("service_level", Map.of("voice", mapOf("target", 0.8, "planned", 0.78, "simulated", null)));
        s.put("late_contacts", 42.25);
        s.put("training", List.of(Map.of("agent_id", "A1", "wanted_hours", 4, "delivered_hours", 2),
                Map.of("agent_id", "A3", "wanted_hours", 2, "delivered_hours", 1)));
        s.put("remote_share", 0.3333);
        s.put("on_demand_hours", 0);
        s.put("hard_violations", List.of(Map.of("constraint", "At least 11 hours rest", "agent_id", "A2",
                "date", "2026-01-06", "detail", "-9 hours rest")));
        s.put("uncovered_intervals", List.of(Map.of("interval_start", "2026-01-05T10:30", "channel", "voice",
                "required", 6, "scheduled", 2)));
        s.put("lower_bound", mapOf("cost", 1100.0, "gap", 0.1223));
        s.put("solver", Map.of("score", "0hard/-120medium/-1234soft", "seconds", 12.5, "seed", 1));
        s.put("inputs", Map.of("samples/agents.csv", "ab12", "samples/rules.yaml", "cd34"));
        s.put("version", "0.1.0-test");
        if (full) {
            s.put("deferred", Map.of("email", mapOf("within_window", 0.9375, "peak_backlog_hours", 2.0)));
            s.put("paid_hours", 48.0);
            s.put("previous", null);
            List<Map<String, Object>> agents = new ArrayList<>();
            agents.add(agent("A1", "Alice Smith", "london", "full-time", 14, 1.0, 20));
            agents.add(agent("A2", INJECTION, "home", "part-time", 16, 0, 18));
            agents.add(agent("A3", "Bob Jones", "london", "on-demand", 15, 1.0, 16));
            s.put("agents", agents);
        }
        return s;
    }

    private static Map<String, Object> agent(String id, String name, String site, String employment, double work,
                                             double training, double rate) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("agent_id", id);
        a.put("name", name);
        a.put("site", site);
        a.put("employment", employment);
        a.put("days", 2);
        a.put("paid_hours", 15.0);
        a.put("work_hours", work);
        a.put("training_hours", training);
        a.put("home_hours", site.equals("home") ? 15.0 : 0.0);
        a.put("overtime_hours", 0.0);
        a.put("cost", 15.0 * rate);
        return a;
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void csv(Path file, String header, List<List<Object>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.split(","))
                     .setRecordSeparator("\n").get())) {
            for (List<Object> row : rows) {
                List<Object> out = new ArrayList<>();
                for (Object o : row) {
                    out.add(o instanceof LocalDateTime t ? t.toString() : o);
                }
                p.printRecord(out);
            }
        }
    }
}
