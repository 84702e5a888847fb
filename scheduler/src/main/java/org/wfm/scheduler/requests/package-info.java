/**
 * Requests from agents checked against a written schedule: time off ({@link org.wfm.scheduler.requests.TimeOffCheck})
 * and shift swaps ({@link org.wfm.scheduler.requests.ShiftSwap}). Both judge a changed copy of the schedule with
 * {@link org.wfm.scheduler.solver.ScheduleEvaluator}, the evaluator whose hard-rule findings are tested to agree with
 * the solver's score, so a request is never judged by a second copy of a rule.
 */
package org.wfm.scheduler.requests;
