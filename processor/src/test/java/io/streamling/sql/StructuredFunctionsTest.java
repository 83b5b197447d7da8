package io.streamling.sql;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.count;
import static io.streamling.sql.functions.sum;
import static io.streamling.sql.functions.min;
import static io.streamling.sql.functions.max;
import static io.streamling.sql.functions.concat;
import static io.streamling.sql.functions.current_timestamp;
import static io.streamling.sql.functions.from_json;
import static io.streamling.sql.functions.lit;
import static io.streamling.sql.functions.split;
import static io.streamling.sql.functions.struct;
import static io.streamling.sql.functions.to_json;
import static io.streamling.sql.functions.to_timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** struct, to_json, concat, when/otherwise and scalar functions, with the values, column names and messages Spark gives. */
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

    @Test
    void shouldRejectFromJsonOfANonStringColumn() {
        assertThatThrownBy(() -> counts().select(from_json(col("count"), "a STRING")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("from_json(count)");
    }

    @Test
    void shouldEvaluateExpressionsOverAggregatesAfterAggregatingAndNameThemAsSpark() {
        // given
        StructType schema = StructType.fromDDL("k STRING, v INT");
        Dataset<Row> rows = spark.createDataFrame(List.of(new Row(schema, "a", 1), new Row(schema, "a", 4),
                new Row(schema, "b", 3)), schema);

        // when: aggregates inside a cast and arithmetic, as agg() accepts them in Spark
        Dataset<Row> summary = rows.groupBy(col("k")).agg(max(col("v")).cast("string"),
                max(col("v")).minus(min(col("v"))).as("spread"), sum(col("v")).divide(count(col("v"))));

        // then
        assertThat(summary.columns()).containsExactly("k", "CAST(max(v) AS STRING)", "spread",
                "(sum(v) / count(v))");
        assertThat(summary.collectAsList()).containsExactly(Row.of("a", "4", 3, 2.5), Row.of("b", "3", 0, 3.0));
    }

    private Dataset<Row> strings(String... values) {
        StructType schema = StructType.fromDDL("s STRING");
        return spark.createDataFrame(java.util.Arrays.stream(values).map(v -> new Row(schema, v)).toList(), schema);
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    @Test
    void shouldParseJsonIntoAStructKeepingTheFieldsThatConvertAndNullsForMalformedJson() {
        // given
        Dataset<Row> lines = strings("{\"time\":\"2026-01-01T12:07:00Z\",\"action\":\"Open\",\"n\":3}",
                "{\"time\":1469501107,\"action\":\"Close\",\"n\":\"x\"}", "{bad", null);

        // when
        Dataset<Row> events = lines.select(from_json(col("s"), "time TIMESTAMP, action STRING, n INT").alias("e"));

        // then
        assertThat(lines.select(from_json(col("s"), "n INT")).columns()).containsExactly("from_json(s)");
        assertThat(events.schema().simpleString()).isEqualTo("struct<e:struct<time:timestamp,action:string,n:int>>");
        StructType e = StructType.fromDDL("time TIMESTAMP, action STRING, n INT");
        assertThat(events.collectAsList()).containsExactly(
                Row.of(new Row(e, at("2026-01-01T12:07:00Z"), "Open", 3)),
                Row.of(new Row(e, at("2016-07-26T02:45:07Z"), "Close", null)),
                Row.of(new Row(e, null, null, null)),
                Row.of((Object) null));
        assertThat(events.select(col("e.action"), col("e.n")).columns()).containsExactly("action", "n");
        assertThat(events.select(col("e.action")).collectAsList())
                .containsExactly(Row.of("Open"), Row.of("Close"), Row.of((Object) null), Row.of((Object) null));
    }

    @Test
    void shouldParseTimestampsAsACastOrWithADatetimePatternInUtc() {
        // given
        Dataset<Row> times = strings("2026-01-01 12:07:00", null);
        Dataset<Row> patterned = strings("01/01/2026 12:07", null);

        // when
        Dataset<Row> cast = times.select(to_timestamp(col("s")));
        Dataset<Row> parsed = patterned.select(to_timestamp(col("s"), "dd/MM/yyyy HH:mm"));

        // then
        assertThat(cast.columns()).containsExactly("to_timestamp(s)");
        assertThat(cast.collectAsList()).containsExactly(Row.of(at("2026-01-01T12:07:00Z")), Row.of((Object) null));
        assertThat(parsed.columns()).containsExactly("to_timestamp(s, dd/MM/yyyy HH:mm)");
        assertThat(parsed.collectAsList()).containsExactly(Row.of(at("2026-01-01T12:07:00Z")), Row.of((Object) null));
        assertThat(strings("2026-01-01").select(to_timestamp(col("s"), "yyyy-MM-dd")).collectAsList())
                .containsExactly(Row.of(at("2026-01-01T00:00:00Z")));
    }

    @Test
    void shouldFailOnTextThatDoesNotMatchTheTimestampPattern() {
        assertThatThrownBy(() -> strings("2026-13-45").select(to_timestamp(col("s"), "yyyy-MM-dd")).collectAsList())
                .hasMessageContaining("[CANNOT_PARSE_TIMESTAMP]").hasMessageContaining("2026-13-45");
    }

    @Test
    void shouldReadTheStartAndEndOfAWindowColumn() {
        // when
        Dataset<Row> bounds = counts().select(col("window.start"), col("window.end"), col("window").getField("end"));

        // then
        assertThat(bounds.columns()).containsExactly("start", "end", "end");
        assertThat(bounds.collectAsList().get(0)).isEqualTo(Row.of(at("2026-01-01T12:00:00Z"),
                at("2026-01-01T12:10:00Z"), at("2026-01-01T12:10:00Z")));
    }

    @Test
    void shouldGiveTheCurrentTimeAsATimestampColumn() {
        // given
        long before = System.currentTimeMillis();

        // when
        Dataset<Row> now = strings("x").select(current_timestamp());
        Timestamp value = (Timestamp) now.collectAsList().get(0).get(0);

        // then
        assertThat(now.columns()).containsExactly("current_timestamp()");
        assertThat(now.schema().simpleString()).isEqualTo("struct<current_timestamp():timestamp>");
        assertThat(value.getTime()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void splitKeepsTrailingEmptyStringsAndSplitsAroundEveryCharacterOnAnEmptyPattern() {
        // given: Spark 4.0.1 gives [a, b, , c], [a, b, ], [a, b, c], [a, é, b], [] (one empty string) for these
        StructType schema = StructType.fromDDL("s STRING, p STRING");
        Dataset<Row> texts = spark.createDataFrame(List.of(new Row(schema, "a b  c", " "), new Row(schema, "a,b,", ","),
                new Row(schema, "abc", ""), new Row(schema, "aéb", ""), new Row(schema, "", "")), schema);

        // when
        List<Object> parts = texts.collectAsList().stream()
                .map(row -> texts.where(col("s").equalTo(row.get(0))).select(split(col("s"), (String) row.get(1)))
                        .collectAsList().get(0).get(0))
                .toList();

        // then
        assertThat(parts).containsExactly(List.of("a", "b", "", "c"), List.of("a", "b", ""), List.of("a", "b", "c"),
                List.of("a", "é", "b"), List.of(""));
    }

    @Test
    void rowFactoryRowsTakeTheSchemaOfTheDataFrameTheyAreCreatedIn() {
        // given
        StructType schema = StructType.fromDDL("k STRING, name STRING");

        // when
        Dataset<Row> names = spark.createDataFrame(List.of(RowFactory.create("a", "alpha"), RowFactory.create("b", "beta")),
                schema);

        // then
        assertThat(names.where(col("name").equalTo("beta")).collectAsList()).containsExactly(Row.of("b", "beta"));
        assertThat(names.collectAsList().get(0).schema()).isEqualTo(schema);
    }

    @Test
    void whenAndOtherwiseRefuseColumnsNotMadeByWhenWithSparksMessages() {
        // given
        Column cases = functions.when(col("v").gt(1), "big");

        // then
        assertThatThrownBy(() -> col("v").when(col("v").gt(1), "big")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("when() can only be applied on a Column previously generated by when() function");
        assertThatThrownBy(() -> col("v").otherwise("small")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("otherwise() can only be applied on a Column previously generated by when() function");
        assertThatThrownBy(() -> cases.otherwise("small").when(col("v").gt(2), "x"))
                .hasMessage("when() cannot be applied once otherwise() is applied");
        assertThatThrownBy(() -> cases.otherwise("small").otherwise("x"))
                .hasMessage("otherwise() can only be applied once on a Column previously generated by when()");
    }

    @Test
    void scalarFunctionsWorkAsGroupKeysAndAroundAggregates() {
        // given
        StructType schema = StructType.fromDDL("k STRING, v DOUBLE");
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(" a ", 1.0), RowFactory.create("a", 2.0),
                RowFactory.create(" a ", 2.5)), schema);

        // when
        List<Row> out = rows.groupBy(functions.trim(col("k")).as("key"))
                .agg(functions.round(functions.avg(col("v")), 1).as("mean")).collectAsList();

        // then
        assertThat(out).containsExactly(Row.of("a", 1.8));
    }
}
