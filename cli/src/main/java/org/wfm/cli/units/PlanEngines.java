package org.wfm.cli.units;

import java.util.ServiceLoader;

import org.wfm.cli.WfmException;

/** Finds the engine {@code --engine} names: {@code local} built in, any other through {@link ServiceLoader}. */
public final class PlanEngines {
    private PlanEngines() {
    }

    /**
     * @throws WfmException (exit 2) when no engine of that name is on the class path
     */
    public static PlanEngine find(String name) {
        if (name == null || EngineOptions.LOCAL.equals(name)) {
            return new LocalEngine();
        }
        for (PlanEngine e : ServiceLoader.load(PlanEngine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        if ("spark".equals(name)) {
            throw WfmException.usage("--engine spark: the Spark engine is not on the class path (it is the separate"
                    + " wfm-spark module: run wfm-spark.jar or spark-submit it, see README \"Many business units\")");
        }
        throw WfmException.usage("--engine " + name + ": unknown engine (expected local or spark)");
    }
}
