/**
 * The planning model: precomputed shift patterns (breaks placed by the rules), demand buckets priced by the
 * service they lose, agents' derived facts, and the {@code AgentDay} planning entity.
 *
 * <p>The rule book: every scheduling rule is one pure static function on domain values, in
 * {@link org.wfm.scheduler.solver.model.ShiftRules} (length, start step, breaks and lunch),
 * {@link org.wfm.scheduler.solver.model.AgentRules} (availability window, time off, skills),
 * {@link org.wfm.scheduler.solver.model.ContractRules} (rest, consecutive days, days and hours per week,
 * training per week; the weekly bounds themselves in {@link org.wfm.scheduler.solver.model.ProblemBuilder#week}),
 * {@link org.wfm.scheduler.solver.model.SeatRules} and {@link org.wfm.scheduler.solver.model.PayRules}. The
 * constraints, the pattern ranges, the construction, the rebuild move, the evaluator and the bounds call them,
 * so they cannot disagree on what a rule says. Rule names: {@link org.wfm.scheduler.solver.model.ConstraintName}.
 */
package org.wfm.scheduler.solver.model;
