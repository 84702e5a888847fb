package org.wfm.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. With no arguments the interactive shell opens; with arguments one command runs and the
 * process exits with the contract's code. Spring Shell reports an unknown command as 1 and lets some
 * failures escape as Spring Boot's "Application run failed" with a stack trace, so both are handled here.
 */
@SpringBootApplication
public class WfmApplication {

    /** Commands a non-interactive run may name (ours and Spring Shell's built-ins). */
    public static final Set<String> COMMANDS = Set.of("demo", "forecast", "backtest", "requirements", "erlang",
            "schedule", "simulate", "export", "plan", "help", "version", "completion");

    private static volatile boolean debug;

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
