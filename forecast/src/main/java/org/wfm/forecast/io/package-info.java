/** Input problems and the exception that carries all of a file's problems to the CLI (exit code 3). */
package org.wfm.forecast.io;
