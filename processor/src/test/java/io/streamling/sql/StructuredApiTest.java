package io.streamling.sql;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.internal.sql.ShowString;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Structured API without a running query: schemas, rows, parsing, show(), SQL, start() validation. */
class StructuredApiTest {

    private final SparkSession spark = SparkSession.builder().appName("api-test").getOrCreate();

    @TempDir
    Path dir;

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    @Test
    void aDdlSchemaParsesIntoTypedNullableFields() {
        StructType schema = StructType.fromDDL("time TIMESTAMP, action STRING, n BIGINT, ok boolean");

        assertThat(schema.fieldNames()).containsExactly("time", "action", "n", "ok");
        assertThat(schema.apply(0).dataType()).isEqualTo(DataTypes.TimestampType);
        assertThat(schema.apply(2).dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.simpleString()).isEqualTo("struct<time:timestamp,action:string,n:bigint,ok:boolean>");
        assertThatThrownBy(() -> StructType.fromDDL("time")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowPrintsLikeSparkAndComparesByValues() {
        assertThat(Row.of("a", 1L, null)).hasToString("[a,1,null]");
        assertThat(Row.of("a", 1L)).isEqualTo(new Row(StructType.fromDDL("x STRING, y BIGINT"), "a", 1L));
    }

    @Test
    void jsonLinesFollowSparksParseModes() throws Exception {
        // given: a good line, a line with a bad field, a line that is not JSON
        Files.writeString(dir.resolve("part-0.json"), String.join("\n",
                "{\"time\":\"2016-07-28T04:19:28.000+0000\",\"action\":\"Close\"}",
                "{\"time\":\"yesterday\",\"action\":\"Open\"}", "not json", ""), StandardCharsets.UTF_8);
        String schema = "time TIMESTAMP, action STRING, _corrupt_record STRING";

        // when
        List<Row> permissive = spark.read().schema(schema).json(dir.toString()).collectAsList();
        List<Row> dropped = spark.read().schema(schema).option("mode", "DROPMALFORMED").json(dir.toString())
                .collectAsList();

        // then
        Timestamp closeTime = Timestamp.from(Instant.parse("2016-07-28T04:19:28Z"));
        assertThat(permissive).containsExactly(Row.of(closeTime, "Close", null),
                Row.of(null, "Open", "{\"time\":\"yesterday\",\"action\":\"Open\"}"), Row.of(null, null, "not json"));
        assertThat(dropped).containsExactly(Row.of(closeTime, "Close", null));
        assertThatThrownBy(() -> spark.read().schema(schema).option("mode", "FAILFAST").json(dir.toString()))
                .hasMessageContaining("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: ")
                .hasMessageContaining(". Parse Mode: FAILFAST.");
    }

    @Test
    void showPadsRightAlignsTruncatesAndPrintsNullAsSpark() {
        StructType schema = StructType.fromDDL("word STRING, n BIGINT");
        List<Row> rows = List.of(new Row(schema, "a", 1L), new Row(schema, "abcdefghijklmnopqrstuvwxyz", null),
                new Row(schema, "c", 3L));

        assertThat(ShowString.format(schema, rows, 2, 20, ZoneOffset.UTC)).isEqualTo(String.join("\n",
                "+--------------------+----+",
                "|                word|   n|",
                "+--------------------+----+",
                "|                   a|   1|",
                "|abcdefghijklmnopq...|NULL|",
                "+--------------------+----+",
                "only showing top 2 rows"));
        assertThat(ShowString.format(schema, rows.subList(0, 1), 20, 0, ZoneOffset.UTC)).isEqualTo(String.join("\n",
                "+----+---+", "|word|n  |", "+----+---+", "|a   |1  |", "+----+---+", ""));
    }

    @Test
    void aSlidingWindowPutsARowInEveryWindowHoldingItsTime() {
        StructType schema = StructType.fromDDL("time TIMESTAMP");
        Dataset<Row> events = spark.createDataFrame(List.of(Row.of(Timestamp.from(Instant.parse("2024-01-01T12:07:00Z")))),
                schema);

        List<String> windows = events.select(window(col("time"), "10 minutes", "5 minutes")).collectAsList().stream()
                .map(r -> ShowString.cell(r.get(0), ZoneOffset.UTC)).toList();

        assertThat(windows).containsExactly("{2024-01-01 12:00:00, 2024-01-01 12:10:00}",
                "{2024-01-01 12:05:00, 2024-01-01 12:15:00}");
    }

    @Test
    void shouldGroupNegativeAndPositiveZeroTogetherAsSpark() {
        // given doubles -0.0 and 0.0, which Double.equals tells apart (Spark 3.0+ groups them as one key)
        Dataset<Row> values = spark.createDataFrame(List.of(Row.of(-0.0), Row.of(0.0), Row.of(1.5), Row.of(-0.0)),
                StructType.fromDDL("x DOUBLE"));

        // when grouped by that column, then there is one group for both zeros, shown as 0.0
        assertThat(values.groupBy("x").count().orderBy("x").collectAsList())
                .containsExactly(Row.of(0.0, 3L), Row.of(1.5, 1L));
    }

    @Test
    void shouldJoinOnZeroOfEitherSignAndAcrossIntegerTypesButNeverOnNull() {
        // given join keys -0.0 / 0.0 (one key in Spark 3.0+), an INT and a BIGINT of one value, and nulls
        Dataset<Row> left = spark.createDataFrame(List.of(Row.of(-0.0, 7), Row.of(null, 8), Row.of(2.5, 9)),
                StructType.fromDDL("k DOUBLE, n INT"));
        Dataset<Row> right = spark.createDataFrame(List.of(Row.of(0.0, 7L, "zero"), Row.of(null, 8L, "none")),
                StructType.fromDDL("k DOUBLE, n BIGINT, v STRING"));

        // when joined on both columns, then the zeros and 7 / 7L match (the left's values kept), the nulls do not
        assertThat(left.join(right, new String[] {"k", "n"}).collectAsList()).containsExactly(Row.of(-0.0, 7, "zero"));
    }

    @Test
    void shouldGiveTheFirstRowsOfAStaticDatasetAndRefuseAStreamingOne() {
        Dataset<Row> rows = spark.createDataFrame(List.of(Row.of("a", 0, "x y"), Row.of("b", 1, "z"),
                Row.of("c", 2, null), Row.of(null, 3, "")), StructType.fromDDL("k STRING, i INT, s STRING"));

        assertThat(rows.first()).isEqualTo(Row.of("a", 0, "x y"));
        assertThat(rows.cache().takeAsList(2)).containsExactly(Row.of("a", 0, "x y"), Row.of("b", 1, "z"));
        assertThat(rows.persist().takeAsList(9)).hasSize(4);
        assertThat(rows.where("i > 9").isEmpty()).isTrue();
        assertThatThrownBy(() -> rows.where("i > 9").head()).isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessage("next on empty iterator");
        Dataset<Row> stream = spark.readStream().format("rate").load();
        assertThatThrownBy(stream::first).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Queries with streaming sources must be executed with writeStream.start()");
    }

    @Test
    void shouldRefuseABadHowOrAFillValueOfTheWrongTypeNamingIt() {
        Dataset<Row> rows = spark.createDataFrame(List.of(Row.of("a", null)), StructType.fromDDL("k STRING, v INT"));

        assertThatThrownBy(() -> rows.na().drop("some")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("how (some) must be 'any' or 'all'");
        assertThatThrownBy(() -> rows.na().fill(java.util.Map.of("v", "zero"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("for column v of type int");
        // a streaming Dataset takes na() as the row steps it is
        assertThat(spark.readStream().schema("k STRING, v INT").json("/unused").na().fill(0).na().drop().isStreaming())
                .isTrue();
    }

    @Test
    void sqlSelectsFiltersGroupsAndOrdersATable() {
        StructType schema = StructType.fromDDL("a STRING, b BIGINT");
        spark.createDataFrame(List.of(Row.of("x", 1L), Row.of("y", 5L), Row.of("x", 2L), Row.of("z", 0L)), schema)
                .createOrReplaceTempView("t");

        assertThat(spark.sql("select a, sum(b) as c, count(*) from t where b > 0 group by a order by c desc")
                .collectAsList()).containsExactly(Row.of("y", 5L, 1L), Row.of("x", 3L, 2L));
        assertThat(spark.sql("select a, sum(b) as c, count(*) from t where b > 0 group by a").columns())
                .containsExactly("a", "c", "count(1)");
        assertThat(spark.sql("SELECT * FROM t WHERE a = 'z'").collectAsList()).containsExactly(Row.of("z", 0L));
        assertThatThrownBy(() -> spark.sql("select a from nowhere"))
                .hasMessage("[TABLE_OR_VIEW_NOT_FOUND] The table or view `nowhere` cannot be found.");
    }

    @Test
    void startRejectsOutputModesSparkRejectsWithSparksMessage() {
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999).load();
        Dataset<Row> counts = lines.groupBy("value").count();

        assertThatThrownBy(() -> counts.writeStream().outputMode("append").format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Append output mode not supported when there are streaming aggregations on streaming "
                        + "DataFrames/DataSets without watermark");
        assertThatThrownBy(() -> lines.writeStream().outputMode("complete").format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Complete output mode not supported when there are no streaming aggregations on streaming "
                        + "DataFrames/Datasets");
        assertThatThrownBy(() -> lines.writeStream().format("memory").start())
                .hasMessage("queryName must be specified for memory sink");
        // Spark 3.4+ dropped "Multiple streaming aggregations…": its global-watermark check refuses this instead
        assertThatThrownBy(() -> counts.groupBy("count").count().writeStream().outputMode("update").format("console")
                .start()).hasMessageStartingWith("Detected pattern of possible 'correctness' issue due to global watermark.");
        assertThatThrownBy(() -> lines.writeStream().outputMode("sometimes"))
                .hasMessage("Unknown output mode sometimes. Accepted output modes are 'append', 'complete', 'update'");
    }

    @Test
    void streamingDatasetsAreOnlyRunByWriteStreamAndStaticOnesCannotBeStreamed() {
        Dataset<Row> lines = spark.readStream().format("text").load("/unused");
        Dataset<Row> table = spark.createDataFrame(List.of(Row.of("a")), StructType.fromDDL("value STRING"));

        assertThat(lines.isStreaming()).isTrue();
        assertThat(table.isStreaming()).isFalse();
        assertThatThrownBy(lines::collectAsList).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Queries with streaming sources must be executed with writeStream.start();");
        assertThatThrownBy(table::writeStream)
                .hasMessage("'writeStream' can be called only on streaming Dataset/DataFrame");
        assertThatThrownBy(() -> spark.readStream().format("parquet").load("/x"))
                .hasMessage("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: parquet.");
        assertThatThrownBy(() -> lines.select(col("nope").isNull().alias("x"))).isInstanceOf(AnalysisException.class)
                .hasMessage("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name "
                        + "`nope` cannot be resolved. Did you mean one of the following? [`value`].");
    }
}
