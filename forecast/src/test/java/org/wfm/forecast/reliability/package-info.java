/** Reliability properties of the forecast module: known answers for any input, readers' round trips. */
package org.wfm.forecast.reliability;
