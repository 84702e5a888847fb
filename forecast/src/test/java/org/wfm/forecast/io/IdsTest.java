package org.wfm.forecast.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void lookAlikesShareAKey() {
        String a001 = Ids.key("A001");
        assertThat(Ids.key("a001")).isEqualTo(a001);
        assertThat(Ids.key(" A001\u00A0")).isEqualTo(a001);       // no-break space
        assertThat(Ids.key("\uFF21\uFF10\uFF10\uFF11")).isEqualTo(a001); // full-width
        assertThat(Ids.key("A002")).isNotEqualTo(a001);
        assertThat(Ids.key("Stra\u00DFe")).isEqualTo(Ids.key("STRASSE")); // case folding, not just lower case
    }

    @Test
    void invisibleCharactersAreNamed() {
        assertThat(Ids.invisible("vo\u0000ice")).contains("NUL").contains("U+0000");
        assertThat(Ids.invisible("A\u200B1")).contains("U+200B");
        assertThat(Ids.invisible("A001")).isNull();
        assertThat(Ids.invisible("Zoë-Ann")).isNull();
    }

    @Test
    void stripTakesEverySpace() {
        assertThat(Ids.strip("\u00A0 A001\u2007\t")).isEqualTo("A001");
    }

    @Property(seed = "15")
    void anyCaseAndWidthOfAnIdIsTheSameId(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 10) String id) {
        StringBuilder wide = new StringBuilder();
        for (char c : id.toCharArray()) {
            wide.append(c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);  // ASCII to its full-width form
        }
        assertThat(Ids.key(wide.toString())).isEqualTo(Ids.key(id));
        assertThat(Ids.key(id.toUpperCase())).isEqualTo(Ids.key(id.toLowerCase()));
    }
}
