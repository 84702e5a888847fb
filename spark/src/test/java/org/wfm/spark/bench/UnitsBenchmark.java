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
 * series), planned three ways: sequentially ({@code --threads 1}), on a local pool of every core, and on embedded
 * Spark {@code local[2]}. Prints wall time, speed-up per core, peak heap (sampled every 100 ms), whether the three
 * run folders are byte-identical (CSV files), and a projection to 20,000 agents on a cluster. Not a test: figures
 * depend on the machine. Default: the 20 units x 200 agents x 14 days with a 30 s limit and auto.
 */
public final class UnitsBenchmark {
    private UnitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 14;
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String method = args.length > 4 ? args[4] : "auto";
        Path samples = Path.of("samples").toAbsolutePath();
        Path dir = Files.createTempDirectory("wfm-bench-units");
        Path plan = generate(samples, dir, units, agents, days, limit, method);
        LocalDate runDate = LocalDate.of(2026, 11, 19);   // a Thursday: next Monday is 23 November
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "units benchmark: %d units x %d agents x %d days x 3 channels (%d series),"
                + " time limit %d s (move budget), method %s, %d cores, max heap %d MB%n", units, agents, days,
                3 * units, limit, method, cores, Runtime.getRuntime().maxMemory() >> 20);
        List<String[]> rows = new ArrayList<>();
        double seq = 0;
        List<Path> folders = new ArrayList<>();
        for (String[] run : List.of(new String[] {"sequential", "local", "1"},
                new String[] {"local threads", "local", String.valueOf(cores)},
                new String[] {"spark local[2]", "spark", "local[2]"})) {
            Path cfg = withRuns(plan, "runs-" + run[0].replaceAll("[^a-z0-9]", ""));
            System.gc();
            Peak peak = Peak.start();
            long t0 = System.nanoTime();
            EngineOptions o = "spark".equals(run[1]) ? new EngineOptions("spark", 0, run[2])
                    : new EngineOptions("local", Integer.parseInt(run[2]), null);
            PlanRun.Outcome out = PlanRun.run(cfg, runDate, true, o, s -> { });
            double secs = (System.nanoTime() - t0) / 1e9;
            long peakMb = peak.stop();
            folders.add(out.runDir());
            if (seq == 0) {
                seq = secs;
            }
            int used = "sequential".equals(run[0]) ? 1 : "spark".equals(run[1]) ? 2 : cores;
            rows.add(new String[] {run[0], String.format(Locale.ROOT, "%.1f", secs),
                String.format(Locale.ROOT, "%.2f", seq / secs), String.format(Locale.ROOT, "%.2f", seq / secs / used),
                String.valueOf(peakMb), String.format(Locale.ROOT, "%.2f", out.units().cost())});
        }
        System.out.printf(Locale.ROOT, "%-16s %9s %9s %14s %14s %14s%n", "engine", "wall s", "speed-up", "per core",
                "peak heap MB", "total cost");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-16s %9s %9s %14s %14s %14s%n", (Object[]) r);
        }
        System.out.println("run folders identical (CSV and summary figures): " + (same(folders.get(0), folders.get(1))
                && same(folders.get(0), folders.get(2))));
        double perTask = seq / units;
        double fullTask = perTask * (200.0 * 14) / ((double) agents * days);
        System.out.printf(Locale.ROOT, "per unit task: %.1f s measured (%d agents x %d days); %.1f s scaled"
                + " linearly to 200 agents x 14 days%n", perTask, agents, days, fullTask);
        System.out.println("PROJECTION (not measured): 20,000 agents = 100 units of 200 agents = 100 Spark tasks"
                + " (300 series forecast inside them)");
        for (int executors : new int[] {10, 25, 50, 100}) {
            int waves = (100 + executors - 1) / executors;
            System.out.printf(Locale.ROOT, "  %3d executor cores: %d waves x %.0f s = %.0f s (+ start-up and the"
                    + " driver's summary)%n", executors, waves, fullTask, waves * fullTask);
        }
        System.out.println("files in " + dir);
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
