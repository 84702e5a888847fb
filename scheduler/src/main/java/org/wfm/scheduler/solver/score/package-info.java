/** The scheduling rules as OptaPlanner constraint streams, one method per rule. */
package org.wfm.scheduler.solver.score;
