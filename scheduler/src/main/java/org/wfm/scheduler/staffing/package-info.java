/**
 * Staffing maths: from forecast contacts to agents needed per interval and channel.
 *
 * <p>{@link org.wfm.scheduler.staffing.Staffing} answers "how many agents for this interval" (Erlang C via
 * {@link org.wfm.scheduler.staffing.ErlangC}, Erlang A via {@link org.wfm.scheduler.staffing.ErlangA}, chat as
 * M/M/(N·C)); {@link org.wfm.scheduler.staffing.RequirementsCalculator} turns a forecast and channels.yaml into
 * requirements.csv rows, spreading deferred work with {@link org.wfm.scheduler.staffing.DeferredWorkload}
 * (or handing its windows to a scheduler as {@link org.wfm.scheduler.staffing.DeferredWork});
 * {@link org.wfm.scheduler.staffing.ErlangServiceCurves} gives the solver service level as a function of
 * scheduled agents, and the reported (planned) service level of a whole schedule through
 * {@link org.wfm.scheduler.staffing.CarriedBacklog}, which carries the queue from interval to interval. The records {@code Channel}, {@code ChannelPlan} and {@code Requirement} are the shared
 * domain of this package.
 */
package org.wfm.scheduler.staffing;
