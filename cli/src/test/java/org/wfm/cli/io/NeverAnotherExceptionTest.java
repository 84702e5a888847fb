package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * Whatever the bytes, a reader returns a value or throws an {@link InputException}: never another exception
 * (the CLI maps only InputException to exit code 3 and a one-line message).
 */
class NeverAnotherExceptionTest {
    private static final ChannelPlan CHANNELS = ChannelsReader.read(Inputs.resource("channels.yaml"));
    private static final Rules RULES = RulesReader.read(Inputs.resource("rules.yaml"));

    @Provide
    Arbitrary<String> yamlish() {
        // Characters YAML gives meaning to, so the parser reaches its odd corners.
        return Arbitraries.strings().withChars(":-[]{}#&*!|>'\"%@`,?\n\t .0123456789abkindvoce_")
                .withCharRange('\u0000', '\u00ff').ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> csvish() {
        return Arbitraries.strings().withChars(",;\"\r\n\t :.-0123456789A1vocheml")
                .withCharRange('\u0000', '\u00ff').ofMaxLength(200)
                .map(s -> AgentsReaderTest.HEADER + "\n" + s);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    @Property(tries = 300)
    void yamlReaders(@ForAll("yamlish") String text) {
        Path p = write("c.yaml", text.getBytes(StandardCharsets.UTF_8));
        onlyInputException(() -> ChannelsReader.read(p));
        onlyInputException(() -> RulesReader.read(p));
        onlyInputException(() -> PlanConfigReader.read(p));
    }

    /** Found by the property above: SnakeYAML quotes the newline it found in a directive as-is. */
    @Test
    void aSyntaxErrorAtANewlineIsStillOneLine() {
        Path p = write("c.yaml", "%\n".getBytes(StandardCharsets.UTF_8));
        onlyInputException(() -> ChannelsReader.read(p));
        try {
            ChannelsReader.read(p);
            throw new AssertionError("a lone % is not YAML");
        } catch (InputException e) {
            assertThat(e.getMessage()).contains("YAML syntax error").contains("\\n");
        }
    }

    @Property(tries = 300)
    void csvReaders(@ForAll("csvish") String text) {
        Path p = write("a.csv", text.getBytes(StandardCharsets.UTF_8));
        onlyInputException(() -> AgentsReader.read(p, CHANNELS, RULES));
        onlyInputException(() -> TimeOffReader.read(p, Set.of("A1")));
    }

    @Property(tries = 200)
    void randomBytes(@ForAll("bytes") byte[] bytes) {
        Path p = write("b.bin", bytes);
        onlyInputException(() -> ChannelsReader.read(p));
        onlyInputException(() -> AgentsReader.read(p, CHANNELS, RULES));
    }

    @Test
    void deeplyNestedYaml() {
        Path p = write("deep.yaml", ("a: " + "[".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        onlyInputException(() -> RulesReader.read(p));
        Path q = write("deep2.yaml", ("a:\n" + "  b:\n".repeat(3_000)).getBytes(StandardCharsets.UTF_8));
        onlyInputException(() -> RulesReader.read(q));
    }

    @Test
    void yamlAliasBomb() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        Path p = write("bomb.yaml", sb.toString().getBytes(StandardCharsets.UTF_8));
        onlyInputException(() -> RulesReader.read(p));
    }

    private static Path write(String name, byte[] bytes) {
        try {
            Path dir = Files.createTempDirectory("wfm-io");
            dir.toFile().deleteOnExit();
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void onlyInputException(Runnable reading) {
        try {
            reading.run();
        } catch (InputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }
}
