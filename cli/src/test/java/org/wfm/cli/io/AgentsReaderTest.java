package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.staffing.ChannelPlan;

class AgentsReaderTest {
    static final String HEADER = "agent_id,name,site,work_mode,employment,skills,development,min_hours_week,"
            + "max_hours_week,hourly_cost,available_days,earliest_start,latest_end";
    static final String GOOD = "A1,Ann,london,onsite,full-time,voice:1.0;chat:0.7,email:6,37.5,40,14.50,Mon-Fri,07:00,19:00";

    @TempDir
    Path dir;
    private final ChannelPlan channels = ChannelsReader.read(Inputs.resource("channels.yaml"));
    private final Rules rules = RulesReader.read(Inputs.resource("rules.yaml"));

    private Path csv(String... lines) {
        return Inputs.write(dir, "agents.csv", String.join("\n", lines) + "\n");
    }

    private List<Agent> read(Path p, Notes notes) {
        return AgentsReader.read(p, channels, rules, notes);
    }

    /** The file with one row whose named column is replaced by {@code value} (written as given, so quote if needed). */
    private InputException badValue(String column, String value) {
        String[] names = HEADER.split(",");
        String[] cells = GOOD.split(",");
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(column)) {
                cells[i] = value;
            }
        }
        Path p = csv(HEADER, GOOD.replace("A1,", "A0,"), String.join(",", cells));
        return failing(() -> read(p, new Notes()));
    }

    private Path file() {
        return dir.resolve("agents.csv");
    }

    @Test
    void bomCrlfQuotedFieldsExtraColumnsAndTrailingBlankLines() {
        String text = "\uFEFF" + HEADER + ",team\r\n"
                + "\"A1\",\"Archer, Ann\",london,onsite,full-time,\"voice:1.0;chat:0.7\",,37.5,40,14.50,\"Mon,Wed,Fri\",07:00,19:00,blue\r\n"
                + "A2,\"Multi\r\nline\",,remote,on-demand,chat,,0,20,11,Sat-Mon,22:00,06:00,red\r\n"
                + "\r\n\r\n";
        Notes notes = new Notes();
        List<Agent> agents = read(Inputs.write(dir, "agents.csv", text.getBytes(StandardCharsets.UTF_8)), notes);
        assertEquals(2, agents.size());
        assertEquals("A1", agents.get(0).id());
        assertEquals("Archer, Ann", agents.get(0).name());
        assertEquals(3, agents.get(0).availableDays().size());
        assertEquals("Multi\r\nline", agents.get(1).name());
        assertThat(notes.list()).containsExactly(file() + " line 1: extra column `team` ignored");
    }

    @Test
    void lineNumbersCountRowsAfterAMultiLineValue() {
        Path p = csv(HEADER, "A1,\"Two\nlines\",london,onsite,full-time,voice,,37.5,40,14.50,Mon-Fri,07:00,19:00",
                "A2,Bo,london,onsite,full-time,voice,,37.5,40,abc,Mon-Fri,07:00,19:00");
        assertProblem(failing(() -> read(p, new Notes())), p, 4, "hourly_cost", "\"abc\" is not a number");
    }

    @Test
    void remoteAgentsSiteIsIgnoredWithANote() {
        Notes notes = new Notes();
        List<Agent> agents = read(csv(HEADER, "A1,Ann,london,remote,full-time,voice,,37.5,40,14.50,Mon-Fri,07:00,19:00"), notes);
        assertNull(agents.get(0).site());
        assertThat(notes.list()).singleElement().asString().contains("line 2, column site: remote agent `A1`");
    }

    @Test
    void onDemandMinimumIsDroppedWithANote() {
        Notes notes = new Notes();
        List<Agent> agents = read(csv(HEADER, "A1,Ann,,remote,on-demand,voice,,10,40,14.50,Mon-Fri,07:00,19:00"), notes);
        assertEquals(0.0, agents.get(0).minHoursWeek());
        assertThat(notes.list()).singleElement().asString().contains("column min_hours_week");
    }

    @Test
    void developmentColumnMayBeLeftOut() {
        String header = HEADER.replace("development,", "");
        List<Agent> agents = read(csv(header, "A1,Ann,london,onsite,full-time,voice,37.5,40,14.50,Mon-Fri,07:00,19:00"),
                new Notes());
        assertEquals(0, agents.get(0).development().size());
    }

    @Test
    void headerOnly() {
        Path p = csv(HEADER);
        assertProblem(failing(() -> read(p, new Notes())), p, 1, null, "no agents");
    }

    @Test
    void semicolonSeparatedFileIsRecognised() {
        Path p = csv(HEADER.replace(',', ';'), GOOD.replace(',', ';'));
        assertProblem(failing(() -> read(p, new Notes())), p, 1, null, "separated by semicolons (;); expected commas");
    }

    @Test
    void unquotedDayListIsReadWithANote() {
        Notes notes = new Notes();
        List<Agent> agents = read(csv(HEADER, GOOD.replace("Mon-Fri", "Sun,Mon,Tue-Thu")), notes);
        assertEquals(5, agents.get(0).availableDays().size());
        assertEquals(java.time.LocalTime.of(19, 0), agents.get(0).latestEnd());
        assertThat(notes.list()).containsExactly(file() + " line 2, column available_days: unquoted list"
                + " Sun,Mon,Tue-Thu read as one value; write it in double quotes (\"Sun,Mon,Tue-Thu\") so that other"
                + " programs read it too");
    }

    @Test
    void extraValuesThatAreNotDaysAreNotRepaired() {
        Path p = csv(HEADER, GOOD.replace("Mon-Fri", "Mon,someday"));
        assertProblem(failing(() -> read(p, new Notes())), p, 2, null, "has 14 values but the header has 13 columns");
    }

    @Test
    void semicolonsInADataRow() {
        Path p = csv(HEADER, GOOD.replace(',', ';'));
        assertProblem(failing(() -> read(p, new Notes())), p, 2, null,
                "has 1 value but the header has 13 columns (this line is separated by semicolons");
    }

    @Test
    void fileWithoutHeader() {
        Path p = csv(GOOD);
        assertProblem(failing(() -> read(p, new Notes())), p, 1, null,
                "none of the expected columns found: the first line is \"A1,Ann,london");
    }

    @Test
    void developmentOnAFullSkillIsNoted() {
        Notes notes = new Notes();
        read(csv(HEADER, GOOD.replace("email:6", "voice:3")), notes);
        assertThat(notes.list()).singleElement().asString()
                .isEqualTo(file() + " line 2, column development: agent `A1` wants development on `voice` but is"
                        + " already fully proficient (1.0)");
    }

    @Test
    void duplicateColumn() {
        Path p = csv(HEADER + ",site", GOOD + ",leeds");
        assertProblem(failing(() -> read(p, new Notes())), p, 1, "site", "column `site` appears twice");
    }

    @Test
    void renamedColumnIsPointedOut() {
        Path p = csv(HEADER.replace("hourly_cost", "hourly_rate"), GOOD);
        assertProblem(failing(() -> read(p, new Notes())), p, 1, "hourly_cost",
                "missing column `hourly_cost` (found `hourly_rate`: rename it to `hourly_cost`?)");
    }

    @Test
    void quotedDecimalComma() {
        assertProblem(badValue("hourly_cost", "\"12,5\""), file(), 3, "hourly_cost",
                "\"12,5\" is not a number (use a dot for decimals");
    }

    @Test
    void unquotedDecimalCommaShiftsTheColumns() {
        assertProblem(badValue("hourly_cost", "12,5"), file(), 3, null,
                "has 14 values but the header has 13 columns (a value containing a comma");
    }

    @Test
    void skillOnAChannelMissingFromChannelsYaml() {
        assertProblem(badValue("skills", "voice:1.0;chatt:0.5"), file(), 3, "skills",
                "channel `chatt` is not in channels.yaml (did you mean `chat`?)");
    }

    @Test
    void developmentOnAChannelMissingFromChannelsYaml() {
        assertProblem(badValue("development", "social:4"), file(), 3, "development",
                "channel `social` is not in channels.yaml (expected one of: voice, chat, email)");
    }

    @Test
    void proficiencyAboveOne() {
        assertProblem(badValue("skills", "voice:1.5"), file(), 3, "skills", "`voice`: 1.5 is out of range (expected at least 0 and at most 1)");
    }

    @Test
    void skillsSeparatedByCommas() {
        assertProblem(badValue("skills", "\"voice:1,chat:0.5\""), file(), 3, "skills", "separate entries with `;`");
    }

    @Test
    void siteNotInRules() {
        assertProblem(badValue("site", "londn"), file(), 3, "site", "`londn` is not a site of rules.yaml (did you mean `london`?");
    }

    @Test
    void onsiteAgentWithoutSite() {
        assertProblem(badValue("site", ""), file(), 3, "site", "is empty but work_mode is onsite");
    }

    @Test
    void unknownWorkMode() {
        assertProblem(badValue("work_mode", "office"), file(), 3, "work_mode", "\"office\" is not allowed");
    }

    @Test
    void unknownEmployment() {
        assertProblem(badValue("employment", "fulltime"), file(), 3, "employment", "(did you mean `full-time`?)");
    }

    @Test
    void misspeltDay() {
        assertProblem(badValue("available_days", "Mon-Fir"), file(), 3, "available_days",
                "`Fir` in \"Mon-Fir\" is not a day (did you mean `Fri`?)");
    }

    @Test
    void equalStartAndEnd() {
        assertProblem(badValue("latest_end", "07:00"), file(), 3, "latest_end", "equals earliest_start (07:00)");
    }

    @Test
    void timeWithADot() {
        assertProblem(badValue("earliest_start", "7.30"), file(), 3, "earliest_start",
                "\"7.30\" is not a time (expected HH:MM such as 08:30)");
    }

    @Test
    void minimumAboveMaximum() {
        assertProblem(badValue("min_hours_week", "45"), file(), 3, "min_hours_week", "45 is more than max_hours_week (40)");
    }

    @Test
    void negativeCost() {
        assertProblem(badValue("hourly_cost", "-3"), file(), 3, "hourly_cost", "-3 is out of range (expected at least 0 and at most 10000)");
    }

    @Test
    void currencySymbol() {
        assertProblem(badValue("hourly_cost", "£14.50"), file(), 3, "hourly_cost", "without a currency symbol");
    }

    @Test
    void duplicateAgentId() {
        Path p = csv(HEADER, GOOD, GOOD.replace("Ann", "Another Ann"));
        assertProblem(failing(() -> read(p, new Notes())), p, 3, "agent_id", "agent_id `A1` is already used on line 2");
    }

    @Test
    void unclosedQuote() {
        Path p = csv(HEADER, GOOD, "A2,\"Bo,london,onsite,full-time,voice,,37.5,40,14.50,Mon-Fri,07:00,19:00");
        assertProblem(failing(() -> read(p, new Notes())), p, 3, null, "bad quoting");
    }

    @Test
    void veryLongValue() {
        Path p = csv(HEADER, GOOD.replace("Ann", "x".repeat(200_000)));
        assertProblem(failing(() -> read(p, new Notes())), p, 2, "name", "200000 characters long");
    }

    @Test
    void latin1File() {
        byte[] bytes = (HEADER + "\n" + GOOD.replace("Ann", "Ren\u00e9e") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Path p = Inputs.write(dir, "agents.csv", bytes);
        assertProblem(failing(() -> read(p, new Notes())), p, 2, null, "is not UTF-8 text (byte 0xE9");
    }

    @Test
    void spreadsheetInsteadOfCsv() {
        Path p = Inputs.write(dir, "agents.csv", new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00});
        assertProblem(failing(() -> read(p, new Notes())), p, 0, null, "is a zip archive (a spreadsheet such as .xlsx?)");
    }

    @Test
    void everyBadRowIsListed() {
        Path p = csv(HEADER, GOOD.replace("14.50", "x"), GOOD.replace("A1", "A2").replace("Mon-Fri", "Someday"),
                GOOD.replace("A1", "A3"));
        InputException e = failing(() -> read(p, new Notes()));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e, p, 2, "hourly_cost", "not a number");
        assertProblem(e, p, 3, "available_days", "is not a day");
    }
}
