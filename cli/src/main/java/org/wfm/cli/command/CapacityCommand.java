package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.export.CapacityOutputs;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.service.CapacityRun;

/** {@code wfm capacity}: the months-ahead capacity plan and hiring recommendation (docs/capacity.md). */
@ShellComponent
public class CapacityCommand {

    @ShellMethod(key = "capacity", value = "Capacity plan for the months ahead: required vs available FTE per week and channel, and the least-cost hiring classes.")
    public String capacity(
            @ShellOption(help = "history.csv (long or wide) or .xlsx") String history,
            @ShellOption(help = "channels.yaml") String channels,
            @ShellOption(help = "agents.csv: today's agents") String agents,
            @ShellOption(help = "folder to write capacity.csv, hiring.csv, capacity.xlsx, capacity.png, summary.json") String out,
            @ShellOption(help = "months to plan, 1-36", defaultValue = "12") int months,
            @ShellOption(help = "monthly attrition rate (e.g. 0.03) or attrition.csv: site,employment,monthly_rate", defaultValue = ShellOption.NULL) String attrition,
            @ShellOption(help = "hires.csv: planned classes, class_start,size,skills", defaultValue = ShellOption.NULL) String hires,
            @ShellOption(help = "scenarios.csv: scenario,channel,volume_factor,aht_delta_seconds,service_target,shrinkage,attrition,uplift,uplift_start,uplift_end", defaultValue = ShellOption.NULL) String scenarios,
            @ShellOption(help = "rules.yaml for measuring the scheduling efficiency; default rules.yaml beside agents.csv", defaultValue = ShellOption.NULL) String rules,
            @ShellOption(help = "holidays.csv: date,name[,effect]", defaultValue = ShellOption.NULL) String holidays,
            @ShellOption(value = "--holidays-country", help = "public holidays from the holiday library, e.g. GB", defaultValue = ShellOption.NULL) String holidaysCountry,
            @ShellOption(help = "time zone of the history; default channels.yaml's", defaultValue = ShellOption.NULL) String timezone,
            @ShellOption(help = "scheduling efficiency (paid hours per required staff-hour, 1-3) instead of measuring it", defaultValue = ShellOption.NULL) Double efficiency,
            @ShellOption(value = "--calibration-weeks", help = "weeks scheduled to measure the efficiency, 1-4", defaultValue = "" + CapacityRun.DEFAULT_CALIBRATION_WEEKS) int calibrationWeeks,
            @ShellOption(value = "--time-limit", help = "solver time for the efficiency measurement (its move budget scales with it)", defaultValue = CapacityRun.DEFAULT_CALIBRATION_SECONDS + "s") String timeLimit,
            @ShellOption(help = "random seed of the efficiency measurement", defaultValue = "1") long seed,
            @ShellOption(value = "--fte-hours", help = "weekly hours of one full-time equivalent", defaultValue = "" + CapacityRun.DEFAULT_FTE_HOURS) double fteHours,
            @ShellOption(value = "--training-weeks", help = "weeks of training before a hire takes contacts", defaultValue = "" + CapacityRun.DEFAULT_TRAINING_WEEKS) int trainingWeeks,
            @ShellOption(value = "--ramp-weeks", help = "weeks of linear ramp-up to full proficiency after training", defaultValue = "" + CapacityRun.DEFAULT_RAMP_WEEKS) int rampWeeks,
            @ShellOption(value = "--lead-weeks", help = "hiring lead time: weeks before the first recommended class can start", defaultValue = "" + CapacityRun.DEFAULT_LEAD_WEEKS) int leadWeeks,
            @ShellOption(value = "--class-every", help = "weeks between possible class starts", defaultValue = "" + CapacityRun.DEFAULT_CLASS_EVERY) int classEvery,
            @ShellOption(value = "--hire-cost", help = "one-off cost of a hire (recruiting, onboarding)", defaultValue = "" + CapacityRun.DEFAULT_HIRE_COST) double hireCost,
            @ShellOption(value = "--hire-hourly-cost", help = "hourly wage of a hire; default the agents' median", defaultValue = ShellOption.NULL) Double hireHourlyCost,
            @ShellOption(value = "--short-cost", help = "cost of one FTE-week short before hiring can reach it; default overtime, 1.5 x wage x FTE hours", defaultValue = ShellOption.NULL) Double shortCost,
            @ShellOption(help = "planned leave beyond shrinkage, in timeoff.csv's format (agent_id,date,start,end,reason): taken out of the available FTE of its weeks", defaultValue = ShellOption.NULL) String leave,
            @ShellOption(value = "--hire-skills", help = "skill sets of recommended classes: pairs (each channel, and each pair of channels today's agents combine) or single", defaultValue = CapacityRun.DEFAULT_HIRE_SKILLS) String hireSkills,
            @ShellOption(value = "--multi-skill-training-weeks", help = "extra weeks of training per channel beyond the first (multi-skill classes)", defaultValue = "" + org.wfm.capacity.HireCurve.DEFAULT_EXTRA_WEEKS_PER_SKILL) int multiSkillTrainingWeeks,
            @ShellOption(help = "print summary.json instead of the text summary", defaultValue = "false") boolean json,
            @ShellOption(help = "overwrite an existing output folder", defaultValue = "false") boolean force) {
        Options.inRange(months, 1, 36, "--months");
        if (efficiency != null) {
            Options.inRange(efficiency, 1, 3, "--efficiency");
        }
        Options.inRange(calibrationWeeks, 1, 4, "--calibration-weeks");
        Duration limit = ScheduleCommands.duration(timeLimit);
        Options.inRange(fteHours, 1, 80, "--fte-hours");
        Options.inRange(trainingWeeks, 0, 52, "--training-weeks");
        Options.inRange(rampWeeks, 0, 52, "--ramp-weeks");
        Options.inRange(leadWeeks, 0, 52, "--lead-weeks");
        Options.inRange(multiSkillTrainingWeeks, 0, 52, "--multi-skill-training-weeks");
        if (!CapacityRun.HIRE_SKILLS.contains(hireSkills)) {
            throw org.wfm.cli.WfmException.usage("--hire-skills \"" + hireSkills + "\": expected pairs or single");
        }
        Options.inRange(classEvery, 1, 52, "--class-every");
        Options.inRange(hireCost, 0, 1e6, "--hire-cost");
        if (hireHourlyCost != null) {
            Options.inRange(hireHourlyCost, 0, 10_000, "--hire-hourly-cost");
        }
        if (shortCost != null) {
            Options.inRange(shortCost, 0, 1e7, "--short-cost");
        }
        if (attrition != null && CapacityRun.isNumber(attrition)) {
            Options.inRange(Double.parseDouble(attrition.trim()), 0, 0.5, "--attrition");
        }
        ZoneId zone = timezone == null ? null : ForecastCommands.zone(timezone);
        Path outDir = Path.of(out);
        try (AtomicOutput.Claim claim = AtomicOutput.claim(outDir, AtomicOutput.Kind.FOLDER, force, "--out")) {
            CapacityRun.Result r = CapacityRun.run(new CapacityRun.Request(Path.of(history), Path.of(channels),
                    Path.of(agents), Options.path(rules), Options.path(holidays), holidaysCountry, zone, months,
                    attrition, Options.path(hires), Options.path(scenarios), efficiency, calibrationWeeks, limit, seed, fteHours, trainingWeeks,
                    rampWeeks, leadWeeks, classEvery, hireCost, hireHourlyCost, shortCost, Options.path(leave), hireSkills,
                    multiSkillTrainingWeeks),
                    Console::progress);
            Console.endProgress();
            Path tmp = claim.temporary();
            try {
                CapacityOutputs.write(tmp, r);
                claim.commit(tmp);
            } catch (RuntimeException | Error e) {
                AtomicOutput.deleteTree(tmp);
                throw e;
            }
            // --json prints the file as written (rounded like every summary.json)
            return json ? org.wfm.cli.output.SummaryJson.read(outDir.resolve(CapacityOutputs.SUMMARY_JSON))
                    .toPrettyString() : CapacityOutputs.text(r, outDir);
        }
    }

}
