package org.wfm.cli.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.WfmException;
import org.wfm.cli.io.Durations;
import org.wfm.cli.io.Share;
import org.wfm.cli.io.Suggest;
import org.wfm.cli.io.Values;

/**
 * The command line as the user types it, read from the same {@link ShellMethod}/{@link ShellOption} annotations
 * Spring Shell reads, so the two never disagree about a name, a default or whether an option is mandatory.
 * <p>
 * Every call passes through {@link #parse} before Spring Shell sees it, because Spring Shell's parser knows
 * neither which option a bad value belongs to ("Failed to convert from type [java.lang.String] to type [int]")
 * nor what a misspelt option was meant to be; here each problem is one line naming the option and what was
 * expected. Values are converted by {@link #convert}, the one converter per type, which the shell's own
 * converters ({@link org.wfm.cli.WfmApplication}) call too.
 * <p>
 * {@link #quick} answers the commands that need no bean ({@code erlang}, {@code version}, {@code forecast},
 * {@code backtest}, {@code requirements}) before the Spring context starts (about a second of CPU less per call, half
 * the start-up of a quick command): it calls the same command method with the same parsed values and prints its
 * result as the shell would.
 */
public final class CommandLine {
    /** The classes holding wfm's commands; {@code CommandLineTest} checks this against the shell's catalogue. */
    static final List<Class<?>> COMMAND_CLASSES = List.of(DemoCommand.class, ForecastCommands.class,
            StaffingCommands.class, ScheduleCommands.class, SimulateCommand.class, PlanCommand.class,
            VersionCommand.class, CapacityCommand.class, IntradayCommand.class, AdherenceCommand.class,
            RequestCommands.class);
    /** Spring Shell's own commands a call may name. */
    public static final Set<String> BUILT_INS = Set.of("help", "completion");
    /**
     * Commands {@link #quick} answers without the Spring context: their classes have no injected beans (value
     * providers serve only the interactive shell's completion) and report errors by exception, which
     * {@code ErrorResolver.report} turns into the same line and exit code on both paths.
     */
    private static final Set<String> QUICK = Set.of("erlang", "version", "forecast", "backtest", "requirements");

    /** One option of a command. */
    public record Option(String name, Class<?> type, boolean required, String defaultValue, String help) {
        public boolean flag() {
            return type == boolean.class || type == Boolean.class;
        }

        /** What the value looks like, for messages: "a number", "a duration such as 5m"... */
        String expected() {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "a whole number";
            } else if (type == double.class || type == Double.class) {
                return "a number";
            } else if (type == Duration.class) {
                return "a duration such as 20s, 5m or plain seconds";
            } else if (type == Share.class) {
                return "a share such as 0.8, 80 or 80%";
            } else if (flag()) {
                return "nothing, or true or false";
            }
            return "a value";
        }
    }

    /** One command: its name, the method Spring Shell calls, and its options in declaration order. */
    public record Command(String name, Method method, List<Option> options) {
        Optional<Option> option(String name) {
            return options.stream().filter(o -> o.name().equals(name)).findFirst();
        }
    }

    private static volatile Map<String, Command> commands;

    private CommandLine() {
    }

    /** wfm's own commands by name, from the annotations. */
    public static Map<String, Command> commands() {
        Map<String, Command> c = commands;
        if (c == null) {
            Map<String, Command> m = new LinkedHashMap<>();
            for (Class<?> owner : COMMAND_CLASSES) {
                for (Method method : owner.getMethods()) {
                    ShellMethod sm = method.getAnnotation(ShellMethod.class);
                    if (sm != null) {
                        for (String key : sm.key()) {
                            m.put(key, new Command(key, method, options(method)));
                        }
                    }
                }
            }
            c = Collections.unmodifiableMap(m);
            commands = c;
        }
        return c;
    }

    /**
     * How many leading words name the command: 2 for a two-word command such as {@code timeoff check}, else 1.
     */
    public static int commandWords(List<String> words) {
        return words.size() > 1 && commands().containsKey(words.get(0) + " " + words.get(1)) ? 2 : 1;
    }

    /** Every command a call may name: wfm's and Spring Shell's built-ins, sorted. */
    public static SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>(commands().keySet());
        names.addAll(BUILT_INS);
        return names;
    }

    /** The usage error for a word that is no command, suggesting the closest one. */
    public static WfmException unknownCommand(String word) {
        return WfmException.usage("unknown command '" + word + "'"
                + Suggest.closest(word, names()).map(c -> " (did you mean '" + c + "'?)").orElse("")
                + "; commands: " + String.join(", ", names()) + " (try: wfm help)");
    }

    private static List<Option> options(Method method) {
        List<Option> out = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            ShellOption so = p.getAnnotation(ShellOption.class);
            String name = so != null && so.value().length > 0 ? so.value()[0] : "--" + p.getName();
            String def = so == null ? ShellOption.NONE : so.defaultValue();
            boolean flag = p.getType() == boolean.class || p.getType() == Boolean.class;
            if (flag && ShellOption.NONE.equals(def)) {
                def = "false";
            }
            boolean required = ShellOption.NONE.equals(def);
            out.add(new Option(name, p.getType(), required, required ? null : def, so == null ? "" : so.help()));
        }
        return List.copyOf(out);
    }

    /**
     * The method's arguments for {@code words} (what follows the command name), or empty for {@code --help}, which
     * Spring Shell answers.
     *
     * @throws WfmException (usage, exit 2) for an unknown or repeated option, a missing value or mandatory
     *                      option, a value without its option, or a value of the wrong form; the message names the option and what it expects
     */
    public static Optional<Object[]> parse(Command c, List<String> words) {
        if (words.contains("--help") || words.contains("-h")) {
            return Optional.empty();
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("--")) {
                // Spring Shell would give it to some option by position, silently: wfm's options are named
                throw WfmException.usage("unexpected value '" + w + "'" + (i == 0 ? "" : " after " + words.get(i - 1)
                        + (c.option(words.get(i - 1)).map(Option::flag).orElse(false) ? " (a flag: it takes no value)"
                        : "")) + "; give each value after its option, e.g. --name value");
            }
            Option o = c.option(w).orElseThrow(() -> unknownOption(c, w));
            String value;
            if (o.flag()) {
                boolean explicit = i + 1 < words.size()
                        && (words.get(i + 1).equalsIgnoreCase("true") || words.get(i + 1).equalsIgnoreCase("false"));
                value = explicit ? words.get(++i) : "true";
            } else {
                if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
                    throw WfmException.usage(w + " needs a value (" + o.expected() + ")"
                            + (o.help().isEmpty() ? "" : ": " + o.help()));
                }
                value = words.get(++i);
            }
            if (given.put(o.name(), value) != null) {
                throw WfmException.usage(w + " is given twice; give it once");
            }
        }
        Object[] args = new Object[c.options().size()];
        for (int k = 0; k < args.length; k++) {
            Option o = c.options().get(k);
            String text = given.get(o.name());
            if (text == null && o.required()) {
                throw WfmException.usage("Missing mandatory option '" + o.name() + "'"
                        + (o.help().isEmpty() ? "" : ", " + o.help()));
            }
            if (text == null && ShellOption.NULL.equals(o.defaultValue())) {
                args[k] = null;
            } else {
                args[k] = convert(o, text == null ? o.defaultValue() : text);
            }
        }
        return Optional.of(args);
    }

    private static WfmException unknownOption(Command c, String word) {
        List<String> names = c.options().stream().map(Option::name).toList();
        return WfmException.usage("Unrecognised option '" + word + "' for " + c.name()
                + Suggest.closest(word.substring(2), names.stream().map(n -> n.substring(2)).toList())
                .map(n -> " (did you mean '--" + n + "'?)")
                .orElse("; options: " + String.join(", ", names)));
    }

    /** The option's value from its text: the one converter per type (the shell's converters call it too). */
    public static Object convert(Option o, String text) {
        try {
            return convert(o.type(), text);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw WfmException.usage(o.name() + ": " + m + (m.contains("expected") ? ""
                    : " (expected " + o.expected() + (o.help().isEmpty() ? "" : ": " + o.help()) + ")"));
        }
    }

    /**
     * @throws IllegalArgumentException saying what was expected
     */
    public static Object convert(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        } else if (type == boolean.class || type == Boolean.class) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException("\"" + text + "\" is not true or false");
        } else if (type == double.class || type == Double.class) {
            return Values.numberOf(text);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            double x = Values.numberOf(text);
            boolean isInt = type == int.class || type == Integer.class;
            if (x != Math.rint(x) || Math.abs(x) > (isInt ? Integer.MAX_VALUE : 9.007199254740992E15)) {
                throw new IllegalArgumentException("\"" + text.trim() + "\" is not a whole number");
            }
            return isInt ? (Object) (int) x : (Object) (long) x;
        } else if (type == Duration.class) {
            return Durations.parseOrZero(text);
        } else if (type == Share.class) {
            return Share.parse(text);
        }
        throw new IllegalStateException("no converter for option type " + type);
    }

    /**
     * Answers {@code args} without the Spring context when it can: the {@link #QUICK} commands. Returns the exit
     * code, or empty when the full shell must run (any other command, {@code --help}, or the system property
     * {@code wfm.quick=false}, with which tests compare the two paths).
     */
    public static Optional<Integer> quick(List<String> args, java.io.PrintStream out) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String command = args.get(0);
        if (!QUICK.contains(command) || "false".equals(System.getProperty("wfm.quick"))) {
            return Optional.empty();
        }
        Command c = commands().get(command);
        Optional<Object[]> parsed = parse(c, args.subList(1, args.size()));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Object result;
        try {
            result = c.method().invoke(c.method().getDeclaringClass().getDeclaredConstructor().newInstance(),
                    parsed.get());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (result != null) {
            out.println(result);
        }
        return Optional.of(0);
    }
}
