/**
 * Export adapter: turns a run folder (forecast.csv, peaks.csv, schedule.csv, coverage.csv, summary.json and
 * optionally simulation.csv) into the planner's workbook ({@link org.wfm.cli.export.WorkbookExporter}, Apache POI)
 * and PNG charts ({@link org.wfm.cli.export.PngCharts}, XChart).
 *
 * <p>It works from the files alone, so {@code wfm export --schedule DIR} can rebuild a workbook long after the run.
 * Every text that came from an input is written as a plain string cell, never as a formula.
 */
package org.wfm.cli.export;
