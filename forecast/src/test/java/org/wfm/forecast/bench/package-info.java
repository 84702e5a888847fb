/** Benchmarks run by hand on real-looking data (not unit tests): accuracy against baselines and speed. */
package org.wfm.forecast.bench;
