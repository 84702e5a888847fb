/**
 * Input problems and the exception that carries all of a file's problems to the CLI (exit code 3), and
 * the forecast.csv / peaks.csv format (writing, and reading forecast.csv back for the staffing step).
 */
package org.wfm.forecast.io;
