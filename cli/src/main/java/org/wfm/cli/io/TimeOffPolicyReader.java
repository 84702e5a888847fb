package org.wfm.cli.io;

import java.nio.file.Path;

import org.wfm.forecast.io.Problems;
import org.wfm.scheduler.domain.TimeOffPolicy;

/**
 * rules.yaml's {@code timeoff:} section, the policy of {@code wfm timeoff check}:
 * {@code timeoff: {allotment: {per_site: 2, per_channel: 3}, min_service_level: 0.8}}. Every key is optional: no
 * allotment means no daily limit, no {@code min_service_level} means each channel's own target from channels.yaml.
 * Allotments are whole numbers 0-10,000 (0: no absence approved that day), the service level a share (0.8, 80 or
 * 80%). {@link RulesReader} leaves the section to this reader, so the scheduling commands do not check it.
 */
public final class TimeOffPolicyReader {
    private TimeOffPolicyReader() {
    }

    /**
     * @throws org.wfm.forecast.io.InputException listing every problem of the section
     */
    public static TimeOffPolicy read(Path rulesFile, Notes notes) {
        String label = rulesFile.toString();
        String text = TextInput.read(rulesFile, label, "a YAML file of scheduling rules");
        Problems problems = new Problems(label);
        YamlSection root = YamlSection.root(YamlTree.parse(text, problems, notes), problems);
        TimeOffPolicy policy = TimeOffPolicy.DEFAULT;
        YamlSection s = root.section("timeoff");
        if (s != null) {
            Integer perSite = null;
            Integer perChannel = null;
            YamlSection a = s.section("allotment");
            if (a != null) {
                perSite = a.has("per_site") ? a.integer("per_site", 0, Range.closed(0, 10_000)) : null;
                perChannel = a.has("per_channel") ? a.integer("per_channel", 0, Range.closed(0, 10_000)) : null;
                a.finish();
            }
            double min = s.has("min_service_level") ? s.share("min_service_level", Double.NaN, Range.closed(0, 1))
                    : Double.NaN;
            s.finish();
            policy = new TimeOffPolicy(perSite, perChannel, min);
        }
        problems.throwIfAny();
        return policy;
    }
}
