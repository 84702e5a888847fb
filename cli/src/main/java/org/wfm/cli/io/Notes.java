package org.wfm.cli.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.wfm.forecast.io.InputProblem;

/**
 * Non-fatal observations made while reading inputs (an extra column ignored, a site ignored for a remote
 * agent). Readers add to the sink the caller passes; the CLI prints them or writes them to run.log.
 * Notes use the same "file line N, column C: message" form as input errors.
 */
public final class Notes {
    private final List<String> list = new ArrayList<>();
    private final Consumer<String> listener;

    /** Collects notes; read them with {@link #list()}. */
    public Notes() {
        this(note -> { });
    }

    /** Collects notes and also hands each one to {@code listener} as it is made (e.g. a logger). */
    public Notes(Consumer<String> listener) {
        this.listener = listener;
    }

    /** A note about a file, a line of it ({@code line} 0 = the whole file) and a column or key (may be null). */
    public void add(String file, int line, String column, String message) {
        String note = new InputProblem(file, line, column, message).describe();
        list.add(note);
        listener.accept(note);
    }

    public List<String> list() {
        return Collections.unmodifiableList(list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
