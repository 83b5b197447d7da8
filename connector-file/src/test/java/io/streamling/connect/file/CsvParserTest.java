package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParserTest {

    private final CsvParser comma = new CsvParser(',');

    @Test
    void shouldSplitPlainAndQuotedFields() throws Exception {
        // when / then
        assertThat(comma.split("a,b,c")).containsExactly("a", "b", "c");
        assertThat(comma.split("\"a,1\",\"say \"\"hi\"\"\",")).containsExactly("a,1", "say \"hi\"", "");
        assertThat(comma.split("")).containsExactly("");
        assertThat(comma.split(",,")).containsExactly("", "", "");
        assertThat(new CsvParser(';').split("a;b,c")).containsExactly("a", "b,c");
    }

    @Test
    void shouldAskForTheNextLineWhenAQuotedFieldIsOpen() throws Exception {
        // when
        List<String> open = comma.split("1,\"multi");
        List<String> closed = comma.split("1,\"multi\nline\"");

        // then
        assertThat(open).isNull();
        assertThat(closed).containsExactly("1", "multi\nline");
    }

    @Test
    void shouldRejectQuotesInTheWrongPlaceSayingWhere() {
        // when / then
        assertThatThrownBy(() -> comma.split("a,b\"c"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("invalid CSV: quote inside an unquoted field at character 4");
        assertThatThrownBy(() -> comma.split("\"a\"b,c"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("invalid CSV: unexpected 'b' after the quoted field starting at character 1");
    }
}
