package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/** What cron and a planner at the prompt see around the commands: usage errors, help, shell completion. */
class CommandLineTest {

    @Test
    void anUnknownOptionIsAPlainUsageErrorOnStderr() {
        Run r = WfmRunner.run("plan", "--config", "plan.yaml", "--dat", "2026-01-07");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("wfm: Unrecognised option '--dat' for plan (did you mean '--date'?)")
                .doesNotContain("\033");
        assertThat(r.out()).as("no red text in a pipe").doesNotContain("\033").doesNotContain("Unrecognised");
    }

    @Test
    void aMissingOptionNamesItAndWhatItIs() {
        Run r = WfmRunner.run("plan");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Missing mandatory option '--config'").contains("plan.yaml")
                .doesNotContain("\033");
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        Run r = WfmRunner.run("help", "nosuch");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown command 'nosuch'").doesNotContain("internal error");
    }

    @Test
    void helpExplainsEachPlanOption() {
        Run r = WfmRunner.run("help", "plan");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("--config").contains("relative to plan.yaml")
                .contains("--date").contains("YYYY-MM-DD").contains("default today")
                .contains("--force").doesNotContain("--force boolean").doesNotContain("\033");
    }

    @Test
    void bashCompletionScriptCoversTheCommands() {
        Run r = WfmRunner.run("completion", "bash");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("complete -o default -F __start_wfm wfm").contains("_wfm_plan()")
                .contains("_wfm_schedule()");
    }

    @Test
    void versionPrintsTheProjectsVersion() throws Exception {
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("..", "pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>wfm-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as("the parent pom's version").isTrue();
        for (String word : new String[] {"version", "--version"}) {
            Run r = WfmRunner.run(word);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("wfm " + m.group(1) + System.lineSeparator());
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void helpShowsRequiredOptionsPlainOptionalOnesInBracketsAndFlagsWithoutAValue() {
        Run r = WfmRunner.run("help", "erlang");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("erlang --calls NUMBER --aht DURATION [--interval-minutes NUMBER] "
                        + "[--target-sl SHARE] [--answer-seconds DURATION] [--patience DURATION] [--concurrency N] "
                        + "[--max-occupancy SHARE] [--agents N] [--json] [--help]")
                .contains("--aht DURATION\n              average handle time: 300, 300s or 5m [required]")
                .contains("--target-sl SHARE\n              service level target: 0.8, 80 or 80% [default: 0.8]")
                .contains("--json\n              print JSON for scripts\n")
                .contains("SHARE     a share: 0.8, 80 or 80% (a plain number above 1 is a percentage; 1 is 100%)")
                .doesNotContain("boolean").doesNotContain("Mandatory");
        Run plan = WfmRunner.run("help", "plan");
        assertThat(plan.out()).contains("plan --config VALUE [--date VALUE] [--force] [--engine VALUE] [--threads N] "
                + "[--master VALUE] [--overrides VALUE] [--help]");
    }

    @Test
    void aBadValueNamesTheOptionAndWhatItExpects() {
        Run r = WfmRunner.run("erlang", "--calls", "x", "--aht", "180");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("wfm: --calls: \"x\" is not a number (expected a number: contacts arriving in "
                + "the interval)" + System.lineSeparator());
        Run aht = WfmRunner.run("erlang", "--calls", "100", "--aht", "5 minutes");
        assertThat(aht.code()).isEqualTo(2);
        assertThat(aht.err()).contains("wfm: --aht: \"5 minutes\" is not a duration (expected a duration such as 20s, 5m");
        Run days = WfmRunner.run("forecast", "--history", "h.csv", "--horizon-days", "1.5", "--out", "f.csv");
        assertThat(days.code()).isEqualTo(2);
        assertThat(days.err()).startsWith("wfm: --horizon-days: \"1.5\" is not a whole number (expected a whole number: days to forecast");
        Run sl = WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--target-sl", "120");
        assertThat(sl.err()).isEqualTo("wfm: --target-sl: \"120\" is not between 0 and 100% (expected a share such as "
                + "0.8, 80 or 80%)" + System.lineSeparator());
        Run missing = WfmRunner.run("erlang", "--calls", "100", "--aht");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("wfm: --aht needs a value (a duration such as 20s, 5m or plain seconds)");
        Run twice = WfmRunner.run("erlang", "--calls", "100", "--calls", "120", "--aht", "180");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("wfm: --calls is given twice; give it once");
        Run flag = WfmRunner.run("schedule", "--requirements", "r", "--channels", "c", "--agents", "a", "--rules", "r",
                "--out", "o", "--strict", "yes");
        assertThat(flag.code()).isEqualTo(2);
        assertThat(flag.err()).isEqualTo("wfm: unexpected value 'yes' after --strict (a flag: it takes no value); give "
                + "each value after its option, e.g. --name value" + System.lineSeparator());
    }

    @Test
    void didYouMeanForCommandsAndOptions() {
        Run r = WfmRunner.run("schedul", "--out", "x");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("wfm: unknown command 'schedul' (did you mean 'schedule'?); commands: ");
        Run o = WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--patiense", "60");
        assertThat(o.code()).as(o.toString()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("wfm: Unrecognised option '--patiense' for erlang (did you mean '--patience'?)"
                + System.lineSeparator());
        Run far = WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--xyzzy", "1");
        assertThat(far.err()).contains("Unrecognised option '--xyzzy' for erlang; options: --calls, --aht");
        Run nothing = WfmRunner.run("frobnicate");
        assertThat(nothing.err()).doesNotContain("did you mean");
    }

    @Test
    void sharesAndDurationsAreAcceptedInEveryForm() {
        String expected = WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--interval-minutes", "30",
                "--target-sl", "0.8", "--answer-seconds", "20", "--json").out();
        assertThat(expected).contains("\"agents\":14");
        for (String[] v : new String[][] {{"80", "3m", "20s"}, {"80%", "180s", "PT20S"}, {"0.8", "PT3M", "20"}}) {
            Run r = WfmRunner.run("erlang", "--calls", "100", "--aht", v[1], "--interval-minutes", "30",
                    "--target-sl", v[0], "--answer-seconds", v[2], "--json");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo(expected);
        }
    }

    /** The quick path (before the Spring context) and the shell print the same for the same command. */
    @Test
    void theQuickPathAndTheShellAgree() {
        String[][] calls = {{"erlang", "--calls", "100", "--aht", "180", "--json"},
                {"erlang", "--calls", "40", "--aht", "4m", "--patience", "90", "--target-sl", "90%"},
                {"erlang", "--calls", "100", "--aht", "180", "--agents", "9"},
                {"erlang", "--calls", "100", "--aht", "180", "--concurrency", "0"},
                {"version"}};
        for (String[] call : calls) {
            Run quick = WfmRunner.run(call);
            Run shell;
            System.setProperty("wfm.quick", "false");
            try {
                shell = WfmRunner.run(call);
            } finally {
                System.clearProperty("wfm.quick");
            }
            assertThat(quick.code()).as(quick.toString()).isEqualTo(shell.code());
            assertThat(quick.out()).as(shell.toString()).isEqualTo(shell.out());
            assertThat(quick.err()).isEqualTo(shell.err());
        }
        assertThat(WfmRunner.run("erlang", "--calls", "100", "--aht", "180", "--concurrency", "0").err())
                .isEqualTo("wfm: --concurrency must be at least 1, got 0" + System.lineSeparator());
    }

    /** CommandLine reads the command classes it is given; they must be exactly the shell's @ShellComponents. */
    @Test
    void theCommandListIsTheShellsComponents() {
        var scan = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.springframework.shell.standard.ShellComponent.class));
        java.util.Set<String> components = new java.util.TreeSet<>();
        scan.findCandidateComponents("org.wfm").forEach(b -> components.add(b.getBeanClassName()));
        assertThat(components).isEqualTo(org.wfm.cli.command.CommandLineAccess.commandClassNames());
        assertThat(org.wfm.cli.command.CommandLine.names()).contains("demo", "forecast", "backtest", "requirements",
                "erlang", "schedule", "simulate", "export", "plan", "version", "help", "completion");
    }
}
