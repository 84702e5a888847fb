package org.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;

class HolidayReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsClosedFactorAndLearnEffects() throws IOException {
        Path p = Files.writeString(dir.resolve("holidays.csv"), "\uFEFFdate,name,effect\r\n"
                + "2025-12-25,Christmas Day,closed\r\n2025-12-24,\"Christmas Eve, half day\",0.6\r\n2026-01-01,New Year,\r\n");
        List<Holiday> h = HolidayReader.read(p);
        assertThat(h).extracting(Holiday::date).containsExactly(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 25),
                LocalDate.of(2026, 1, 1));
        assertThat(h.get(0).factor()).isEqualTo(0.6);
        assertThat(h.get(0).name()).isEqualTo("Christmas Eve, half day");
        assertThat(h.get(1).closed()).isTrue();
        assertThat(h.get(2).factor()).isNaN();
    }

    @Test
    void effectColumnIsOptional() throws IOException {
        Path p = Files.writeString(dir.resolve("h.csv"), "date,name\n2025-12-25,Christmas Day\n");
        assertThat(HolidayReader.read(p)).singleElement().satisfies(x -> assertThat(x.factor()).isNaN());
    }

    @Test
    void reportsEveryBadLine() throws IOException {
        Path p = Files.writeString(dir.resolve("holidays.csv"), "date,name,effect\n"
                + "25/12/2025,Christmas,closed\n2025-12-26,Boxing Day,\"0,5\"\n2025-12-26,Again,closed\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> HolidayReader.read(p));
        assertThat(e.getMessage()).isEqualTo("holidays.csv line 2, column date: \"25/12/2025\" is not a date; expected e.g. 2025-12-25; "
                + "holidays.csv line 3, column effect: \"0,5\" is not an effect; expected closed, a factor such as 0.6, or empty; "
                + "holidays.csv line 4, column date: duplicate of line 3 for 2025-12-26");
        Path q = Files.writeString(dir.resolve("bad.csv"), "day,name\n2025-12-25,x\n");
        assertThatThrownBy(() -> HolidayReader.read(q)).hasMessage("bad.csv line 1, column date: missing column; expected a header date,name[,effect]");
    }

    @Test
    void countryHolidaysComeFromJollyday() {
        List<Holiday> gb = HolidayReader.forCountry("GB", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(gb).extracting(Holiday::date).contains(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 4, 18));
        assertThat(gb).allSatisfy(x -> assertThat(x.factor()).isNaN());
        // England adds Easter Monday to the UK-wide list
        assertThat(HolidayReader.forCountry("gb-eng", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .extracting(Holiday::date).contains(LocalDate.of(2025, 4, 21));
        assertThatThrownBy(() -> HolidayReader.forCountry("XX", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
