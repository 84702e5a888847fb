package org.wfm.forecast.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.io.CsvSource.Separator;
import org.wfm.forecast.io.TimestampParser.DateOrder;

class HistoryFormatTest {
    @Test
    void parsesTheColumnsOption() {
        HistoryFormat f = HistoryFormat.parse("timestamp=Interval Start, channel=Queue,volume=Offered,aht=AHT,"
                + "separator=;,date_format=dd/MM/yyyy HH:mm,decimal=comma");
        assertThat(f).isEqualTo(new HistoryFormat("Interval Start", null, null, "Queue", "Offered", "AHT",
                Separator.SEMICOLON, DateOrder.DAY_FIRST, ','));
        assertThat(HistoryFormat.parse("date=Day,time=Slot,separator=tab").separator()).isEqualTo(Separator.TAB);
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> HistoryFormat.parse("stamp=X")).hasMessage("unknown key `stamp`; expected timestamp,"
                + " date, time, channel, volume, aht, separator, date_format, decimal");
        assertThatThrownBy(() -> HistoryFormat.parse("separator=|")).hasMessage("separator \"|\" is not one wfm reads;"
                + " expected comma, semicolon (or ;) or tab");
        assertThatThrownBy(() -> HistoryFormat.parse("date_format=yyyy/dd/MM")).hasMessage("date_format"
                + " \"yyyy/dd/MM\" is not one wfm reads; expected dd/MM/yyyy, MM/dd/yyyy or yyyy-MM-dd (iso)");
        assertThatThrownBy(() -> HistoryFormat.parse("Queue")).hasMessage("\"Queue\" is not key=value; expected e.g."
                + " timestamp=Interval Start,channel=Queue,volume=Offered,aht=AHT");
        assertThatThrownBy(() -> HistoryFormat.parse("channel=a,channel=b")).hasMessage("`channel` is given twice");
        assertThatThrownBy(() -> HistoryFormat.parse("date=D")).hasMessage("date is given without time; give both"
                + " (date=...,time=...) or timestamp");
        assertThatThrownBy(() -> HistoryFormat.parse("timestamp=T,date=D,time=X")).hasMessage("give either timestamp"
                + " or date and time, not both");
        assertThatThrownBy(() -> HistoryFormat.parse("decimal=x")).hasMessage("decimal \"x\" is not a decimal mark;"
                + " expected dot or comma");
    }
}
