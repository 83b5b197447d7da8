package io.streamling.sql;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.concat;
import static io.streamling.sql.functions.lit;
import static io.streamling.sql.functions.struct;
import static io.streamling.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** struct, to_json and concat, with the values and column names Spark gives. */
class StructuredFunctionsTest {

    private final SparkSession spark = SparkSession.builder().appName("functions-test").getOrCreate();

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    private Dataset<Row> counts() {
        Row window = new Row(io.streamling.internal.sql.Exprs.WINDOW_TYPE,
                Timestamp.from(Instant.parse("2026-01-01T12:00:00Z")), Timestamp.from(Instant.parse("2026-01-01T12:10:00Z")));
        StructType schema = StructType.fromDDL("word STRING, count BIGINT")
                .add("window", io.streamling.internal.sql.Exprs.WINDOW_TYPE);
        return spark.createDataFrame(List.of(new Row(schema, "cat", 1L, window), new Row(schema, null, 2L, window)),
                schema);
    }

    @Test
    void shouldWriteAStructOfColumnsAsJsonWithIsoTimestampsAndWithoutNullFields() {
        // when
        Dataset<Row> json = counts().select(to_json(struct(col("window"), col("word"), col("count"))));

        // then
        assertThat(json.columns()).containsExactly("to_json(struct(window, word, count))");
        assertThat(json.collectAsList()).containsExactly(
                Row.of("{\"window\":{\"start\":\"2026-01-01T12:00:00.000Z\",\"end\":\"2026-01-01T12:10:00.000Z\"},"
                        + "\"word\":\"cat\",\"count\":1}"),
                Row.of("{\"window\":{\"start\":\"2026-01-01T12:00:00.000Z\",\"end\":\"2026-01-01T12:10:00.000Z\"},"
                        + "\"count\":2}"));
    }

    @Test
    void shouldNameStructFieldsAfterTheColumnsAliasesAndNestedFieldNames() {
        // when
        Dataset<Row> structs = counts().select(struct(col("window.start"), col("count").alias("n")).alias("s"));

        // then
        assertThat(structs.schema().simpleString()).isEqualTo("struct<s:struct<start:timestamp,n:bigint>>");
        assertThat(structs.select(to_json(col("s"))).collectAsList().get(0))
                .isEqualTo(Row.of("{\"start\":\"2026-01-01T12:00:00.000Z\",\"n\":1}"));
        assertThat(counts().select(struct("word", "count")).columns()).containsExactly("struct(word, count)");
    }

    @Test
    void shouldConcatValuesCastToStringsAndGiveNullWhenAnyIsNull() {
        // when
        Dataset<Row> keys = counts().select(concat(col("word"), lit(":"), col("count"), lit(" from "),
                col("window.start")));

        // then
        assertThat(counts().select(concat(col("word"), lit(":"), col("count"))).columns())
                .containsExactly("concat(word, :, count)");
        assertThat(keys.collectAsList()).containsExactly(Row.of("cat:1 from 2026-01-01 12:00:00"), Row.of((Object) null));
    }

    @Test
    void shouldRejectToJsonOfAString() {
        assertThatThrownBy(() -> counts().select(to_json(col("word"))))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("to_json(word)").hasMessageContaining("must be a struct");
    }
}
