/** Benchmark main and instance generator for the solver; run by hand, never by unit tests. */
package org.wfm.scheduler.solver.bench;
