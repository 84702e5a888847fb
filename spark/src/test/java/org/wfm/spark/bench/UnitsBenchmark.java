package org.wfm.spark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.wfm.cli.service.PlanRun;
import org.wfm.cli.units.EngineOptions;

/**
 * {@code ./bench units [units] [agents] [days] [time-limit-s] [method]}: a generated plan with units, each unit the
 * sample centre (samples/: 60 agents, voice, chat and email, 15-minute intervals) grown to {@code agents} agents
 * (agents repeated with new ids, history volumes and site seats scaled by the same factor, so every unit has three
 * series), planned three ways, each in a JVM of its own so that its peak memory is its own: sequentially
 * ({@code --threads 1}), on a local pool of every core, and on embedded Spark {@code local[2]}. The bench script
 * runs {@code generate}, then {@code run} once per engine under {@code /usr/bin/time -v} (peak RSS), then
 * {@code report}: wall time, speed-up per core, peak heap (sampled every 100 ms) and peak RSS, whether the three run
 * folders are byte-identical (CSV files), and a projection to 20,000 agents on a cluster. Not a test: figures depend
 * on the machine and its load. Default: the 20 units x 200 agents x 14 days with a 30 s limit and auto.
 */
public final class UnitsBenchmark {
    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 19);   // a Thursday: next Monday is 23 November
    static final List<String> ENGINES = List.of("sequential", "threads", "spark");

    private UnitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(args);
            case "run" -> run(Path.of(args[1]), args[2]);
            case "report" -> report(Path.of(args[1]));
            default -> throw new IllegalArgumentException("usage: generate DIR [units] [agents] [days] [limit-s]"
                    + " [method] | run DIR sequential|threads|spark | report DIR");
        }
    }

    static void generate(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        int units = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int agents = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int days = args.length > 4 ? Integer.parseInt(args[4]) : 14;
        int limit = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        String method = args.length > 6 ? args[6] : "auto";
        Files.createDirectories(dir);
        generate(Path.of("samples").toAbsolutePath(), dir, units, agents, days, limit, method);
        Files.writeString(dir.resolve("bench.properties"), "units=" + units + "\nagents=" + agents + "\ndays="
                + days + "\nlimit=" + limit + "\nmethod=" + method + "\n");
        System.out.printf(Locale.ROOT, "units benchmark: %d units x %d agents x %d days x 3 channels (%d series),"
                + " time limit %d s (move budget), method %s, %d cores; files in %s%n", units, agents, days,
                3 * units, limit, method, Runtime.getRuntime().availableProcessors(), dir);
    }

    /** One engine's run; writes {@code result-<engine>.properties}: wall seconds, peak heap, total cost. */
    static void run(Path dir, String engine) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        EngineOptions o = switch (engine) {
            case "sequential" -> new EngineOptions("local", 1, null);
            case "threads" -> new EngineOptions("local", cores, null);
            case "spark" -> new EngineOptions("spark", 0, "local[2]");
            default -> throw new IllegalArgumentException("engine " + engine + ": expected one of " + ENGINES);
        };
        Path cfg = withRuns(dir.resolve("plan.yaml"), "runs-" + engine);
        Peak peak = Peak.start();
        long t0 = System.nanoTime();
        PlanRun.Outcome out = PlanRun.run(cfg, RUN_DATE, true, o, s -> { });
        double secs = (System.nanoTime() - t0) / 1e9;
        long peakMb = peak.stop();
        int used = "sequential".equals(engine) ? 1 : "spark".equals(engine) ? 2 : cores;
        Files.writeString(dir.resolve("result-" + engine + ".properties"), String.format(Locale.ROOT,
                "seconds=%.1f%ncores=%d%npeak_heap_mb=%d%ncost=%.2f%nfolder=%s%n", secs, used, peakMb,
                out.units().cost(), out.runDir()));
        System.out.printf(Locale.ROOT, "%s: %.1f s, peak heap %d MB, total cost %.2f%n", engine, secs, peakMb,
                out.units().cost());
    }

    static void report(Path dir) throws IOException {
        java.util.Properties bench = props(dir.resolve("bench.properties"));
        int units = Integer.parseInt(bench.getProperty("units"));
        int agents = Integer.parseInt(bench.getProperty("agents"));
        int days = Integer.parseInt(bench.getProperty("days"));
        System.out.printf(Locale.ROOT, "units benchmark: %d units x %d agents x %d days x 3 channels (%d series),"
                + " time limit %s s (move budget), method %s%n", units, agents, days, 3 * units,
                bench.getProperty("limit"), bench.getProperty("method"));
        System.out.printf(Locale.ROOT, "%-16s %9s %9s %9s %14s %13s %14s%n", "engine", "wall s", "speed-up",
                "per core", "peak heap MB", "peak RSS MB", "total cost");
        double seq = 0;
        List<Path> folders = new ArrayList<>();
        for (String engine : ENGINES) {
            Path f = dir.resolve("result-" + engine + ".properties");
            if (!Files.isRegularFile(f)) {
                System.out.printf(Locale.ROOT, "%-16s (no result)%n", label(engine));
                continue;
            }
            java.util.Properties r = props(f);
            double secs = Double.parseDouble(r.getProperty("seconds"));
            if ("sequential".equals(engine)) {
                seq = secs;
            }
            int used = Integer.parseInt(r.getProperty("cores"));
            folders.add(Path.of(r.getProperty("folder")));
            System.out.printf(Locale.ROOT, "%-16s %9.1f %9s %9s %14s %13s %14s%n", label(engine), secs,
                    seq == 0 ? "-" : String.format(Locale.ROOT, "%.2f", seq / secs),
                    seq == 0 ? "-" : String.format(Locale.ROOT, "%.2f", seq / secs / used),
                    r.getProperty("peak_heap_mb"), rssMb(dir.resolve("time-" + engine + ".txt")),
                    r.getProperty("cost"));
        }
        boolean same = folders.size() == 3 && same(folders.get(0), folders.get(1)) && same(folders.get(0),
                folders.get(2));
        System.out.println("run folders identical (every CSV file): " + same);
        if (seq == 0) {
            return;
        }
        double perTask = seq / units;
        double fullTask = perTask * (200.0 * 14) / ((double) agents * days);
        System.out.printf(Locale.ROOT, "per unit task: %.1f s measured sequentially (%d agents x %d days); %.1f s"
                + " scaled linearly to 200 agents x 14 days%n", perTask, agents, days, fullTask);
        System.out.println("PROJECTION (not measured): 20,000 agents = 100 units of 200 agents = 300 series tasks"
                + " (forecast) + 100 unit tasks (schedule) on Spark");
        for (int executors : new int[] {10, 25, 50, 100}) {
            int waves = (100 + executors - 1) / executors;
            System.out.printf(Locale.ROOT, "  %3d executor cores: %d waves x %.0f s = %.0f s (+ start-up and the"
                    + " driver's summary)%n", executors, waves, fullTask, waves * fullTask);
        }
    }

    private static String label(String engine) {
        return switch (engine) {
            case "sequential" -> "sequential";
            case "threads" -> "local threads";
            default -> "spark local[2]";
        };
    }

    private static java.util.Properties props(Path f) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(f)) {
            p.load(in);
        }
        return p;
    }

    /** "Maximum resident set size (kbytes): N" of GNU time -v, in MB; "-" when the file is not there. */
    private static String rssMb(Path timeFile) throws IOException {
        if (!Files.isRegularFile(timeFile)) {
            return "-";
        }
        for (String line : Files.readAllLines(timeFile)) {
            if (line.contains("Maximum resident set size")) {
                return String.valueOf(Long.parseLong(line.substring(line.lastIndexOf(':') + 1).trim()) / 1024);
            }
        }
        return "-";
    }

    /** Writes the units and plan.yaml into {@code dir}. */
    static Path generate(Path samples, Path dir, int units, int agents, int days, int limit, String method)
            throws IOException {
        List<String> sampleAgents = Files.readAllLines(samples.resolve("agents.csv"));
        int base = sampleAgents.size() - 1;
        double factor = (double) agents / base;
        Files.copy(samples.resolve("channels.yaml"), dir.resolve("channels.yaml"));
        Files.copy(samples.resolve("holidays.csv"), dir.resolve("holidays.csv"));
        StringBuilder plan = new StringBuilder("""
                channels: channels.yaml
                holidays: holidays.csv
                forecast: {method: %s, horizon_days: %d}
                schedule: {start: next-monday, days: %d, time_limit: %ds, seed: 1}
                previous: none
                runs: runs/
                units:
                """.formatted(method, days + 7, days, limit));
        List<String> history = Files.readAllLines(samples.resolve("history.csv"));
        String rules = Files.readString(samples.resolve("rules.yaml"))
                .replaceAll("london: \\{seats: 20}", "london: {seats: " + Math.round(20 * factor) + "}")
                .replaceAll("leeds: \\{seats: 13}", "leeds: {seats: " + Math.round(13 * factor) + "}");
        Files.writeString(dir.resolve("rules.yaml"), rules);
        for (int u = 1; u <= units; u++) {
            String name = String.format(Locale.ROOT, "u%02d", u);
            Path ud = Files.createDirectories(dir.resolve(name));
            StringBuilder a = new StringBuilder(sampleAgents.get(0)).append('\n');
            for (int i = 0; i < agents; i++) {
                String row = sampleAgents.get(1 + i % base);
                a.append(name).append('-').append(i + 1).append(row.substring(row.indexOf(','))).append('\n');
            }
            Files.writeString(ud.resolve("agents.csv"), a.toString());
            // each unit a little busier than the last, so the units are not copies of one another
            double scale = factor * (0.9 + 0.01 * u);
            StringBuilder h = new StringBuilder(history.get(0)).append('\n');
            for (String line : history.subList(1, history.size())) {
                String[] f = line.split(",", -1);
                f[2] = String.valueOf(Math.round(Double.parseDouble(f[2]) * scale));
                h.append(String.join(",", Arrays.asList(f))).append('\n');
            }
            Files.writeString(ud.resolve("history.csv"), h.toString());
            plan.append("  ").append(name).append(": {history: ").append(name).append("/history.csv, agents: ")
                    .append(name).append("/agents.csv, rules: rules.yaml}\n");
        }
        Path p = dir.resolve("plan.yaml");
        Files.writeString(p, plan.toString());
        return p;
    }

    static Path withRuns(Path plan, String runs) throws IOException {
        Path p = plan.resolveSibling("plan-" + runs + ".yaml");
        Files.writeString(p, Files.readString(plan).replace("runs: runs/", "runs: " + runs + "/"));
        return p;
    }

    static boolean same(Path a, Path b) {
        try (Stream<Path> s = Files.walk(a)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
                if (!Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))))) {
                    System.out.println("differs: " + a.relativize(f));
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Peak used heap, sampled every 100 ms. */
    static final class Peak {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static Peak start() {
            Peak p = new Peak();
            p.thread = new Thread(() -> {
                Runtime rt = Runtime.getRuntime();
                while (p.running) {
                    p.max.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "peak-heap");
            p.thread.setDaemon(true);
            p.thread.start();
            return p;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max.get() >> 20;
        }
    }
}
