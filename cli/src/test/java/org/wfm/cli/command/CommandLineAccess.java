package org.wfm.cli.command;

import java.util.Set;
import java.util.TreeSet;

/** Test access to CommandLine's package-private list of command classes. */
public final class CommandLineAccess {
    private CommandLineAccess() {
    }

    public static Set<String> commandClassNames() {
        Set<String> names = new TreeSet<>();
        CommandLine.COMMAND_CLASSES.forEach(c -> names.add(c.getName()));
        return names;
    }
}
