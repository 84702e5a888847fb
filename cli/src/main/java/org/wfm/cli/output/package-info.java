/**
 * Writers of the contract's CSV and JSON outputs, readers of wfm's own outputs when they are another
 * command's input, and atomic output (temporary name, renamed when complete).
 */
package org.wfm.cli.output;
