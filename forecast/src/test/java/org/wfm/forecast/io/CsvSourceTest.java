package org.wfm.forecast.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.io.CsvSource.Separator;

class CsvSourceTest {
    private static List<String> rows(String text, Separator fixed, Problems problems) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvSource csv = CsvSource.of(new StringReader(text), problems, fixed)) {
            for (CsvSource.Row r = csv.next(); r != null; r = csv.next()) {
                out.add(r.line() + ":" + String.join("|", r.values()));
            }
            out.add("sep " + csv.separator().word);
        }
        return out;
    }

    @Test
    void detectsTheSeparatorFromTheHeaderOutsideQuotes() throws IOException {
        assertThat(rows("\"a;b\",c,d\n1,2,3\n", null, new Problems("f"))).containsExactly("1:a;b|c|d", "2:1|2|3",
                "sep comma");
        assertThat(rows("a;b;c\n1;\"2,5\";3\n", null, new Problems("f"))).containsExactly("1:a|b|c", "2:1|2,5|3",
                "sep semicolon");
        assertThat(rows("a\tb\n1\t2\n", null, new Problems("f"))).containsExactly("1:a|b", "2:1|2", "sep tab");
        assertThat(rows("single\nx\n", null, new Problems("f"))).containsExactly("1:single", "2:x", "sep comma");
    }

    @Test
    void skipsTheBomAndBlankLinesAndKeepsPhysicalLineNumbers() throws IOException {
        assertThat(rows("\uFEFF\n a , b \r\n\r\n1,\"multi\nline\"\n\n2,x\n", Separator.COMMA, new Problems("f")))
                .containsExactly("2:a|b", "4:1|multi\nline", "7:2|x", "sep comma");
    }

    @Test
    void brokenQuotingIsOneProblemAtTheLineWhereTheRowStarts() throws IOException {
        Problems problems = new Problems("f.csv");
        assertThat(rows("a;b\n1;2\n3;\"x\"y;\n4;5\n", null, problems)).containsExactly("1:a|b", "2:1|2", "sep semicolon");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, problems::throwIfAny);
        assertThat(e).hasMessage("f.csv line 3: bad quoting in the row starting on this line: a value that starts with"
                + " a double quote must end with one, followed by the separator `;` or the end of the line");
    }

    @Test
    void separatorNames() {
        assertThat(Separator.parse(";")).isEqualTo(Separator.SEMICOLON);
        assertThat(Separator.parse("semicolon")).isEqualTo(Separator.SEMICOLON);
        assertThat(Separator.parse("tab")).isEqualTo(Separator.TAB);
        assertThat(Separator.parse("\t")).isEqualTo(Separator.TAB);
        assertThat(Separator.parse("comma")).isEqualTo(Separator.COMMA);
        assertThat(Separator.parse("|")).isNull();
        assertThat(Bom.strip("\uFEFFx")).isEqualTo("x");
        assertThat(Bom.strip("x")).isEqualTo("x");
    }
}
