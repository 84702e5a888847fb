/**
 * The planning model: precomputed shift patterns (breaks placed by the rules), demand buckets priced by the
 * service they lose, agents' derived facts, and the {@code AgentDay} planning entity.
 */
package org.wfm.scheduler.solver.model;
