/**
 * Plans with business units (plan.yaml {@code units:}): the unit tasks, their seeds and memory estimates, the
 * engines that run them ({@link org.wfm.cli.units.LocalEngine} on a thread pool, others such as Spark found through
 * {@link java.util.ServiceLoader}) and the all-units summary.
 */
package org.wfm.cli.units;
