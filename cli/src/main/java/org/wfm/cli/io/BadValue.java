package org.wfm.cli.io;

/**
 * A single value that could not be read; the message says what was expected. Readers catch it and add a
 * problem with the line and column they know, then go on, so that all problems of a file are reported.
 */
final class BadValue extends Exception {
    BadValue(String message) {
        super(message, null, false, false);
    }
}
