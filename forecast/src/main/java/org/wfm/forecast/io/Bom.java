package org.wfm.forecast.io;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * The UTF-8 byte-order mark that Excel's "CSV UTF-8" and Notepad write before the first header: skipped by every
 * reader, here and only here, so that the first column is called {@code interval_start} and not
 * an invisible mark glued to its name.
 */
public final class Bom {
    public static final char MARK = '\uFEFF';

    private Bom() {
    }

    /** The reader without a leading byte-order mark. */
    public static Reader skip(Reader reader) throws IOException {
        PushbackReader pr = new PushbackReader(reader, 1);
        int c = pr.read();
        if (c != -1 && c != MARK) {
            pr.unread(c);
        }
        return pr;
    }

    /** The text without a leading byte-order mark. */
    public static String strip(String text) {
        return !text.isEmpty() && text.charAt(0) == MARK ? text.substring(1) : text;
    }
}
