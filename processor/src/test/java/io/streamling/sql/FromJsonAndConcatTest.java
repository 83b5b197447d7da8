package io.streamling.sql;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.concat;
import static io.streamling.sql.functions.from_json;
import static io.streamling.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code from_json} and {@code concat}, evaluated on single rows as Spark evaluates them. */
class FromJsonAndConcatTest {

    private static final StructType INPUT = StructType.fromDDL("value STRING, n BIGINT");

    @Test
    void shouldParseJsonIntoStructWithEpochSecondsAsTimestamp() {
        // given
        Row row = new Row(INPUT, "{\"time\": 1469501107, \"action\": \"Open\"}", 1L);
        Column parsed = from_json(col("value"), "time TIMESTAMP, action STRING");

        // when
        Row event = (Row) parsed.expr().eval(row);

        // then
        assertThat(parsed.expr().type(INPUT)).isEqualTo(StructType.fromDDL("time TIMESTAMP, action STRING"));
        assertThat(event.get(0)).isEqualTo(Timestamp.from(Instant.ofEpochSecond(1469501107)));
        assertThat(event.get(1)).isEqualTo("Open");
    }

    @Test
    void shouldGiveStructOfNullsForMalformedJson() {
        // given: Spark's from_json is PERMISSIVE
        Row row = new Row(INPUT, "{not json", 1L);

        // when
        Row event = (Row) from_json(col("value"), "time TIMESTAMP, action STRING").expr().eval(row);

        // then
        assertThat(event.get(0)).isNull();
        assertThat(event.get(1)).isNull();
    }

    @Test
    void shouldRejectFromJsonOfNonStringColumn() {
        assertThatThrownBy(() -> from_json(col("n"), "a STRING").expr().type(INPUT))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("from_json(n)");
    }

    @Test
    void shouldConcatValuesAndGiveNullWhenAnyIsNull() {
        // given
        Row row = new Row(INPUT, "open", 3L);
        Row withNull = new Row(INPUT, null, 3L);
        Column joined = concat(col("value"), lit("@"), col("n").cast(DataTypes.StringType));

        // then
        assertThat(joined.expr().eval(row)).isEqualTo("open@3");
        assertThat(joined.expr().eval(withNull)).isNull();
        assertThat(joined.expr().type(INPUT)).isEqualTo(DataTypes.StringType);
    }
}
