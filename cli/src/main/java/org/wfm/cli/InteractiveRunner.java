package org.wfm.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.springframework.core.annotation.Order;
import org.springframework.shell.ExitRequest;
import org.springframework.shell.Input;
import org.springframework.shell.InputProvider;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.PromptProvider;
import org.wfm.cli.command.CommandLine;

/**
 * The interactive shell ({@code wfm} with no arguments). Spring Shell's own runner is replaced for two things:
 * each line is checked by {@link CommandLine} first, so a bad value or a misspelt command or option gets the same
 * one-line message (with "did you mean") as on the command line; and the keys behave as in other shells: Ctrl-D
 * on an empty line leaves with exit code 0 (Spring Shell's runner exits 1), Ctrl-C abandons the line being typed.
 */
@Order(-90)
final class InteractiveRunner implements ShellRunner {
    /** Spring Shell's commands of the interactive shell that {@link CommandLine} does not read. */
    private static final Set<String> SHELL_WORDS = Set.of("exit", "quit", "clear", "help", "completion");

    private final LineReader lineReader;
    private final PromptProvider prompt;
    private final Shell shell;
    private final ShellContext context;

    InteractiveRunner(LineReader lineReader, PromptProvider prompt, Shell shell, ShellContext context) {
        this.lineReader = lineReader;
        this.prompt = prompt;
        this.shell = shell;
        this.context = context;
    }

    @Override
    public boolean run(String[] args) throws Exception {
        if (args.length > 0) {
            return false;
        }
        context.setInteractionMode(InteractionMode.INTERACTIVE);
        shell.run(new Lines());
        return true;
    }

    private final class Lines implements InputProvider {
        @Override
        public Input readInput() {
            try {
                lineReader.readLine(prompt.getPrompt().toAnsi(lineReader.getTerminal()));
            } catch (UserInterruptException e) {
                return Input.EMPTY;
            } catch (EndOfFileException e) {
                throw new ExitRequest(0);
            }
            List<String> words = List.copyOf(lineReader.getParsedLine().words()).stream()
                    .filter(w -> !w.isEmpty()).toList();
            String raw = lineReader.getParsedLine().line();
            Input input = new Input() {
                @Override
                public String rawText() {
                    return raw;
                }

                @Override
                public List<String> words() {
                    return words;
                }
            };
            return check(words) ? input : Input.EMPTY;
        }
    }

    /** True when the line may go to the shell; otherwise its one-line message has been printed. */
    static boolean check(List<String> words) {
        if (words.isEmpty() || SHELL_WORDS.contains(words.get(0))) {
            return true;
        }
        try {
            int n = CommandLine.commandWords(words);
            CommandLine.Command c = CommandLine.commands().get(String.join(" ", words.subList(0, n)));
            if (c == null) {
                throw CommandLine.unknownCommand(words.get(0));
            }
            Optional<Object[]> ignored = CommandLine.parse(c, words.subList(n, words.size()));
            return true;
        } catch (WfmException e) {
            ErrorResolver.report(e);
            ErrorResolver.reset(); // the shell goes on: a mistake typed at the prompt is not the session's exit code
            return false;
        }
    }
}
