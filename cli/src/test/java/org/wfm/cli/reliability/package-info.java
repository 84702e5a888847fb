/**
 * Reliability through the CLI (issue 9): bad input, unusual but valid files, atomic output under kill,
 * determinism, DST and time zones, large and absurd inputs, and properties of what a run reports.
 */
package org.wfm.cli.reliability;
