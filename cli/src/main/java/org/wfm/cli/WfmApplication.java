package org.wfm.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Entry point. With no arguments the interactive shell opens; with arguments one command runs and the
 * process exits with the contract's code. Spring Shell reports an unknown command as 1 and lets some
 * failures escape as Spring Boot's "Application run failed" with a stack trace, so both are handled here.
 */
@SpringBootApplication
public class WfmApplication {

    /** Commands a non-interactive run may name (ours and Spring Shell's built-ins). */
    public static final Set<String> COMMANDS = Set.of("demo", "capacity", "forecast", "backtest", "requirements", "erlang",
            "schedule", "simulate", "export", "plan", "help", "version", "completion");

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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs wfm and returns the exit code (tests call this directly). */
    public static int run(String[] rawArgs) {
        List<String> args = new ArrayList<>(Arrays.asList(rawArgs));
        debug = args.remove("--debug");
        nonInteractive = !args.isEmpty();
        if (!args.isEmpty()) {
            String command = args.get(0);
            if (command.equals("--help") || command.equals("-h")) {
                args.set(0, "help");
            } else if (!COMMANDS.contains(command)) {
                System.err.println("wfm: unknown command '" + command + "'; commands: "
                        + String.join(", ", new java.util.TreeSet<>(COMMANDS)) + " (try: wfm help)");
                return ExitCodes.USAGE;
            }
        }
        System.setProperty("java.awt.headless", "true");
        // ojAlgo otherwise prints a hardware-profile banner on stdout the first time the LP bound runs
        System.setProperty("shut.up.ojAlgo", "true");
        ErrorResolver.reset();
        try {
            SpringApplication app = new SpringApplication(WfmApplication.class);
            ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new));
            int code = SpringApplication.exit(ctx);
            return code != 0 ? code : ErrorResolver.lastExitCode();
        } catch (Throwable t) {
            int code = ErrorResolver.lastExitCode();
            if (code != 0) {
                return code;
            }
            return ErrorResolver.report(t);
        }
    }
}
