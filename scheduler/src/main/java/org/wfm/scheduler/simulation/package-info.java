/**
 * Discrete-event simulation of a schedule against demand drawn from the forecast.
 *
 * <p>Erlang formulas assume one skill, steady load within each interval and no routing choices. The
 * {@link org.wfm.scheduler.simulation.Simulator} replays the schedule contact by contact instead: Poisson
 * arrivals per interval, lognormal handle times scaled by the agent's proficiency, exponential patience,
 * longest-idle routing among agents whose current work block is on the contact's channel, chat concurrency,
 * breaks and training, and absence as whole shifts missing at random. It reports per interval and channel the
 * service level (with a confidence interval over replications), abandonment, ASA and occupancy; see
 * {@link org.wfm.scheduler.simulation.SimulationRow} for the exact definitions.
 */
package org.wfm.scheduler.simulation;
