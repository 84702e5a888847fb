package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * Arguments reach the command exactly as the shell passed them (issue 15: Spring Shell's runner joined and
 * re-split them, so quotes and backslashes were eaten and {@code 'in\put.csv'} read {@code input.csv}).
 */
class ArgumentsTest {
    static final List<String> NAMES = List.of("say \"hi\".csv", "back\\slash.csv", "in\\put.csv", "it's.csv",
            "two  spaces .csv", "new\nline.csv", "tab\there.csv", "ünïcødé €  日本.csv", "ends with \\", "\"\"",
            "-dash.csv", "--x.csv", "a=b;c|d&e$f`g`.csv", "[debug].csv");

    @TempDir
    Path dir;

    @Test
    void everyOddNameIsReadAndWrittenExactly() throws Exception {
        Path channels = Fixtures.write(dir, "channels.yaml", Fixtures.CHANNELS);
        // a decoy where the mangled name would point: reading it instead must show
        Fixtures.write(dir, "input.csv", "not,a,forecast\n");
        for (String name : NAMES) {
            Path in = Fixtures.write(dir, "in " + name, Fixtures.requirements());
            Path out = dir.resolve("out " + name);
            Run r = WfmRunner.run("requirements", "--forecast", in.toString(), "--channels", channels.toString(),
                    "--out", out.toString());
            assertThat(r.code()).as(name + "\n" + r).isZero();
            assertThat(out).as(name).isRegularFile();
            assertThat(Files.readString(out)).startsWith("interval_start,channel,forecast_volume");
            assertThat(r.out()).contains("Wrote " + out);
        }
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("out ")).sorted().toList())
                    .as("nothing written under another name").hasSize(NAMES.size());
        }
    }

    @Test
    void aMissingFileIsNamedAsGiven() {
        Run r = WfmRunner.run("requirements", "--forecast", dir.resolve("in\\put.csv").toString(), "--channels",
                dir.resolve("c \"x\".yaml").toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("c \"x\".yaml");
    }

    /** End to end: a separate JVM started with an argument vector, as the launcher's exec "$@" does. */
    @Test
    void aChildProcessGetsTheArgumentsExactly() throws Exception {
        Path channels = Fixtures.write(dir, "chan nels.yaml", Fixtures.CHANNELS);
        Path in = Fixtures.write(dir, "in\\put \"q\".csv", Fixtures.requirements());
        Path out = dir.resolve("say \"hi\"\n\\ünï.csv");
        ChildWfm c = new ChildWfm("256m", "requirements", "--forecast", in.toString(), "--channels",
                channels.toString(), "--out", out.toString());
        int code = c.waitFor(120);
        assertThat(code).as(String.join("\n", c.err)).isZero();
        assertThat(out).isRegularFile();
    }
}
