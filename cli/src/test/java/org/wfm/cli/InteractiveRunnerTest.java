package org.wfm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A line typed at the wfm:> prompt is checked as a command line is, and a mistake leaves the session's exit code 0. */
class InteractiveRunnerTest {

    private static String checked(List<String> words, boolean passes) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(InteractiveRunner.check(words)).isEqualTo(passes);
        } finally {
            System.setErr(old);
        }
        assertThat(ErrorResolver.lastExitCode()).as("a typing mistake is not the session's exit code").isZero();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void misspeltCommandsAndOptionsAreCaughtAtThePrompt() {
        assertThat(checked(List.of("schedul"), false)).startsWith("wfm: unknown command 'schedul' (did you mean 'schedule'?)");
        assertThat(checked(List.of("erlang", "--calls", "9", "--aht", "3m", "--patiense", "60"), false))
                .isEqualTo("wfm: Unrecognised option '--patiense' for erlang (did you mean '--patience'?)"
                        + System.lineSeparator());
        assertThat(checked(List.of("erlang", "--calls", "x", "--aht", "3m"), false))
                .startsWith("wfm: --calls: \"x\" is not a number");
    }

    @Test
    void goodLinesAndTheShellsOwnWordsGoThrough() {
        assertThat(checked(List.of("erlang", "--calls", "9", "--aht", "3m"), true)).isEmpty();
        assertThat(checked(List.of(), true)).isEmpty();
        assertThat(checked(List.of("help", "erlang"), true)).isEmpty();
        assertThat(checked(List.of("exit"), true)).isEmpty();
        assertThat(checked(List.of("erlang", "--help"), true)).isEmpty();
    }
}
