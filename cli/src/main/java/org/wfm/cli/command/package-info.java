/**
 * Spring Shell commands. Each command only checks its options, calls a service and prints the result;
 * the maths lives in the forecast and scheduler modules.
 */
package org.wfm.cli.command;
