package org.wfm.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.wfm.cli.command.CommandLine;

/**
 * Entry point. With no arguments the interactive shell opens; with arguments one command runs and the
 * process exits with the contract's code. Spring Shell reports an unknown command as 1 and lets some
 * failures escape as Spring Boot's "Application run failed" with a stack trace, so both are handled here.
 */
@SpringBootApplication
public class WfmApplication {

    private static volatile boolean debug;
    private static volatile boolean nonInteractive;

    /**
     * One command from the arguments: the shell's terminal is swapped for a plain one on the current standard
     * streams, so results go to whatever stdout is (a pipe, a log, a test) without colour codes. Spring Shell
     * defines its terminal unconditionally, hence a post-processor rather than a bean of our own.
     */
    @Bean
    static BeanPostProcessor plainTerminalForCommands() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (nonInteractive && bean instanceof Terminal system) {
                    try {
                        // On a real terminal JLine's system terminal writes through standard output's own file
                        // descriptor and closing it closes stdout: every result after it was lost on a terminal
                        // (pipes and tests were fine). Only the stand-in used off a terminal is closed.
                        if (Terminal.TYPE_DUMB.equals(system.getType())
                                || Terminal.TYPE_DUMB_COLOR.equals(system.getType())) {
                            system.close();
                        }
                        Terminal plain = TerminalBuilder.builder().system(false)
                                .streams(java.io.InputStream.nullInputStream(), System.out)
                                .type("dumb").encoding(StandardCharsets.UTF_8).build();
                        // plain LF line ends in pipes and logs
                        org.jline.terminal.Attributes attrs = plain.getAttributes();
                        attrs.setOutputFlag(org.jline.terminal.Attributes.OutputFlag.ONLCR, false);
                        attrs.setOutputFlag(org.jline.terminal.Attributes.OutputFlag.OPOST, false);
                        plain.setAttributes(attrs);
                        return plain;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return bean;
            }
        };
    }

    /** Non-interactive calls: the arguments reach the command exactly as given (see ExactArgumentsRunner). */
    @Bean
    static org.springframework.shell.ShellRunner exactArgumentsRunner(org.springframework.shell.Shell shell,
            org.springframework.shell.context.ShellContext context) {
        return new ExactArgumentsRunner(shell, context);
    }

    public static boolean debug() {
        return debug;
    }

    /**
     * What is decided before the Spring context starts: an unknown command (with the closest name), the options
     * of wfm's own commands (CommandLine names the option and what it expects), and the quick commands answered
     * at once. Empty when the shell must run.
     */
    private static Optional<Integer> early(List<String> args) {
        int words = CommandLine.commandWords(args);
        String command = String.join(" ", args.subList(0, words));
        if (!CommandLine.names().contains(command)) {
            throw CommandLine.unknownCommand(command);
        }
        Optional<Integer> quick = CommandLine.quick(args, System.out);
        if (quick.isPresent()) {
            return quick;
        }
        CommandLine.Command c = CommandLine.commands().get(command);
        if (c != null) {
            CommandLine.parse(c, args.subList(words, args.size()));
        }
        return Optional.empty();
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The interactive shell: Spring Shell's runner with each line checked first and Ctrl-D leaving with 0. */
    @Bean
    static org.springframework.shell.ShellRunner interactiveRunner(org.jline.reader.LineReader lineReader,
            org.springframework.shell.jline.PromptProvider prompt, org.springframework.shell.Shell shell,
            org.springframework.shell.context.ShellContext context) {
        return new InteractiveRunner(lineReader, prompt, shell, context);
    }

    /** Option values of the shell's own parsing converted by the one converter (CommandLine checks them first). */
    @Bean
    static org.springframework.core.convert.converter.Converter<String, org.wfm.cli.io.Share> shareConverter() {
        return text -> (org.wfm.cli.io.Share) CommandLine.convert(org.wfm.cli.io.Share.class, text);
    }

    @Bean
    static org.springframework.core.convert.converter.Converter<String, java.time.Duration> durationConverter() {
        return text -> (java.time.Duration) CommandLine.convert(java.time.Duration.class, text);
    }

    /** Runs wfm and returns the exit code (tests call this directly). */
    public static int run(String[] rawArgs) {
        List<String> args = new ArrayList<>(Arrays.asList(rawArgs));
        debug = args.remove("--debug");
        nonInteractive = !args.isEmpty();
        ErrorResolver.reset();
        if (!args.isEmpty()) {
            String command = args.get(0);
            if (command.equals("--help") || command.equals("-h")) {
                args.set(0, "help");
            } else if (command.equals("--version")) {
                args.set(0, "version");
            }
            try {
                Optional<Integer> early = early(args);
                if (early.isPresent()) {
                    return early.get();
                }
            } catch (Throwable t) {
                return ErrorResolver.report(t);
            }
        }
        System.setProperty("java.awt.headless", "true");
        // ojAlgo otherwise prints a hardware-profile banner on stdout the first time the LP bound runs
        System.setProperty("shut.up.ojAlgo", "true");
        try {
            SpringApplication app = new SpringApplication(WfmApplication.class);
            ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new));
            int code = SpringApplication.exit(ctx);
            // in the interactive shell a failed command is reported and the session goes on: leaving it is 0
            return code != 0 || !nonInteractive ? code : ErrorResolver.lastExitCode();
        } catch (Throwable t) {
            int code = ErrorResolver.lastExitCode();
            if (code != 0) {
                return code;
            }
            return ErrorResolver.report(t);
        }
    }
}
