package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * The contract's "Bad input" section, case by case through the CLI: each broken input ends with exit 3 (2 for
 * usage errors), one message naming the file, the line and column where there is one, and what was expected;
 * no stack trace; nothing written (neither the output nor a temporary file, nor the folder it would go in);
 * the input files byte for byte unchanged.
 */
class BadInputTest {
    @TempDir
    static Path root;
    private static int counter;

    @BeforeAll
    static void quietHome() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    /** What one case does: which command, which file it breaks, and what the message must say. */
    record Case(Command command, int code, Consumer<Path> breakIt, String... mustSay) {
    }

    enum Command { FORECAST, REQUIREMENTS, SCHEDULE, HORIZON_ZERO, HOLIDAYS, PLAN, EXPORT, SIMULATE, TIME_LIMIT }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        // history.csv through wfm forecast
        // semicolons, tabs and platform headers are dialects (HistoryDialectsTest); these are still refused
        add(all, "history: semicolon file with a comma-separated row", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history().replace(',', ';'), 5,
                        "2025-01-06T08:15,chat,3,600")),
                "history.csv", "line 5", "\"2025-01-06T08:15,chat,3,600\" is not a date-time");
        add(all, "history: tab-separated with day and month undecidable", Command.FORECAST, 3,
                d -> write(d, "history.csv", "Interval\tQueue\tOffered\n06/01/2025 08:00\tvoice\t3\n"
                        + "06/01/2025 08:15\tvoice\t4\n"),
                "history.csv", "line 2", "column Interval", "could be 6 January 2025 (dd/MM/yyyy) or 1 June 2025"
                        + " (MM/dd/yyyy)", "date_format=dd/MM/yyyy");
        add(all, "history: volume column renamed", Command.FORECAST, 3,
                d -> write(d, "history.csv", Fixtures.history().replaceFirst("volume", "count")),
                "history.csv", "line 1", "column volume", "expected");
        add(all, "history: interval_start column missing", Command.FORECAST, 3,
                d -> write(d, "history.csv", Fixtures.history().replaceFirst("interval_start", "when")),
                "history.csv", "line 1", "column interval_start", "expected");
        add(all, "history: non-numeric volume", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "2025-01-06T08:15,chat,abc,600")),
                "history.csv", "line 5", "column volume", "\"abc\" is not a number");
        add(all, "history: negative volume", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "2025-01-06T08:15,chat,-4,600")),
                "history.csv", "line 5", "column volume", "negative");
        add(all, "history: quoted decimal comma", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "2025-01-06T08:15,chat,\"12,5\",600")),
                "history.csv", "line 5", "column volume", "\"12,5\" is not a number");
        add(all, "history: unquoted decimal comma (one value too many)", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "2025-01-06T08:15,chat,12,5,600")),
                "history.csv", "line 5", "5 values", "4 columns");
        add(all, "history: impossible date", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "2025-13-06T08:30,chat,3,600")),
                "history.csv", "line 5", "column interval_start", "2025-13-06T08:30", "expected");
        add(all, "history: ambiguous day/month date", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "06/01/2025 08:30,chat,3,600")),
                "history.csv", "line 5", "column interval_start", "06/01/2025 08:30", "expected");
        add(all, "history: local time skipped by DST", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "2025-03-30T01:30,voice,3,300")),
                "history.csv", "line 5", "column interval_start", "does not exist");
        add(all, "history: duplicate interval", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 5, "2025-01-06T08:00,voice,3,300")),
                "history.csv", "line 5", "column interval_start", "duplicate of line 2");
        add(all, "history: mixed interval lengths", Command.FORECAST, 3,
                d -> write(d, "history.csv", Fixtures.history().lines()
                        .filter(l -> !l.startsWith("2025-01-08T") || l.matches("2025-01-08T\\d\\d:(00|30).*"))
                        .reduce("", (a, b) -> a + b + "\n")),
                "history.csv", "column interval_start", "mixed interval lengths", "2025-01-08");
        add(all, "history: empty file", Command.FORECAST, 3,
                d -> write(d, "history.csv", ""), "history.csv", "empty", "interval_start,channel,volume");
        add(all, "history: header only", Command.FORECAST, 3,
                d -> write(d, "history.csv", Fixtures.HISTORY_HEADER + "\n"), "history.csv", "no rows");
        add(all, "history: missing file", Command.FORECAST, 3,
                d -> delete(d.resolve("history.csv")), "history.csv", "not found");
        add(all, "history: a folder instead of a file", Command.FORECAST, 3,
                d -> {
                    delete(d.resolve("history.csv"));
                    mkdir(d.resolve("history.csv"));
                }, "history.csv", "folder");
        add(all, "history: binary garbage", Command.FORECAST, 3,
                d -> write(d, "history.csv", garbage(20_000)), "history.csv", "line 1");
        add(all, "history: one 5 MB line", Command.FORECAST, 3,
                d -> write(d, "history.csv", Fixtures.history() + "2025-02-09T20:00,voice," + "9".repeat(5_000_000)
                        + "\n"), "history.csv", "line " + (Fixtures.HISTORY_DAYS * 96 + 2), "longer than");
        add(all, "history: error after a blank line keeps the physical line number", Command.FORECAST, 3,
                d -> write(d, "history.csv", replaceLine(replaceLine(Fixtures.history(), 3, "\n" + "2025-01-06T08:00,chat,5,600"),
                        5, "2025-01-06T08:15,chat,abc,600")),
                "history.csv", "line 5", "column volume", "\"abc\" is not a number");
        add(all, "requirements: error after a blank line keeps the physical line number", Command.SCHEDULE, 3,
                d -> write(d, "requirements.csv", replaceLine(replaceLine(Fixtures.requirements(), 3,
                        "\n" + "2025-02-10T08:00,chat,5,600,0.6,1"), 5, "2025-02-10T08:15,voice,12,300,1.4,two")),
                "requirements.csv", "line 5", "column required_staff", "two");
        add(all, "forecast: --horizon-days 0", Command.HORIZON_ZERO, 2,
                d -> { }, "--horizon-days", "at least 1");

        // channels.yaml through wfm requirements
        add(all, "channels: YAML syntax error", Command.REQUIREMENTS, 3,
                d -> write(d, "channels.yaml", Fixtures.CHANNELS.replace("{kind: immediate,", "{kind: [immediate,")),
                "channels.yaml", "line");
        add(all, "channels: unknown key with a suggestion", Command.REQUIREMENTS, 3,
                d -> write(d, "channels.yaml", Fixtures.CHANNELS.replace("answer_seconds: 20", "answr_seconds: 20")),
                "channels.yaml", "line 5", "answr_seconds", "answer_seconds");
        add(all, "channels: unknown kind", Command.REQUIREMENTS, 3,
                d -> write(d, "channels.yaml", Fixtures.CHANNELS.replace("kind: concurrent", "kind: concurent")),
                "channels.yaml", "line 6", "concurent", "concurrent");
        add(all, "channels: bad time zone", Command.REQUIREMENTS, 3,
                d -> write(d, "channels.yaml", Fixtures.CHANNELS.replace("Europe/London", "Europe/Londn")),
                "channels.yaml", "line 1", "Europe/Londn");
        add(all, "forecast.csv: non-numeric volume", Command.REQUIREMENTS, 3,
                d -> write(d, "forecast.csv", replaceLine(read(d.resolve("forecast.csv")), 3,
                        "2025-02-10T08:00,chat,x,,,600")),
                "forecast.csv", "line 3", "column volume", "not a number");

        // rules.yaml, agents.csv, timeoff.csv, requirements.csv through wfm schedule
        add(all, "rules: YAML syntax error", Command.SCHEDULE, 3,
                d -> write(d, "rules.yaml", Fixtures.RULES.replace("days: 7}", "days: 7")),
                "rules.yaml", "line");
        add(all, "rules: unknown key with a suggestion", Command.SCHEDULE, 3,
                d -> write(d, "rules.yaml", Fixtures.RULES.replace("training:", "trainin:")),
                "rules.yaml", "line 5", "trainin", "training");
        add(all, "rules: horizon of 0 days", Command.SCHEDULE, 3,
                d -> write(d, "rules.yaml", Fixtures.RULES.replace("days: 7", "days: 0")),
                "rules.yaml", "line 1", "days");
        add(all, "agents: unknown channel in skills", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("voice:0.8", "email:0.8")),
                "agents.csv", "line 3", "column skills", "email");
        add(all, "agents: unknown site", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("A4,Di Dent,london", "A4,Di Dent,paris")),
                "agents.csv", "line 5", "column site", "paris");
        add(all, "agents: proficiency out of range", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("voice:1.0;chat:0.7", "voice:1.5;chat:0.7")),
                "agents.csv", "line 2", "column skills", "1.5");
        add(all, "agents: earliest start equals latest end", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("Mon-Sun,08:00,20:00", "Mon-Sun,08:00,08:00")),
                "agents.csv", "line 4", "latest_end");
        add(all, "agents: decimal comma in hourly_cost", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("14.50", "\"14,50\"")),
                "agents.csv", "line 2", "column hourly_cost", "14,50");
        add(all, "agents: renamed column", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("hourly_cost", "hourly_rate")),
                "agents.csv", "line 1", "hourly_cost", "hourly_rate");
        add(all, "agents: semicolon delimiter", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace(",", ";")),
                "agents.csv", "line 1", "semicolon");
        add(all, "agents: header only", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS_HEADER + "\n"), "agents.csv", "agent");
        add(all, "agents: empty file", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", ""), "agents.csv", "empty");
        add(all, "agents: binary garbage", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", garbage(4_000)), "agents.csv");
        add(all, "agents: a folder instead of a file", Command.SCHEDULE, 3,
                d -> {
                    delete(d.resolve("agents.csv"));
                    mkdir(d.resolve("agents.csv"));
                }, "agents.csv", "folder");
        add(all, "agents: duplicate agent id", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("A4,Di Dent", "A1,Di Dent")),
                "agents.csv", "line 5", "A1");
        add(all, "timeoff: unknown agent", Command.SCHEDULE, 3,
                d -> write(d, "timeoff.csv", "agent_id,date,start,end,reason\nA9,2025-02-11,,,holiday\n"),
                "timeoff.csv", "line 2", "column agent_id", "A9");
        add(all, "timeoff: bad date", Command.SCHEDULE, 3,
                d -> write(d, "timeoff.csv", "agent_id,date,start,end,reason\nA1,11/02/2025,,,holiday\n"),
                "timeoff.csv", "line 2", "column date", "11/02/2025");
        add(all, "requirements: non-numeric required_staff", Command.SCHEDULE, 3,
                d -> write(d, "requirements.csv", replaceLine(Fixtures.requirements(), 4,
                        "2025-02-10T08:15,voice,12,300,1.4,two")),
                "requirements.csv", "line 4", "column required_staff", "two");
        add(all, "requirements: duplicate interval", Command.SCHEDULE, 3,
                d -> write(d, "requirements.csv", replaceLine(Fixtures.requirements(), 4,
                        "2025-02-10T08:00,voice,12,300,1.4,2")),
                "requirements.csv", "line 4", "duplicate");
        add(all, "requirements: unquoted decimal comma (one value too many)", Command.SCHEDULE, 3,
                d -> write(d, "requirements.csv", replaceLine(Fixtures.requirements(), 4,
                        "2025-02-10T08:15,voice,12,5,300,1.4,2")),
                "requirements.csv", "line 4", "7 values");
        add(all, "requirements: missing column", Command.SCHEDULE, 3,
                d -> write(d, "requirements.csv", Fixtures.requirements().replaceFirst("required_staff", "staff")),
                "requirements.csv", "line 1", "required_staff");

        // holidays.csv, plan.yaml, a run folder read back (export, simulate), encodings and option values
        add(all, "holidays: bad effect", Command.HOLIDAYS, 3,
                d -> write(d, "holidays.csv", "date,name,effect\n2025-02-11,Pancake day,half\n"),
                "holidays.csv", "line 2", "effect", "half");
        add(all, "holidays: bad date", Command.HOLIDAYS, 3,
                d -> write(d, "holidays.csv", "date,name,effect\n11.02.2025,Pancake day,closed\n"),
                "holidays.csv", "line 2", "date", "11.02.2025");
        add(all, "plan: unknown key with a suggestion", Command.PLAN, 3,
                d -> write(d, "plan.yaml", PLAN.replace("history:", "histroy:")),
                "plan.yaml", "line 1", "histroy", "history");
        add(all, "plan: input file missing", Command.PLAN, 3,
                d -> write(d, "plan.yaml", PLAN.replace("agents: agents.csv", "agents: staff.csv")),
                "plan.yaml", "line 3", "agents", "staff.csv");
        add(all, "plan: a bad history value fails the whole batch", Command.PLAN, 3,
                d -> write(d, "history.csv", replaceLine(Fixtures.history(), 7, "2025-01-06T08:45,voice,lots,300")),
                "history.csv", "line 7", "column volume", "lots");
        add(all, "export: schedule.csv with a bad date", Command.EXPORT, 3,
                d -> write(d, "run/schedule.csv", "agent_id,date,start,end,activity,channel,location\n"
                        + "A1,2025-02-10,08:00,12:00,work,voice,london\nA1,2025-02-31,08:00,12:00,work,voice,london\n"),
                "schedule.csv", "line 3", "column date", "2025-02-31");
        add(all, "simulate: schedule.csv with an unknown activity", Command.SIMULATE, 3,
                d -> write(d, "run/schedule.csv", "agent_id,date,start,end,activity,channel,location\n"
                        + "A1,2025-02-10,08:00,12:00,work,voice,london\nA1,2025-02-11,08:00,12:00,nap,voice,london\n"),
                "schedule.csv", "line 3", "column activity", "nap");
        add(all, "agents: Latin-1 instead of UTF-8", Command.SCHEDULE, 3,
                d -> write(d, "agents.csv", Fixtures.AGENTS.replace("Ann Archer", "Ren\u00e9e Archer")
                        .getBytes(StandardCharsets.ISO_8859_1)),
                "agents.csv", "line 2", "UTF-8");
        add(all, "channels: UTF-16", Command.REQUIREMENTS, 3,
                d -> write(d, "channels.yaml", ("\uFEFF" + Fixtures.CHANNELS).getBytes(StandardCharsets.UTF_16LE)),
                "channels.yaml", "UTF-16");
        add(all, "schedule: --time-limit ten", Command.TIME_LIMIT, 2,
                d -> { }, "--time-limit", "ten");
        return all.stream();
    }

    /** plan.yaml beside the inputs; its runs go to ../out, which must stay absent when the plan is bad. */
    static final String PLAN = """
            history: history.csv
            channels: channels.yaml
            agents: agents.csv
            rules: rules.yaml
            forecast: {method: seasonal-naive, horizon_days: 14, level: 80}
            schedule: {start: 2025-02-10, days: 7, time_limit: 2s, seed: 1}
            runs: ../out/runs
            previous: none
            """;

    private static void add(List<Arguments> all, String name, Command command, int code, Consumer<Path> breakIt,
                            String... mustSay) {
        all.add(Arguments.of(Named.of(name, new Case(command, code, breakIt, mustSay))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputEndsCleanly(Case c) throws Exception {
        Path dir = root.resolve("case" + (++counter));
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Fixtures.write(in, "history.csv", Fixtures.history());
        Fixtures.ScheduleFiles files = Fixtures.scheduleFiles(in);
        Fixtures.write(in, "forecast.csv", smallForecast());
        Fixtures.write(in, "plan.yaml", PLAN);
        c.breakIt().accept(in);
        Map<String, String> before = Fixtures.snapshot(in);
        Path outParent = dir.resolve("out");
        String[] args = switch (c.command()) {
            case FORECAST -> new String[]{"forecast", "--history", in.resolve("history.csv").toString(),
                "--horizon-days", "7", "--timezone", "Europe/London", "--out",
                outParent.resolve("fc/forecast.csv").toString()};
            case HORIZON_ZERO -> new String[]{"forecast", "--history", in.resolve("history.csv").toString(),
                "--horizon-days", "0", "--out", outParent.resolve("fc/forecast.csv").toString()};
            case REQUIREMENTS -> new String[]{"requirements", "--forecast", in.resolve("forecast.csv").toString(),
                "--channels", files.channels().toString(), "--out", outParent.resolve("req/requirements.csv").toString()};
            case SCHEDULE -> files.args(outParent.resolve("run"), "--time-limit", "2s");
            case TIME_LIMIT -> files.args(outParent.resolve("run"), "--time-limit", "ten");
            case HOLIDAYS -> new String[]{"forecast", "--history", in.resolve("history.csv").toString(),
                "--holidays", in.resolve("holidays.csv").toString(), "--horizon-days", "7", "--timezone",
                "Europe/London", "--out", outParent.resolve("fc/forecast.csv").toString()};
            case PLAN -> new String[]{"plan", "--config", in.resolve("plan.yaml").toString(), "--date", "2025-02-09"};
            case EXPORT -> new String[]{"export", "--schedule", in.resolve("run").toString(), "--out",
                outParent.resolve("plan.xlsx").toString()};
            case SIMULATE -> new String[]{"simulate", "--schedule", in.resolve("run").toString(), "--forecast",
                in.resolve("forecast.csv").toString(), "--channels", files.channels().toString(), "--agents",
                files.agents().toString(), "--replications", "2"};
        };
        Run r = WfmRunner.run(args);

        assertThat(r.code()).as(r.toString()).isEqualTo(c.code());
        Fixtures.assertOneCleanMessage(r);
        String message = r.err().lines().filter(l -> l.startsWith("wfm: ")).findFirst().orElseThrow();
        for (String s : c.mustSay()) {
            assertThat(message).as(r.toString()).contains(s);
        }
        assertThat(message.length()).as("a message, not a dump: " + message.length() + " chars").isLessThan(2_000);
        assertThat(outParent).as("no output and no folder for it").doesNotExist();
        assertThat(Fixtures.snapshot(in)).as("inputs unchanged").isEqualTo(before);
    }

    /** forecast.csv as wfm forecast writes it: one day, two channels. */
    static String smallForecast() {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume,volume_lower,volume_upper,aht_seconds\n");
        for (int m = 8 * 60; m < 20 * 60; m += 15) {
            var t = java.time.LocalDate.of(2025, 2, 10).atStartOfDay().plusMinutes(m);
            sb.append(t).append(",voice,").append(Fixtures.volume(t, "voice")).append(",,,300\n");
            sb.append(t).append(",chat,").append(Fixtures.volume(t, "chat")).append(",,,600\n");
        }
        return sb.toString();
    }

    /** The text with line {@code line} (header = 1) replaced. */
    static String replaceLine(String text, int line, String replacement) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.set(line - 1, replacement);
        return String.join("\n", lines);
    }

    static byte[] garbage(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static void write(Path dir, String name, String text) {
        Fixtures.write(dir, name, text);
    }

    private static void write(Path dir, String name, byte[] bytes) {
        Fixtures.write(dir, name, bytes);
    }

    private static String read(Path p) {
        return Fixtures.read(p);
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void mkdir(Path p) {
        try {
            Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
