/**
 * The wfm command-line application: Spring Boot entry point, exit codes, the one error handler that turns
 * failures into one-line messages, and the console (progress and colour only on a terminal).
 */
package org.wfm.cli;
