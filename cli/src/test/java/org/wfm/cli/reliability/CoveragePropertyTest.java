package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.wfm.cli.io.AgentsReader;
import org.wfm.cli.io.ChannelsReader;
import org.wfm.cli.io.RulesReader;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.OutputReaders;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.solver.Evaluation;
import org.wfm.scheduler.solver.ScheduleEvaluator;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.ErlangServiceCurves;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Properties of what a run reports: coverage.csv's {@code scheduled} is, for any schedule, the sum over work
 * blocks of the fraction of each interval they cover (the contract's "a part interval counts as its
 * fraction; break, lunch, training excluded"), computed here independently of {@link ScheduleEvaluator}; and
 * schedule.csv reads back as the rows written, overnight blocks included.
 */
class CoveragePropertyTest {
    private static final Path DIR = tempDir();
    private static final ChannelPlan CHANNELS = ChannelsReader.read(Fixtures.write(DIR, "channels.yaml",
            Fixtures.CHANNELS));
    private static final Rules RULES = RulesReader.read(Fixtures.write(DIR, "rules.yaml", Fixtures.RULES));
    private static final List<Agent> AGENTS = AgentsReader.read(Fixtures.write(DIR, "agents.csv", Fixtures.AGENTS),
            CHANNELS, RULES);
    private static final List<Requirement> REQUIREMENTS = OutputReaders.readRequirements(
            Fixtures.write(DIR, "requirements.csv", Fixtures.requirements()), CHANNELS, "channels.yaml");
    private static final LocalDate H0 = RULES.horizon().start();
    private static final int IM = CHANNELS.intervalMinutes();

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("wfm-coverage-property");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any block: any agent, a day from the day before the horizon to the day after, any 5-minute start. */
    @Provide
    Arbitrary<ScheduleRow> block() {
        Arbitrary<String> agent = Arbitraries.of(AGENTS.stream().map(Agent::id).toList());
        Arbitrary<Integer> day = Arbitraries.integers().between(-1, RULES.horizon().days());
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 1439 / 5).map(i -> i * 5);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(1, 12 * 12).map(i -> i * 5);
        Arbitrary<Activity> activity = Arbitraries.of(Activity.values());
        Arbitrary<String> channel = Arbitraries.of("voice", "chat");
        Arbitrary<String> location = Arbitraries.of("london", "home");
        return Combinators.combine(agent, day, start, minutes, activity, channel, location)
                .as((a, d, s, m, act, ch, loc) -> {
                    LocalDate date = H0.plusDays(d);
                    LocalDateTime from = date.atStartOfDay().plusMinutes(s);
                    String c = act == Activity.WORK || act == Activity.TRAINING ? ch : null;
                    return new ScheduleRow(a, date, from, from.plusMinutes(m), act, c, loc);
                });
    }

    @Property(tries = 50) // each try evaluates a whole horizon (~0.5 s); 50 random schedules plus the edge cases
    void scheduledIsTheSumOfWorkFractions(@ForAll @Size(max = 60) List<@From("block") ScheduleRow> rows) throws Exception {
        Map<String, Double> expected = new HashMap<>();
        LocalDateTime t0 = H0.atStartOfDay();
        LocalDateTime t1 = RULES.horizon().end().atStartOfDay();
        for (ScheduleRow r : rows) {
            if (r.activity() != Activity.WORK) {
                continue;
            }
            for (LocalDateTime t = t0; t.isBefore(t1); t = t.plusMinutes(IM)) {
                LocalDateTime from = r.start().isAfter(t) ? r.start() : t;
                LocalDateTime to = r.end().isBefore(t.plusMinutes(IM)) ? r.end() : t.plusMinutes(IM);
                long overlap = ChronoUnit.MINUTES.between(from, to);
                if (overlap > 0) {
                    expected.merge(t + "|" + r.channel(), overlap / (double) IM, Double::sum);
                }
            }
        }
        ScheduleInput in = new ScheduleInput(CHANNELS, REQUIREMENTS, AGENTS, List.of(), RULES, List.of(),
                new ErlangServiceCurves());
        Evaluation ev = ScheduleEvaluator.evaluate(in, rows);
        Map<String, Double> reported = new HashMap<>();
        for (CoverageRow c : ev.coverage()) {
            reported.put(c.intervalStart() + "|" + c.channel(), c.scheduled());
        }
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertThat(reported).as("coverage row for " + e.getKey()).containsKey(e.getKey());
            assertThat(reported.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue(), within(1e-9));
        }
        reported.forEach((k, v) -> assertThat(v).as(k).isCloseTo(expected.getOrDefault(k, 0.0), within(1e-9)));

        // and the file says the same, to its four decimals
        Path csv = Files.createTempFile(DIR, "coverage", ".csv");
        CsvFiles.writeCoverage(csv, ev.coverage());
        List<CoverageRow> back = OutputReaders.readCoverage(csv, CHANNELS.zone());
        assertThat(back).hasSameSizeAs(ev.coverage());
        for (CoverageRow c : back) {
            assertThat(c.scheduled()).as(c.intervalStart() + " " + c.channel())
                    .isCloseTo(expected.getOrDefault(c.intervalStart() + "|" + c.channel(), 0.0), within(5e-5));
        }
        Files.delete(csv);
    }

    /** Shifts of consecutive blocks, one per agent and day, any start (overnight ones included). */
    @Provide
    Arbitrary<List<ScheduleRow>> shifts() {
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 1439 / 5).map(i -> i * 5);
        Arbitrary<List<Integer>> blocks = Arbitraries.integers().between(1, 36).map(i -> i * 5).list().ofMinSize(1)
                .ofMaxSize(8);
        Arbitrary<List<Activity>> acts = Arbitraries.of(Activity.values()).list().ofSize(8);
        Arbitrary<String> location = Arbitraries.of("london", "home");
        Arbitrary<List<ScheduleRow>> oneShift = Combinators.combine(Arbitraries.of(AGENTS.stream().map(Agent::id)
                        .toList()), Arbitraries.integers().between(0, 6), start, blocks, acts, location)
                .as((agent, day, s, lengths, activities, loc) -> {
                    List<ScheduleRow> out = new ArrayList<>();
                    LocalDate date = H0.plusDays(day);
                    LocalDateTime t = date.atStartOfDay().plusMinutes(s);
                    for (int i = 0; i < lengths.size(); i++) {
                        Activity a = activities.get(i);
                        String ch = a == Activity.WORK || a == Activity.TRAINING ? (i % 2 == 0 ? "voice" : "chat") : null;
                        out.add(new ScheduleRow(agent, date, t, t.plusMinutes(lengths.get(i)), a, ch, loc));
                        t = t.plusMinutes(lengths.get(i));
                    }
                    return out;
                });
        return oneShift.list().ofMaxSize(10).map(list -> {
            // one shift per agent and day, in time order per agent, as schedule.csv is written
            Map<String, List<ScheduleRow>> byKey = new java.util.LinkedHashMap<>();
            for (List<ScheduleRow> shift : list) {
                byKey.putIfAbsent(shift.get(0).agentId() + "|" + shift.get(0).date(), shift);
            }
            List<ScheduleRow> rows = new ArrayList<>();
            byKey.values().stream()
                    .sorted(Comparator.comparing((List<ScheduleRow> s) -> s.get(0).agentId())
                            .thenComparing(s -> s.get(0).date()))
                    .forEach(rows::addAll);
            return rows;
        });
    }

    @Property(tries = 200)
    void scheduleCsvReadsBackAsWritten(@ForAll("shifts") List<ScheduleRow> rows) throws Exception {
        Path csv = Files.createTempFile(DIR, "schedule", ".csv");
        CsvFiles.writeSchedule(csv, rows, Map.of("A1", "Ann, \"the\" Archer"));
        assertThat(OutputReaders.readSchedule(csv)).isEqualTo(rows);
        Files.delete(csv);
    }
}
