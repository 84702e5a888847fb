package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;
import org.wfm.cli.output.OutputReaders;

/**
 * The adversarial tester's attacks (issue 15: hostile values, look-alike ids, formula-looking text), each through
 * the CLI: before, they hung, ended in "internal error", or ran to exit 0 on nonsense; now each ends within seconds
 * with exit 3 (2 for a command-line value) and one message naming the file, line, column and the range expected,
 * writing nothing and leaving the inputs as they were.
 */
class HostileInputTest {
    @TempDir
    static Path root;
    private static int counter;

    @BeforeAll
    static void quietHome() {
        System.setProperty("wfm.home", WfmRunner.samples().getParent().toString());
    }

    enum Command { FORECAST, REQUIREMENTS, SCHEDULE, ERLANG }

    record Case(Command command, int code, Consumer<Path> breakIt, String... mustSay) {
    }

    static Stream<Arguments> attacks() {
        List<Arguments> all = new ArrayList<>();
        // forecast.csv through wfm requirements
        add(all, "forecast: chat volume 1e12 (hung: the Erlang search overflowed an int)", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 3, "2025-02-10T08:00,chat,1e12,,,600"),
                "forecast.csv line 3, column volume", "out of range", "from 0 to 1000000 contacts");
        add(all, "forecast: volume 1e308 (was exit 1, internal error)", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 3, "2025-02-10T08:00,chat,1e308,,,600"),
                "forecast.csv line 3, column volume", "from 0 to 1000000");
        add(all, "forecast: in-range volume and AHT whose load no staffing can meet", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 2, "2025-02-10T08:00,voice,40000,,,28800"),
                "forecast.csv line 2, column volume", "voice at 2025-02-10T08:00", "more than 1,000,000 agents");
        add(all, "forecast: aht_seconds -1 (was replaced by the channel's AHT)", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 2, "2025-02-10T08:00,voice,10,,,-1"),
                "forecast.csv line 2, column aht_seconds", "from 1 to 28800 seconds");
        add(all, "forecast: aht_seconds 0 with contacts (was replaced by the channel's AHT)", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 2, "2025-02-10T08:00,voice,10,,,0"),
                "forecast.csv line 2, column aht_seconds", "from 1 to 28800 seconds");
        add(all, "forecast: AHT in milliseconds", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 2, "2025-02-10T08:00,voice,10,,,300000"),
                "forecast.csv line 2, column aht_seconds", "milliseconds", "300 s");
        add(all, "forecast: 15-minute rows read with interval_minutes: 30 (halved the requirement)",
                Command.REQUIREMENTS, 3,
                d -> write(d, "channels.yaml", Fixtures.CHANNELS.replace("interval_minutes: 15", "interval_minutes: 30")),
                "forecast.csv", "15 minutes apart", "interval_minutes: 30");
        add(all, "forecast: a channel channels.yaml lacks (was ignored with a note)", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 3, "2025-02-10T08:00,sms,3,,,600"),
                "forecast.csv line 3, column channel", "`sms` is not in");
        add(all, "forecast: NUL byte in a channel name (made a new channel)", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 3, "2025-02-10T08:00,ch\u0000at,3,,,600"),
                "forecast.csv line 3, column channel", "NUL");
        add(all, "forecast: date in 1900", Command.REQUIREMENTS, 3,
                d -> forecastLine(d, 2, "1900-02-10T08:00,voice,10,,,300"),
                "forecast.csv line 2, column interval_start", "from 1990-01-01 to 2100-12-31");

        // history.csv through wfm forecast
        add(all, "history: AHT in milliseconds (forecast 27,463 staff without a word)", Command.FORECAST, 3,
                d -> write(d, "history.csv", Fixtures.history().replace(",300\n", ",300000\n")),
                "history.csv line 2, column aht_seconds", "from 1 to 28800 seconds", "milliseconds");
        add(all, "history: one row in 2100 (empty forecast, exit 0)", Command.FORECAST, 3,
                d -> write(d, "history.csv", Fixtures.history() + "2100-01-04T08:00,voice,12,300\n"),
                "history.csv line 3362, column interval_start", "days apart", "is the year mistyped");
        add(all, "history: a row in 1900", Command.FORECAST, 3,
                d -> write(d, "history.csv", BadInputTest.replaceLine(Fixtures.history(), 4, "1900-01-06T08:15,voice,3,300")),
                "history.csv line 4, column interval_start", "from 1990-01-01 to 2100-12-31");
        add(all, "history: volume 1e12", Command.FORECAST, 3,
                d -> write(d, "history.csv", BadInputTest.replaceLine(Fixtures.history(), 4, "2025-01-06T08:15,voice,1e12,300")),
                "history.csv line 4, column volume", "from 0 to 1000000");
        add(all, "history: NUL byte in a channel name (made a new channel)", Command.FORECAST, 3,
                d -> write(d, "history.csv", BadInputTest.replaceLine(Fixtures.history(), 4, "2025-01-06T08:15,vo\u0000ice,3,300")),
                "history.csv line 4, column channel", "NUL");
        add(all, "history: `Voice` beside `voice` (two channels of one queue)", Command.FORECAST, 3,
                d -> write(d, "history.csv", BadInputTest.replaceLine(Fixtures.history(), 4, "2025-01-06T08:15,Voice,3,300")),
                "history.csv line 4, column channel", "`Voice`", "line 2");

        // agents.csv, timeoff.csv, rules.yaml, channels.yaml through wfm schedule
        add(all, "agents: hourly_cost 1e308 (cost Infinity in summary.json)", Command.SCHEDULE, 3,
                d -> agentsLine(d, 2, "A1,Ann Archer,london,onsite,full-time,voice:1.0,,24,40,1e308,Mon-Fri,08:00,20:00"),
                "agents.csv line 2, column hourly_cost", "at most 10000");
        add(all, "agents: A1 and a1 (the same person scheduled twice)", Command.SCHEDULE, 3,
                d -> appendAgent(d, "a1,Ann Again,london,onsite,full-time,voice:1.0,,24,40,14,Mon-Fri,08:00,20:00"),
                "agents.csv line 6, column agent_id", "`a1`", "line 2", "`A1`");
        add(all, "agents: A1 with a no-break space", Command.SCHEDULE, 3,
                d -> appendAgent(d, "A1\u00A0,Ann Again,london,onsite,full-time,voice:1.0,,24,40,14,Mon-Fri,08:00,20:00"),
                "agents.csv line 6, column agent_id", "line 2");
        add(all, "agents: A1 in full-width characters", Command.SCHEDULE, 3,
                d -> appendAgent(d, "\uFF21\uFF11,Ann Again,london,onsite,full-time,voice:1.0,,24,40,14,Mon-Fri,08:00,20:00"),
                "agents.csv line 6, column agent_id", "line 2", "`A1`");
        add(all, "agents: max_hours_week 200", Command.SCHEDULE, 3,
                d -> agentsLine(d, 2, "A1,Ann Archer,london,onsite,full-time,voice:1.0,,24,200,14,Mon-Fri,08:00,20:00"),
                "agents.csv line 2, column max_hours_week", "at most 168");
        add(all, "timeoff: a date in 1900", Command.SCHEDULE, 3,
                d -> write(d, "timeoff.csv", "agent_id,date,start,end,reason\nA1,1900-02-11,,,leave\n"),
                "timeoff.csv line 2, column date", "from 1990-01-01 to 2100-12-31");
        add(all, "rules: horizon in 1900 (3,467 paid hours against no demand)", Command.SCHEDULE, 3,
                d -> write(d, "rules.yaml", Fixtures.RULES.replace("start: 2025-02-10", "start: 1900-02-10")),
                "rules.yaml line 1, column horizon.start", "from 1990-01-01 to 2100-12-31");
        add(all, "rules: horizon a year away from the requirements (\"every interval covered\")", Command.SCHEDULE, 3,
                d -> write(d, "rules.yaml", Fixtures.RULES.replace("start: 2025-02-10", "start: 2026-02-09")),
                "rules.yaml column horizon", "2026-02-09", "requirements.csv covers 2025-02-10 .. 2025-02-16");
        add(all, "channels: `voice` and `Voice`", Command.SCHEDULE, 3,
                d -> write(d, "channels.yaml", Fixtures.CHANNELS + "  Voice: {kind: immediate, service_level: 0.8,"
                        + " answer_seconds: 20, aht_seconds: 300}\n"),
                "channels.yaml line 7", "`Voice`", "line 5");
        add(all, "channels: aht_seconds 1e6", Command.SCHEDULE, 3,
                d -> write(d, "channels.yaml", Fixtures.CHANNELS.replace("aht_seconds: 300", "aht_seconds: 1e6")),
                "channels.yaml line 5, column channels.voice.aht_seconds", "at most 28800");
        add(all, "requirements: required_staff 1e9", Command.SCHEDULE, 3,
                d -> write(d, "requirements.csv", BadInputTest.replaceLine(Fixtures.requirements(), 2,
                        "2025-02-10T08:00,voice,10,300,1.4,1e9")),
                "requirements.csv line 2, column required_staff", "from 0 to 1000000 agents");

        add(all, "erlang: 1e7 calls of a day each in one minute (hung)", Command.ERLANG, 2, d -> { },
                "needs more than 1,000,000 agents");
        return all.stream();
    }

    private static void add(List<Arguments> all, String name, Command command, int code, Consumer<Path> breakIt,
                            String... mustSay) {
        all.add(Arguments.of(Named.of(name, new Case(command, code, breakIt, mustSay))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackEndsCleanly(Case c) throws Exception {
        Path dir = root.resolve("case" + (++counter));
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Fixtures.write(in, "history.csv", Fixtures.history());
        Fixtures.ScheduleFiles files = Fixtures.scheduleFiles(in);
        Fixtures.write(in, "forecast.csv", BadInputTest.smallForecast());
        c.breakIt().accept(in);
        Map<String, String> before = Fixtures.snapshot(in);
        Path out = dir.resolve("out");
        String[] args = switch (c.command()) {
            case FORECAST -> new String[]{"forecast", "--history", in.resolve("history.csv").toString(),
                "--horizon-days", "7", "--timezone", "Europe/London", "--out", out.resolve("forecast.csv").toString()};
            case REQUIREMENTS -> new String[]{"requirements", "--forecast", in.resolve("forecast.csv").toString(),
                "--channels", files.channels().toString(), "--out", out.resolve("requirements.csv").toString()};
            case SCHEDULE -> files.args(out.resolve("run"), "--time-limit", "2s");
            case ERLANG -> new String[]{"erlang", "--calls", "1e7", "--aht", "86400", "--interval-minutes", "1"};
        };
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> WfmRunner.run(args));

        assertThat(r.code()).as(r.toString()).isEqualTo(c.code());
        Fixtures.assertOneCleanMessage(r);
        String message = r.err().lines().filter(l -> l.startsWith("wfm: ")).findFirst().orElseThrow();
        for (String s : c.mustSay()) {
            assertThat(message).as(r.toString()).contains(s);
        }
        assertThat(message.length()).isLessThan(2_000);
        assertThat(out).as("no output and no folder for it").doesNotExist();
        assertThat(Fixtures.snapshot(in)).as("inputs unchanged").isEqualTo(before);
    }

    @Test
    void milliseconds_below_the_range_are_warned_about() {
        Path in = root.resolve("ms-warning");
        // 5-second and 10-second handling times written in milliseconds: within 8 hours, but not a contact centre
        Fixtures.write(in, "history.csv", Fixtures.history().replace(",300\n", ",5000\n").replace(",600\n", ",10000\n"));
        Run r = WfmRunner.run("forecast", "--history", in.resolve("history.csv").toString(), "--horizon-days", "7",
                "--timezone", "Europe/London", "--out", in.resolve("out/forecast.csv").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("channel voice has a median AHT of 5000 s")
                .contains("milliseconds").contains("channel chat has a median AHT of 10000 s");
    }

    @Test
    void look_alike_channel_in_a_forecast_is_the_channel_of_channels_yaml() throws IOException {
        Path in = root.resolve("look-alike-channel");
        Path channels = Fixtures.write(in, "channels.yaml", Fixtures.CHANNELS);
        Path forecast = Fixtures.write(in, "forecast.csv", BadInputTest.smallForecast().replace(",voice,", ",Voice,"));
        Path out = in.resolve("requirements.csv");
        Run r = WfmRunner.run("requirements", "--forecast", forecast.toString(), "--channels", channels.toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(out)).contains(",voice,").doesNotContain("Voice");
    }

    @Test
    void a_poi_refusal_never_reaches_stdout() throws IOException {
        Path in = root.resolve("doctype");
        Path xlsx = in.resolve("history.xlsx");
        Files.createDirectories(in);
        Files.write(xlsx, workbookWithDoctype());
        Run r = WfmRunner.run("forecast", "--history", xlsx.toString(), "--horizon-days", "7", "--out",
                in.resolve("out/forecast.csv").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).as("stdout is for results only").isBlank();
        Fixtures.assertOneCleanMessage(r);
        assertThat(r.err()).contains("history.xlsx").contains("DOCTYPE");
    }

    @Test
    void a_named_pipe_is_not_a_missing_file() throws Exception {
        Path in = root.resolve("fifo");
        Files.createDirectories(in);
        Path fifo = in.resolve("history.csv");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is available");
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> WfmRunner.run("forecast", "--history",
                fifo.toString(), "--horizon-days", "7", "--out", in.resolve("out/forecast.csv").toString()));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("history.csv").contains("not a regular file").doesNotContain("not found");
    }

    /**
     * Formula-looking names and ids go into schedule.csv protected by a quote, and every reader of schedule.csv
     * (export, simulate, --previous) reads the original text back: the names reach plan.xlsx unchanged and the
     * agent `=A5` of the previous run is the agent `=A5` of agents.csv.
     */
    @Test
    void formula_looking_text_is_written_as_text_and_read_back() throws IOException {
        Path in = root.resolve("formulas");
        Fixtures.ScheduleFiles files = Fixtures.scheduleFiles(in);
        String[] names = {"=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-2+3+cmd"};
        Fixtures.write(in, "agents.csv", Fixtures.AGENTS_HEADER + "\n"
                + "A1,\"" + names[0].replace("\"", "\"\"") + "\",london,onsite,full-time,voice:1.0;chat:0.7,,24,40,14.50,Mon-Fri,08:00,20:00\n"
                + "A2," + names[1] + ",london,hybrid,part-time,voice:0.8,,8,24,13.00,\"Mon,Wed,Fri\",08:00,20:00\n"
                + "A3," + names[2] + ",,remote,on-demand,chat:1.0,,0,30,15.25,Mon-Sun,08:00,20:00\n"
                + "A4," + names[3] + ",london,onsite,full-time,voice:1.0;chat:1.0,,24,40,14.00,Mon-Fri,08:00,20:00\n"
                + "=A5,Eve Evans,london,onsite,full-time,voice:1.0;chat:1.0,,24,40,14.00,Mon-Fri,08:00,20:00\n");
        Path run = in.resolve("run");
        Run r = WfmRunner.run(files.args(run, "--time-limit", "1s"));
        assertThat(r.code()).as(r.toString()).isIn(0, 4);
        String csv = Files.readString(run.resolve("schedule.csv"));
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(csv))) {
            for (var record : parser) {
                for (String cell : record) {
                    assertThat(cell).as(record.toString()).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("@").doesNotStartWith("-2");
                }
            }
        }
        assertThat(csv).contains("'=A5,");
        Map<String, String> read = OutputReaders.readNames(run.resolve("schedule.csv"));
        assertThat(read).containsEntry("=A5", "Eve Evans");
        assertThat(OutputReaders.readSchedule(run.resolve("schedule.csv"))).extracting(s -> s.agentId())
                .contains("=A5").doesNotContain("'=A5");
        for (int i = 0; i < names.length; i++) {
            if (read.containsKey("A" + (i + 1))) {
                assertThat(read.get("A" + (i + 1))).isEqualTo(names[i]);
            }
        }
        Run again = WfmRunner.run(files.args(in.resolve("run2"), "--time-limit", "1s", "--previous", run.toString()));
        assertThat(again.code()).as(again.toString()).isIn(0, 4);
        Run export = WfmRunner.run("export", "--schedule", run.toString(), "--out", in.resolve("plan.xlsx").toString());
        assertThat(export.code()).as(export.toString()).isZero();
        Run sim = WfmRunner.run("simulate", "--schedule", run.toString(), "--forecast", files.requirements().toString(),
                "--channels", files.channels().toString(), "--agents", files.agents().toString(), "--replications", "2",
                "--force");
        assertThat(sim.code()).as(sim.toString()).isZero();
        assertThat(Files.readString(run.resolve("summary.json"))).doesNotContain("Infinity").doesNotContain("NaN");
    }

    private static void forecastLine(Path dir, int line, String text) {
        write(dir, "forecast.csv", BadInputTest.replaceLine(BadInputTest.smallForecast(), line, text));
    }

    private static void agentsLine(Path dir, int line, String text) {
        write(dir, "agents.csv", BadInputTest.replaceLine(Fixtures.AGENTS, line, text));
    }

    private static void appendAgent(Path dir, String text) {
        write(dir, "agents.csv", Fixtures.AGENTS + text + "\n");
    }

    private static void write(Path dir, String name, String text) {
        Fixtures.write(dir, name, text);
    }

    /** A minimal .xlsx whose sheet declares a DOCTYPE with an external entity (an XXE attempt). */
    static byte[] workbookWithDoctype() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"applicat"
                    + "ion/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"appli"
                    + "cation/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformat"
                    + "s-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\""
                    + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.o"
                    + "penxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.ope"
                    + "nxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.o"
                    + "penxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeD"
                    + "ocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksh"
                    + "eets/sheet1.xml\"/></Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE foo [<!ENTITY"
                    + " xxe SYSTEM \"file:///etc/passwd\">]>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spre"
                    + "adsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is>"
                    + "</c></row></sheetData></worksheet>");
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
