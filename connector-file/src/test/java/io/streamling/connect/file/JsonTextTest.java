package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "0", "-1.5e+3", "\"x\"", "true", "null", " { \"a\" : [1, {\"b\": null}] } ",
            "{\"s\":\"\\u00e9\\n\\\"\"}", "[[[[]]]]"})
    void shouldAcceptValidJsonValues(String text) throws Exception {
        // when / then: no exception
        assertThat(JsonText.parse(text, null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":               | expected a value but the line ended",
            "{\"a\" 1}             | expected ':'",
            "{a:1}                 | expected a field name in double quotes",
            "[1,]                  | unexpected character ']'",
            "01                    | unexpected text after the JSON value",
            "{\"a\":1}}            | unexpected text after the JSON value",
            "\"unterminated        | unterminated string",
            "\"bad \\x escape\"    | invalid escape",
            "tru                   | invalid literal",
            "1.                    | no digit after '.'",
            "{\"a\":1 \"b\":2}     | expected ',' or '}'"})
    void shouldRejectInvalidJsonSayingWhereAndWhy(String text, String reason) {
        // when / then
        assertThatThrownBy(() -> JsonText.parse(text.strip(), null))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("invalid JSON at character ")
                .hasMessageContaining(reason.strip());
    }

    @Test
    void shouldRejectDeepNestingInsteadOfOverflowingTheStack() {
        // given
        String deep = "[".repeat(100_000);

        // when / then
        assertThatThrownBy(() -> JsonText.parse(deep, null)).hasMessageContaining("nested deeper than");
    }

    @Test
    void shouldReturnTheRequestedTopLevelFieldOnly() throws Exception {
        // given
        String text = "{\"nested\":{\"ts\":1},\"ts\":\"2024-01-02T03:04:05Z\",\"n\":17}";

        // when / then
        assertThat(JsonText.parse(text, "ts")).isEqualTo(new JsonText.Field("2024-01-02T03:04:05Z", true));
        assertThat(JsonText.parse(text, "n")).isEqualTo(new JsonText.Field("17", false));
        assertThat(JsonText.parse(text, "nested")).isEqualTo(new JsonText.Field(null, false));
        assertThat(JsonText.parse(text, "missing")).isNull();
        assertThat(JsonText.parse("[1]", "ts")).isNull();
    }
}
