package org.wfm.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandExecution;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.stereotype.Component;
import org.wfm.forecast.io.InputException;

/**
 * The one place where failures become exit codes and one-line messages: input data errors 3, usage
 * errors 2, strict-mode shortfalls 4, anything unexpected 1. Stack traces only with {@code --debug}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ErrorResolver implements CommandExceptionResolver {

    private static volatile int lastExitCode;

    static void reset() {
        lastExitCode = 0;
    }

    static int lastExitCode() {
        return lastExitCode;
    }

    @Override
    public CommandHandlingResult resolve(Exception e) {
        int code = report(e);
        return CommandHandlingResult.of("", code);
    }

    /** Prints the one-line message for {@code t} on stderr and returns its exit code. */
    static int report(Throwable t) {
        // a failed step leaves its progress line open: clear it, or the shell's prompt would be drawn over
        Console.endProgress();
        Throwable cause = unwrap(t);
        int code;
        String message;
        if (cause instanceof CommandExecution.CommandParserExceptionsException pe) {
            // Said here, before Spring Shell's own resolver, which writes them in red even into a pipe or a log.
            pe.getParserExceptions().forEach(x -> System.err.println("wfm: " + x.getMessage()));
            lastExitCode = ExitCodes.USAGE;
            return ExitCodes.USAGE;
        }
        if (cause instanceof InputException ie) {
            code = ExitCodes.INPUT;
            message = ie.getMessage();
        } else if (cause instanceof WfmException we) {
            code = we.exitCode();
            message = we.getMessage();
        } else if (cause instanceof NoSuchFileException nf) {
            code = ExitCodes.INPUT;
            message = nf.getFile() + ": file not found";
        } else if (cause instanceof AccessDeniedException ad) {
            code = ExitCodes.INPUT;
            message = ad.getFile() + ": permission denied";
        } else if (cause instanceof IllegalArgumentException iae && isOptionProblem(iae)) {
            code = ExitCodes.USAGE;
            message = iae.getMessage();
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + cause + " (run again with --debug for details)";
        }
        System.err.println("wfm: " + message);
        if (WfmApplication.debug()) {
            t.printStackTrace();
        }
        lastExitCode = code;
        return code;
    }

    private static boolean isOptionProblem(IllegalArgumentException e) {
        // "Unknown command 'x'" is Spring Shell's help naming a command that does not exist (wfm help x)
        return e.getClass() == IllegalArgumentException.class && e.getMessage() != null
                && (e.getMessage().startsWith("--") || e.getMessage().startsWith("Unknown command"));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof UncheckedIOException
                || c instanceof java.lang.reflect.InvocationTargetException
                || c instanceof java.lang.reflect.UndeclaredThrowableException)
                && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
