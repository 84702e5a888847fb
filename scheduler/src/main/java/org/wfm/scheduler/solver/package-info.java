/**
 * Schedule building: {@link org.wfm.scheduler.solver.ScheduleSolver} (construction + local search with
 * OptaPlanner) and {@link org.wfm.scheduler.solver.ScheduleEvaluator}, which computes coverage.csv and every
 * summary.json figure from schedule rows alone, so reported figures are recomputable from schedule.csv.
 */
package org.wfm.scheduler.solver;
