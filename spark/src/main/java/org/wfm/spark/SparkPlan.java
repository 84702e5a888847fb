package org.wfm.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.wfm.cli.WfmException;
import org.wfm.cli.service.PlanRun;
import org.wfm.cli.units.EngineOptions;
import org.wfm.cli.units.UnitsSummary;
import org.wfm.forecast.io.InputException;

/**
 * The job jar's main class, for {@code spark-submit --class org.wfm.spark.SparkPlan wfm-spark-job.jar --config
 * plan.yaml [--date YYYY-MM-DD] [--force]}: the nightly plan with units on the cluster spark-submit names, without
 * the interactive shell. Exit codes as {@code wfm plan}: 0 done, 2 usage (a run already there, the lock held),
 * 3 bad input with one line naming file, line and column.
 */
public final class SparkPlan {
    private SparkPlan() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String config = null;
        String date = null;
        String master = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = value(args, ++i);
                case "--date" -> date = value(args, ++i);
                case "--master" -> master = value(args, ++i);
                case "--force" -> force = true;
                default -> {
                    System.err.println("wfm-spark: unknown argument " + args[i]
                            + " (expected --config plan.yaml [--date YYYY-MM-DD] [--force] [--master URL])");
                    return 2;
                }
            }
        }
        if (config == null) {
            System.err.println("wfm-spark: --config plan.yaml is required");
            return 2;
        }
        try {
            PlanRun.Outcome o = PlanRun.run(Path.of(config), date == null ? null : LocalDate.parse(date), force,
                    new EngineOptions("spark", 0, master), line -> System.err.println(line));
            if (o.units() == null) {
                System.err.println("wfm-spark: " + config + " has no units:");
                return 2;
            }
            System.out.print(String.format(Locale.ROOT, "Plan for %s: %d units%n", o.runDate(),
                    o.units().units().size()) + UnitsSummary.report(o.units()));
            return 0;
        } catch (InputException e) {
            System.err.println("wfm: " + e.getMessage());
            return 3;
        } catch (WfmException e) {
            System.err.println("wfm: " + e.getMessage());
            return e.exitCode();
        } catch (java.time.format.DateTimeParseException e) {
            System.err.println("wfm-spark: --date " + date + " is not a date YYYY-MM-DD");
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value after " + args[i - 1]);
        }
        return args[i];
    }
}
