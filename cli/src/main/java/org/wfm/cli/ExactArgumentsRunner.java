package org.wfm.cli;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.shell.Input;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;

/**
 * Runs the one command of a non-interactive call with its arguments exactly as the operating system passed them.
 * Spring Shell's own runner joins the arguments into one line (quoting only those with spaces) and splits it again
 * with JLine's parser, which eats quotes and backslashes and drops newlines: {@code --out 'say "hi".csv'} wrote
 * {@code say hi".csv"} and {@code --forecast 'in\put.csv'} read {@code input.csv}. Here each argument is one word,
 * untouched; ordered before Spring Shell's runner ({@code @Order(-50)}), which then never sees the arguments.
 */
@Order(-100)
final class ExactArgumentsRunner implements ShellRunner {
    private final Shell shell;
    private final ShellContext context;

    ExactArgumentsRunner(Shell shell, ShellContext context) {
        this.shell = shell;
        this.context = context;
    }

    @Override
    public boolean run(String[] args) throws Exception {
        if (args.length == 0) {
            return false;
        }
        List<String> words = List.of(args);
        Input input = new Input() {
            @Override
            public String rawText() {
                return String.join(" ", words);
            }

            @Override
            public List<String> words() {
                return words;
            }
        };
        boolean[] given = {false};
        context.setInteractionMode(InteractionMode.NONINTERACTIVE);
        shell.run(() -> {
            if (given[0]) {
                return null;
            }
            given[0] = true;
            return input;
        });
        return true;
    }
}
