package org.wfm.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.wfm.cli.WfmException;
import org.wfm.cli.units.EngineOptions;
import org.wfm.cli.units.PlanEngine;
import org.wfm.cli.units.UnitTask;
import org.wfm.forecast.ForecastEngine;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.InputProblem;

/**
 * {@code --engine spark}: two stages. First every series of every unit (a unit's channel, e.g. 20 units of 3
 * channels: 60 series) is forecast as a Spark task of its own ({@link UnitTask#forecastSeries}: the "many models"
 * pattern, one model per series in parallel); the driver collects the series forecasts. Then each unit ({@link
 * UnitTask}: requirements from its assembled forecast, schedule, simulation, its run folder) is one Spark task, a
 * partition per unit, so Spark spreads the units over its executors. The tasks run the very code of the local engine
 * with the unit's own seed, and the assembled forecast is the one the unit would have made itself ({@link
 * org.wfm.forecast.ForecastEngine#assemble}), so the folders are the same bytes as {@code --engine local}; the
 * driver then writes the all-units summary and Overview from them.
 *
 * <p>Master: {@code --master URL}; otherwise the {@code spark.master} spark-submit sets; otherwise embedded
 * {@code local[*]}. On a cluster the executors read plan.yaml and the inputs by the same absolute paths and write
 * the unit folders into the run's temporary folder, so the runs folder and the inputs must be on storage every
 * executor mounts at the same path (NFS, a shared volume). A failed task comes back as its message and is raised in
 * unit order on the driver, an input error as an input error (exit 3).
 */
public final class SparkEngine implements PlanEngine {
    static final String LOCAL_ALL = "local[*]";

    @Override
    public String name() {
        return "spark";
    }

    /** A task's result as it travels back from an executor: null error when it went well. */
    record Done(String unit, String errorKind, java.util.ArrayList<String[]> problems, String message,
                ForecastEngine.SeriesForecast series) implements Serializable {
        static Done ok(String unit, ForecastEngine.SeriesForecast series) {
            return new Done(unit, null, null, null, series);
        }
    }

    /** The first stage's task: one series (channel) of one unit. */
    record SeriesTask(UnitTask unit, String channel) implements Serializable {
    }

    /** The second stage's task: a unit with its series forecasts. */
    record UnitJob(UnitTask unit, java.util.ArrayList<ForecastEngine.SeriesForecast> series) implements Serializable {
    }

    @Override
    public void run(List<UnitTask> tasks, EngineOptions options, Consumer<String> progress) {
        SparkConf conf = new SparkConf().setAppName("wfm plan").set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (options.master() != null) {
            conf.setMaster(options.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(LOCAL_ALL);
        }
        List<SeriesTask> series = new ArrayList<>();
        for (UnitTask t : tasks) {
            t.channels().forEach(c -> series.add(new SeriesTask(t, c)));
        }
        progress.accept("spark: " + series.size() + " series tasks (forecast), then " + tasks.size()
                + " unit tasks (schedule), on " + conf.get("spark.master"));
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Done> forecasts = sc.parallelize(series, Math.max(1, series.size()))
                    .map(SparkEngine::forecastTask).collect();
            Map<String, java.util.ArrayList<ForecastEngine.SeriesForecast>> byUnit = new LinkedHashMap<>();
            tasks.forEach(t -> byUnit.put(t.unit(), new java.util.ArrayList<>()));
            RuntimeException failed = null;
            for (Done d : forecasts) {
                if (d.errorKind() != null) {
                    // the first failure in unit order (the series come in unit order)
                    failed = failed == null ? rebuild(d) : failed;
                } else if (d.series() != null) {
                    byUnit.get(d.unit()).add(d.series());
                }
            }
            if (failed != null) {
                throw failed;
            }
            progress.accept("spark: " + forecasts.stream().filter(d -> d.series() != null).count()
                    + " series forecast");
            List<UnitJob> jobs = tasks.stream().map(t -> new UnitJob(t, byUnit.get(t.unit()))).toList();
            List<Done> done = sc.parallelize(jobs, Math.max(1, jobs.size())).map(SparkEngine::unitTask).collect();
            for (Done d : done) {
                if (d.errorKind() != null) {
                    throw rebuild(d);
                }
                progress.accept(d.unit() + ": done (spark)");
            }
        } finally {
            spark.stop();
        }
    }

    /** On an executor: one series' forecast (null series when the unit's history has no such channel). */
    static Done forecastTask(SeriesTask s) {
        return caught(s.unit().unit(), () -> Done.ok(s.unit().unit(), UnitTask.forecastSeries(s.unit(), s.channel())));
    }

    /** On an executor: the unit's night from its series forecasts. */
    static Done unitTask(UnitJob j) {
        return caught(j.unit().unit(), () -> {
            UnitTask.run(j.unit(), j.series(), line -> { });
            return Done.ok(j.unit().unit(), null);
        });
    }

    /** Runs {@code work}, its failure caught so that it reaches the driver as it was. */
    static Done caught(String unit, java.util.function.Supplier<Done> work) {
        try {
            return work.get();
        } catch (InputException e) {
            java.util.ArrayList<String[]> problems = new java.util.ArrayList<>();
            for (InputProblem p : e.problems()) {
                problems.add(new String[] {p.file(), String.valueOf(p.line()), p.column(), p.message()});
            }
            return new Done(unit, "input", problems, e.getMessage(), null);
        } catch (WfmException e) {
            return new Done(unit, "wfm:" + e.exitCode(), null, e.getMessage(), null);
        } catch (RuntimeException e) {
            return new Done(unit, "other", null, unit + ": " + e, null);
        }
    }

    static RuntimeException rebuild(Done d) {
        if ("input".equals(d.errorKind())) {
            return new InputException(d.problems().stream()
                    .map(p -> new InputProblem(p[0], Integer.parseInt(p[1]), p[2], p[3])).toList());
        }
        if (d.errorKind().startsWith("wfm:")) {
            return new WfmException(Integer.parseInt(d.errorKind().substring(4)), d.message());
        }
        return new IllegalStateException(d.message());
    }
}
