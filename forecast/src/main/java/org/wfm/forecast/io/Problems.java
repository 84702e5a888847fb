package org.wfm.forecast.io;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file so that all of them are reported together. */
public final class Problems {
    private final String file;
    private final List<InputProblem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(int line, String column, String message) {
        list.add(new InputProblem(file, line, column, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Throws an {@link InputException} listing every problem, if there are any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InputException(list);
        }
    }
}
