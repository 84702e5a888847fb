package org.wfm.cli.units;

/**
 * How a plan with units runs: {@code threads} for the local engine (the cores by default), {@code master} for Spark
 * (null: embedded {@code local[*]}).
 */
public record EngineOptions(String engine, int threads, String master) {
    public static final String LOCAL = "local";

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
