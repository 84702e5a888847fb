package org.wfm.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.wfm.cli.WfmException;
import org.wfm.cli.units.EngineOptions;
import org.wfm.cli.units.PlanEngine;
import org.wfm.cli.units.UnitTask;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.InputProblem;

/**
 * {@code --engine spark}: each unit task ({@link UnitTask}, forecast of the unit's series, requirements, schedule,
 * simulation, its run folder) is one Spark task of one stage, a partition per unit, so Spark spreads the units over
 * its executors. The task runs the very code of the local engine with the unit's own seed, so the folders are the
 * same bytes as {@code --engine local}; the driver then writes the all-units summary and Overview from them.
 *
 * <p>Master: {@code --master URL}; otherwise the {@code spark.master} spark-submit sets; otherwise embedded
 * {@code local[*]}. On a cluster the executors read plan.yaml and the inputs by the same absolute paths and write
 * the unit folders into the run's temporary folder, so the runs folder and the inputs must be on storage every
 * executor mounts at the same path (NFS, a shared volume). A failed unit comes back as its message and is raised in
 * unit order on the driver, an input error as an input error (exit 3).
 */
public final class SparkEngine implements PlanEngine {
    static final String LOCAL_ALL = "local[*]";

    @Override
    public String name() {
        return "spark";
    }

    /** A unit's result as it travels back from an executor: null error when it went well. */
    record Done(String unit, String errorKind, java.util.ArrayList<String[]> problems, String message)
            implements Serializable {
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
        progress.accept("spark: " + tasks.size() + " unit tasks on " + conf.get("spark.master"));
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Done> done = sc.parallelize(tasks, Math.max(1, tasks.size())).map(SparkEngine::runTask).collect();
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

    /** On the executor: the unit's night, its failure caught so that it reaches the driver as it was. */
    static Done runTask(UnitTask t) {
        try {
            UnitTask.run(t, line -> { });
            return new Done(t.unit(), null, null, null);
        } catch (InputException e) {
            java.util.ArrayList<String[]> problems = new java.util.ArrayList<>();
            for (InputProblem p : e.problems()) {
                problems.add(new String[] {p.file(), String.valueOf(p.line()), p.column(), p.message()});
            }
            return new Done(t.unit(), "input", problems, e.getMessage());
        } catch (WfmException e) {
            return new Done(t.unit(), "wfm:" + e.exitCode(), null, e.getMessage());
        } catch (RuntimeException e) {
            return new Done(t.unit(), "other", null, t.unit() + ": " + e);
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
