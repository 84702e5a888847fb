package org.wfm.cli.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.function.Executable;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.InputProblem;

/** Test files and assertions on the problems of an {@link InputException}. */
final class Inputs {
    private Inputs() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Inputs.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code reading}, expects an InputException and returns it. */
    static InputException failing(Executable reading) {
        return assertThrows(InputException.class, reading);
    }

    /** Asserts that one of the problems has exactly this file, line and column and a message containing {@code part}. */
    static InputProblem assertProblem(InputException e, Path file, int line, String column, String part) {
        for (InputProblem p : e.problems()) {
            if (p.file().equals(file.toString()) && p.line() == line && java.util.Objects.equals(p.column(), column)
                    && p.message().contains(part)) {
                return p;
            }
        }
        return fail("no problem at " + file + " line " + line + ", column " + column + " containing \"" + part
                + "\"; got:\n" + e.problems().stream().map(InputProblem::describe).collect(Collectors.joining("\n")));
    }
}
