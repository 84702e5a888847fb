/**
 * Problem facts and results shared by the solver, the simulation and the CLI: agents, time off, rules,
 * schedule rows, coverage rows and the summary. Immutable records; the solver's planning entity lives in
 * {@code org.wfm.scheduler.solver.model}.
 */
package org.wfm.scheduler.domain;
