package org.wfm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON has no Infinity: a figure that is not finite is written as null, never as the text "Infinity". */
class SummaryJsonTest {
    @TempDir
    Path dir;

    @Test
    void nonFiniteFiguresAreWrittenAsNull() throws Exception {
        ObjectNode tree = SummaryJson.MAPPER.createObjectNode();
        tree.putObject("cost").put("wages", Double.POSITIVE_INFINITY).put("total", 12.345678);
        tree.putArray("values").add(Double.NaN).add(1.5);
        Path file = dir.resolve("summary.json");
        SummaryJson.write(file, tree);
        String text = Files.readString(file);
        assertThat(text).doesNotContain("Infinity").doesNotContain("NaN");
        ObjectNode back = SummaryJson.read(file);
        assertThat(back.at("/cost/wages").isNull()).isTrue();
        assertThat(back.at("/cost/total").asDouble()).isEqualTo(12.3457);
        assertThat(back.at("/values/0").isNull()).isTrue();
        assertThat(back.at("/values/1").asDouble()).isEqualTo(1.5);
    }
}
