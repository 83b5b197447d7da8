package io.streamling.sql;

import static io.streamling.sql.ConsoleBatches.batch;
import static io.streamling.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.examples.StructuredEvents;
import io.streamling.examples.StructuredLineLengths;
import io.streamling.examples.StructuredWordCount;
import io.streamling.sql.types.StructType;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' Structured Streaming examples, run micro-batch by micro-batch under TopologyTestDriver. */
class StructuredQueriesTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    private final SparkSession spark = SparkSession.builder().appName("structured-test").getOrCreate();

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    @Test
    void lineLengthsInUpdateModePrintOnlyTheChangedCountsAndSkipTriggersWithoutInput() {
        // given
        Dataset<Row> lines = spark.readStream().format("text").option("path", "/unused").load();
        Dataset<Row> counts = StructuredLineLengths.counts(lines);
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                counts.writeStream().format("console").outputMode("update"), stateDir, Instant.ofEpochMilli(T0))) {

            // when: two micro-batches with input, an empty trigger interval, then one more
            test.send(T0 + 10, "ab", "abc", "xy");
            test.send(T0 + 1_010, "abcd", "cd");
            test.send(T0 + 3_010, "abc");
            test.closeThrough(T0 + 4_000);

            // then
            assertThat(test.console()).isEqualTo(
                    batch(0, "+---+-----+", "|len|count|", "+---+-----+", "|  2|    2|", "|  3|    1|", "+---+-----+")
                    + batch(1, "+---+-----+", "|len|count|", "+---+-----+", "|  2|    3|", "|  4|    1|", "+---+-----+")
                    + batch(2, "+---+-----+", "|len|count|", "+---+-----+", "|  3|    2|", "+---+-----+"));
        }
    }

    @Test
    void sparksJavaStructuredNetworkWordCountRunsWithTypedFlatMapAsWritten() {
        // given Spark's own Java example, as written: a typed flatMap over the lines as strings
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999).load();
        Dataset<String> words = lines.as(Encoders.STRING()).flatMap(
                (io.streamling.api.function.FlatMapFunction<String, String>) x -> java.util.Arrays.asList(x.split(" ")).iterator(),
                Encoders.STRING());
        Dataset<Row> wordCounts = words.filter((FilterFunction<String>) w -> !w.isEmpty()).groupBy("value").count();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                wordCounts.writeStream().outputMode("complete").format("console"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "apache spark", "apache  hadoop");
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(test.console()).isEqualTo(batch(0, "+------+-----+", "| value|count|", "+------+-----+",
                    "|apache|    2|", "|hadoop|    1|", "| spark|    1|", "+------+-----+"));
        }
    }

    @Test
    void sparksJavaStructuredNetworkWordCountWindowedRunsAsWritten() {
        // given Spark's own windowed Java example: lines with their arrival time, typed as (line, time) pairs
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999)
                .option("includeTimestamp", true).load();
        Dataset<Row> words = lines.as(Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP())).flatMap(
                (io.streamling.api.function.FlatMapFunction<io.streamling.api.Tuple2<String, java.sql.Timestamp>,
                        io.streamling.api.Tuple2<String, java.sql.Timestamp>>) t -> {
                    List<io.streamling.api.Tuple2<String, java.sql.Timestamp>> result = new java.util.ArrayList<>();
                    for (String word : t._1().split(" ")) {
                        result.add(new io.streamling.api.Tuple2<>(word, t._2()));
                    }
                    return result.iterator();
                }, Encoders.tuple(Encoders.STRING(), Encoders.TIMESTAMP())).toDF("word", "timestamp");
        Dataset<Row> windowedCounts = words.groupBy(functions.window(words.col("timestamp"), "10 seconds", "5 seconds"),
                words.col("word")).count().orderBy("window");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(windowedCounts.writeStream()
                .outputMode("complete").format("console").option("truncate", "false"), stateDir, Instant.ofEpochMilli(T0))) {

            // when: two lines arrive in the same second
            test.send(T0 + 10, "a b", "a");
            test.closeThrough(T0 + 1_000);

            // then each word counts in the two windows that hold its arrival time
            String console = test.console();
            assertThat(console).contains("|window", "|word|count|");
            assertThat(console.lines().filter(line -> line.contains("|a   |2    |"))).hasSize(2);
            assertThat(console.lines().filter(line -> line.contains("|b   |1    |"))).hasSize(2);
        }
    }

    @Test
    void typedMapAndFlatMapWorkOnStaticDatasetsAndRefuseAMismatchedEncoder() {
        Dataset<Row> rows = spark.createDataFrame(List.of(Row.of("a b"), Row.of("c")), StructType.fromDDL("value STRING"));

        assertThat(rows.as(Encoders.STRING()).map((MapFunction<String, Integer>) String::length, Encoders.INT())
                .collectAsList()).containsExactly(3, 1);
        assertThat(rows.as(Encoders.STRING()).flatMap(s -> java.util.Arrays.asList(s.split(" ")).iterator(),
                Encoders.STRING()).collectAsList()).containsExactly("a", "b", "c");
        assertThat(rows.filter((FilterFunction<Row>) r -> r.getString(0).length() > 1).collectAsList())
                .containsExactly(Row.of("a b"));
        assertThatThrownBy(() -> spark.createDataFrame(List.of(Row.of("a", 1)), StructType.fromDDL("k STRING, n INT"))
                .as(Encoders.STRING())).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("FIELD_NUMBER_MISMATCH");
    }

    @Test
    void foreachBatchGetsEachMicroBatchAsAStaticDatasetWithItsBatchId() {
        // given
        List<String> seen = new java.util.ArrayList<>();
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999).load();
        DataStreamWriter<Row> writer = StructuredWordCount.wordCounts(lines).writeStream().outputMode("update")
                .foreachBatch((batch, batchId) -> seen.add(batchId + ":" + batch.collectAsList()));
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when: input in the first and third trigger intervals
            test.send(T0 + 10, "a b a");
            test.send(T0 + 2_010, "b");
            test.closeThrough(T0 + 3_000);

            // then: batch ids count only triggers with input
            assertThat(seen).containsExactly("0:[[a,2], [b,1]]", "1:[[b,2]]");
        }
    }

    @Test
    void wordCountInCompleteModePrintsTheWholeResultTableEveryTrigger() {
        // given
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999).load();
        DataStreamWriter<Row> writer = StructuredWordCount.wordCounts(lines).writeStream()
                .outputMode("complete").format("console");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "apache spark", "apache hadoop");
            test.send(T0 + 1_010, "spark streaming");
            test.closeThrough(T0 + 2_000);

            // then
            assertThat(test.console()).isEqualTo(
                    batch(0, "+------+-----+", "|  word|count|", "+------+-----+",
                            "|apache|    2|", "|hadoop|    1|", "| spark|    1|", "+------+-----+")
                    + batch(1, "+---------+-----+", "|     word|count|", "+---------+-----+",
                            "|   apache|    2|", "|   hadoop|    1|", "|    spark|    2|", "|streaming|    1|",
                            "+---------+-----+"));
        }
    }

    @Test
    void eventsPerActionAndHourInCompleteModeFillTheMemoryTableThatSqlQueries() {
        // given
        Dataset<Row> events = spark.readStream().schema(StructuredEvents.SCHEMA).option("maxFilesPerTrigger", 1)
                .json("/unused");
        DataStreamWriter<Row> writer = StructuredEvents.counts(events).writeStream()
                .format("memory").queryName("counts").outputMode("complete");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when: epoch-second times, as in the seed's data set; 1469501107 is 2016-07-26 02:45:07 UTC
            test.send(T0 + 10, "{\"time\":1469501107,\"action\":\"Open\"}", "{\"time\":1469501281,\"action\":\"Open\"}",
                    "{\"time\":1469501281,\"action\":\"Close\"}");
            test.send(T0 + 1_010, "{\"time\":1469505000,\"action\":\"Open\"}");
            test.closeThrough(T0 + 2_000);

            // then: the table is the whole result of the last trigger
            assertThat(spark.table("counts").collectAsList().stream().map(Row::toString).toList()).containsExactly(
                    "[Close," + window("2016-07-26 02:00:00", "2016-07-26 03:00:00") + ",1]",
                    "[Open," + window("2016-07-26 02:00:00", "2016-07-26 03:00:00") + ",2]",
                    "[Open," + window("2016-07-26 03:00:00", "2016-07-26 04:00:00") + ",1]");
            assertThat(spark.sql(StructuredEvents.TOTALS_SQL + " order by action").collectAsList())
                    .containsExactly(Row.of("Close", 1L), Row.of("Open", 3L));
        }
    }

    @Test
    void aFilterAndProjectionWithoutAggregationAppendOnlyTheNewRows() {
        // given
        Dataset<Row> events = spark.readStream().schema("user STRING, n BIGINT").json("/unused");
        Dataset<Row> big = events.where(col("n").gt(1)).withColumn("twice", col("n").multiply(2)).drop("user");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                big.writeStream().format("memory").queryName("big"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "{\"user\":\"ann\",\"n\":1}", "{\"user\":\"bob\",\"n\":2}");
            test.send(T0 + 1_010, "{\"user\":\"cy\",\"n\":5}");
            test.closeThrough(T0 + 2_000);

            // then
            assertThat(spark.table("big").collectAsList()).containsExactly(Row.of(2L, 4L), Row.of(5L, 10L));
            assertThat(spark.table("big").columns()).containsExactly("n", "twice");
        }
    }

    private static String window(String start, String end) {
        return "[" + java.sql.Timestamp.from(Instant.parse(start.replace(' ', 'T') + "Z")) + ","
                + java.sql.Timestamp.from(Instant.parse(end.replace(' ', 'T') + "Z")) + "]";
    }

    @Test
    void theStaticAnalysisOfTheSeedGivesTheSameTotalsAndShowsWindowsTruncatedAsSpark() {
        // given
        Dataset<Row> events = spark.createDataFrame(List.of(
                Row.of(java.sql.Timestamp.from(Instant.parse("2016-07-28T04:19:28Z")), "Close"),
                Row.of(java.sql.Timestamp.from(Instant.parse("2016-07-28T04:19:29Z")), "Open"),
                Row.of(java.sql.Timestamp.from(Instant.parse("2016-07-28T05:00:00Z")), "Open")),
                io.streamling.sql.types.StructType.fromDDL(StructuredEvents.SCHEMA));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        spark.setConsole(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));

        // when
        StructuredEvents.counts(events).createOrReplaceTempView("static_counts");
        StructuredEvents.counts(events).show();

        // then
        assertThat(spark.sql("select action, sum(count) as total_count from static_counts group by action")
                .collectAsList()).containsExactly(Row.of("Close", 1L), Row.of("Open", 2L));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "+------+--------------------+-----+",
                "|action|              window|count|",
                "+------+--------------------+-----+",
                "| Close|{2016-07-28 04:00...|    1|",
                "|  Open|{2016-07-28 04:00...|    1|",
                "|  Open|{2016-07-28 05:00...|    1|",
                "+------+--------------------+-----+", "", ""));
    }
}
