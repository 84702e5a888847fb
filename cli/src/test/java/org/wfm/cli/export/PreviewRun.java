package org.wfm.cli.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a check: writes a planner-sized run folder (14 days, 3 channels, 40 agents) with its workbook and PNGs into
 * the folder named by {@code -Dwfm.export.preview=DIR}, to look at the output (LibreOffice, an image viewer).
 * Skipped in ordinary builds.
 */
class PreviewRun {
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final List<String> CHANNELS = List.of("voice", "chat", "email");

    @Test
    @EnabledIfSystemProperty(named = "wfm.export.preview", matches = ".+")
    void writePreview() throws IOException {
        Path dir = Path.of(System.getProperty("wfm.export.preview"));
        write(dir, Integer.getInteger("wfm.export.preview.days", 14),
                Integer.getInteger("wfm.export.preview.agents", 40), new Random(7));
        long t0 = System.nanoTime();
        WorkbookExporter.export(dir, dir.resolve("plan.xlsx"));
        long t1 = System.nanoTime();
        PngCharts.write(dir);
        long t2 = System.nanoTime();
        WorkbookExporter.export(dir, dir.resolve("plan.xlsx"));
        long t3 = System.nanoTime();
        Files.writeString(dir.resolve("timing.txt"), String.format(
                "workbook %.2f s (again, warm: %.2f s), png %.2f s, heap used %d MB%n",
                (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t2 - t1) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
    }

    static void write(Path dir, int days, int agents, Random random) throws IOException {
        Files.createDirectories(dir);
        List<List<Object>> forecast = new ArrayList<>();
        List<List<Object>> coverage = new ArrayList<>();
        List<List<Object>> peaks = new ArrayList<>();
        Map<String, Double> scheduled = new LinkedHashMap<>();
        List<List<Object>> schedule = schedule(days, agents, random, scheduled);
        for (int d = 0; d < days; d++) {
            LocalDate day = START.plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            for (int c = 0; c < CHANNELS.size(); c++) {
                String channel = CHANNELS.get(c);
                if (weekend && channel.equals("email")) {
                    continue;
                }
                double dayFactor = (day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.3 : 1.0) * (weekend ? 0.5 : 1);
                double base = new double[] {60, 25, 15}[c];
                double best = -1;
                double worst = 1e9;
                LocalDateTime bestAt = null;
                LocalDateTime worstAt = null;
                for (int i = 0; i < 52; i++) {
                    LocalDateTime at = day.atTime(7, 0).plusMinutes(15L * i);
                    double shape = 0.35 + Math.exp(-Math.pow((i - 12) / 7.0, 2)) + 0.6 * Math.exp(-Math.pow((i - 30) / 6.0, 2));
                    double volume = base * dayFactor * shape * (0.9 + 0.2 * random.nextDouble());
                    forecast.add(List.of(at, channel, r2(volume), r2(volume * 0.8), r2(volume * 1.22), 300));
                    double required = Math.ceil(volume * (channel.equals("chat") ? 900 / 3.0 : 300) / 900.0 * 1.15);
                    double sched = scheduled.getOrDefault(channel + "|" + at, 0.0);
                    double sl = channel.equals("email") ? Double.NaN : Math.min(0.99, Math.max(0, 0.8 + 0.05 * (sched - required)));
                    coverage.add(List.of(at, channel, r2(volume), required, sched,
                            Double.isNaN(sl) ? "" : r2(sl), Double.isNaN(sl) ? "" : r2(Math.min(0.95, required / Math.max(1, sched)))));
                    if (i >= 4 && i < 48) {
                        if (shape > best) {
                            best = shape;
                            bestAt = at;
                        }
                        if (shape < worst) {
                            worst = shape;
                            worstAt = at;
                        }
                    }
                }
                peaks.add(List.of(channel, "peak", bestAt.minusMinutes(30), bestAt.plusMinutes(30), r2(base * best), 1.6));
                peaks.add(List.of(channel, "trough", worstAt.minusMinutes(30), worstAt.plusMinutes(30), r2(base * worst), 0.5));
            }
        }
        for (String channel : CHANNELS) {
            peaks.add(List.of(channel, "peak-day", START.atStartOfDay(), START.plusDays(1).atStartOfDay(), 50, 1.3));
            peaks.add(List.of(channel, "trough-day", START.plusDays(6).atStartOfDay(), START.plusDays(7).atStartOfDay(), 20, 0.5));
        }
        csv(dir.resolve("forecast.csv"), "interval_start,channel,volume,volume_lower,volume_upper,aht_seconds", forecast);
        csv(dir.resolve("coverage.csv"), "interval_start,channel,forecast_volume,required,scheduled,service_level,occupancy", coverage);
        csv(dir.resolve("peaks.csv"), "channel,kind,start,end,mean_volume,ratio_to_average", peaks);
        csv(dir.resolve("schedule.csv"), "agent_id,date,start,end,activity,channel,location,name", schedule);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cost", Map.of("total", 48210.75, "wages", 46500.0, "overtime", 910.75, "on_demand_premium", 800.0));
        Map<String, Object> sl = new LinkedHashMap<>();
        sl.put("voice", Map.of("target", 0.8, "planned", 0.77, "simulated", 0.74));
        sl.put("chat", Map.of("target", 0.8, "planned", 0.86, "simulated", 0.83));
        s.put("service_level", sl);
        s.put("late_contacts", 812.4);
        s.put("training", List.of(Map.of("agent_id", "A003", "wanted_hours", 6, "delivered_hours", 4)));
        s.put("remote_share", 0.24);
        s.put("on_demand_hours", 96.0);
        s.put("paid_hours", 3520.0);
        s.put("hard_violations", List.of());
        s.put("uncovered_intervals", List.of(Map.of("interval_start", "2026-01-05T10:00", "channel", "voice", "required", 9, "scheduled", 7)));
        s.put("lower_bound", Map.of("cost", 45000.0, "gap", 0.0713));
        s.put("solver", Map.of("score", "0hard/-2400medium/-4821075soft", "seconds", 60.2, "seed", 1));
        s.put("inputs", Map.of("samples/agents.csv", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        s.put("previous", null);
        s.put("version", "0.1.0-SNAPSHOT");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), s);
    }

    private static List<List<Object>> schedule(int days, int agents, Random random, Map<String, Double> scheduled) {
        String[] first = {"Ava", "Ben", "Chloé", "Dev", "Ema", "Finn", "Grace", "Hugo", "Isla", "Jon"};
        String[] last = {"Okafor", "Smith", "Nowak", "Patel", "García", "O'Brien", "Kim", "Müller"};
        List<List<Object>> out = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String id = String.format("A%03d", a + 1);
            String name = a == 5 ? "=HYPERLINK(\"http://x\",\"y\")" : first[a % first.length] + " " + last[a % last.length];
            String channel = CHANNELS.get(a % 5 == 4 ? 2 : a % 3 == 2 ? 1 : 0);
            int startHour = 7 + random.nextInt(6);
            int length = a % 4 == 3 ? 6 : 8;
            boolean home = a % 4 == 1;
            for (int d = 0; d < days; d++) {
                if ((d + a) % 7 >= 5) {
                    continue;
                }
                LocalDate day = START.plusDays(d);
                LocalDateTime s = day.atTime(startHour, a % 2 == 0 ? 0 : 30);
                List<Object[]> blocks = new ArrayList<>();
                blocks.add(new Object[] {s, s.plusHours(2), "work", channel});
                blocks.add(new Object[] {s.plusHours(2), s.plusMinutes(135), "break", ""});
                if (length == 8) {
                    blocks.add(new Object[] {s.plusMinutes(135), s.plusHours(4), "work", channel});
                    blocks.add(new Object[] {s.plusHours(4), s.plusMinutes(270), "lunch", ""});
                    boolean training = a == 2 && d % 3 == 0;
                    blocks.add(new Object[] {s.plusMinutes(270), s.plusHours(training ? 5 : 6), "work", channel});
                    if (training) {
                        blocks.add(new Object[] {s.plusHours(5), s.plusHours(6), "training", "email"});
                    }
                    blocks.add(new Object[] {s.plusHours(6), s.plusMinutes(375), "break", ""});
                    blocks.add(new Object[] {s.plusMinutes(375), s.plusHours(8), "work", channel});
                } else {
                    blocks.add(new Object[] {s.plusMinutes(135), s.plusHours(6), "work", channel});
                }
                for (Object[] b : blocks) {
                    LocalDateTime from = (LocalDateTime) b[0];
                    LocalDateTime to = (LocalDateTime) b[1];
                    out.add(List.of(id, day, from.toLocalTime(), to.toLocalTime(), b[2], b[3], home ? "home" : "london", name));
                    if (b[2].equals("work")) {
                        for (LocalDateTime t = from; t.isBefore(to); t = t.plusMinutes(15)) {
                            scheduled.merge(b[3] + "|" + t, 1.0, Double::sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double r2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void csv(Path file, String header, List<List<Object>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.split(",")).setRecordSeparator("\n").get())) {
            for (List<Object> row : rows) {
                List<Object> cells = new ArrayList<>();
                row.forEach(o -> cells.add(o.toString()));
                p.printRecord(cells);
            }
        }
    }
}
