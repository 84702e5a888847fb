package org.wfm.forecast.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a line longer than a limit. A CSV parser keeps the current value in memory, so a runaway line (a
 * file without line breaks, a binary blob, a 200 MB export glued into one line) would fill the heap before any
 * row could be checked; this turns it into an input error naming the line instead of an OutOfMemoryError.
 */
public final class LineLimitReader extends FilterReader {
    /** Far beyond any real row (a wide history of a thousand channels is some 10,000 characters). */
    public static final int DEFAULT_MAX_CHARS = 1 << 20;

    private final String file;
    private final int max;
    private int line = 1;
    private int length;

    public LineLimitReader(Reader in, String file, int maxChars) {
        super(in);
        this.file = file;
        this.max = maxChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            count(buf[i]);
        }
        return n;
    }

    private void count(char c) {
        if (c == '\n') {
            line++;
            length = 0;
        } else if (c == '\r') {
            length = 0; // CR alone ends a line for the parser too; CRLF counts once, at the LF
        } else if (++length > max) {
            throw new InputException(file, line, null, "the line is longer than " + max
                    + " characters; expected one row per line (is this the right file?)");
        }
    }
}
