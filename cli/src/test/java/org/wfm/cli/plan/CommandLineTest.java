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
        assertThat(r.err()).contains("wfm: Unrecognised option '--dat'").doesNotContain("\033");
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
                .contains("--force").contains("default = false").doesNotContain("\033");
    }

    @Test
    void bashCompletionScriptCoversTheCommands() {
        Run r = WfmRunner.run("completion", "bash");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("complete -o default -F __start_wfm wfm").contains("_wfm_plan()")
                .contains("_wfm_schedule()");
    }
}
