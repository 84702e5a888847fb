/**
 * The pipeline steps shared by the commands: reading inputs, forecast, requirements, solving, simulation,
 * run folders, the nightly plan (lock, dated folder, previous run) and the end-of-run report.
 */
package org.wfm.cli.service;
