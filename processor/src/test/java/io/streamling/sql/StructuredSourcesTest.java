package io.streamling.sql;

import static io.streamling.sql.ConsoleBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Structured sources run under the test kit: csv files, rate, rate-micro-batch, kafka. */
class StructuredSourcesTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final String PEOPLE = "name STRING, age INT, _corrupt_record STRING";

    @TempDir
    Path stateDir;

    private final SparkSession spark = SparkSession.builder().appName("sources-test").getOrCreate();

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    @Test
    void csvSourceSkipsEachFilesHeaderAndKeepsMalformedLinesInTheCorruptRecordColumn() {
        // given
        Dataset<Row> people = spark.readStream().schema(PEOPLE).option("header", true).csv("/in");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                people.writeStream().format("console"), stateDir, Instant.ofEpochMilli(T0))) {

            // when: two files in one micro-batch, one in the next
            test.sendFile(T0 + 10, "/in/a.csv", "name,age", "alice,30", "bob,x", "carol");
            test.sendFile(T0 + 20, "/in/b.csv", "name,age", "dave,40,extra", ",25", "");
            test.sendFile(T0 + 1_010, "/in/c.csv", "name,age", "erin,7");
            test.closeThrough(T0 + 2_000);

            // then
            assertThat(test.console()).isEqualTo(
                    batch(0, "+-----+----+---------------+", "| name| age|_corrupt_record|",
                            "+-----+----+---------------+",
                            "|alice|  30|           NULL|",
                            "|  bob|NULL|          bob,x|",
                            "|carol|NULL|          carol|",
                            "| dave|  40|  dave,40,extra|",
                            "| NULL|  25|           NULL|",
                            "+-----+----+---------------+")
                    + batch(1, "+----+---+---------------+", "|name|age|_corrupt_record|",
                            "+----+---+---------------+", "|erin|  7|           NULL|", "+----+---+---------------+"));
        }
    }

    @Test
    void csvSourceWithASeparatorAndDropMalformedDropsBadLines() {
        // given
        Dataset<Row> rows = spark.readStream().schema("k STRING, n BIGINT").option("sep", ";")
                .option("mode", "DROPMALFORMED").csv("/in");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                rows.writeStream().format("memory").queryName("kept"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "a;1", "b;two", "c;3;4", "\"d;e\";5");
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(spark.table("kept").collectAsList()).containsExactly(Row.of("a", 1L), Row.of("d;e", 5L));
        }
    }

    @Test
    void csvSourceInFailFastModeFailsOnAMalformedLineNamingTheColumn() {
        // given
        Dataset<Row> rows = spark.readStream().schema("k STRING, n INT").option("mode", "FAILFAST").csv("/in");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                rows.writeStream().format("console"), stateDir, Instant.ofEpochMilli(T0))) {

            // when / then
            assertThatThrownBy(() -> test.send(T0 + 10, "a,x"))
                    .rootCause().hasMessageContaining("for column `n`").hasMessageContaining("a,x");
            assertThatThrownBy(() -> test.send(T0 + 10, "a,x")).satisfies(e -> assertThat(messages(e))
                    .contains("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in "
                            + "record parsing: [a,null]. Parse Mode: FAILFAST."));
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void rateMicroBatchGivesEachBatchItsRowsAndTimestampInPartitionOrder() {
        // given: 3 rows per batch over Spark's 2 default partitions
        Dataset<Row> rate = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 3)
                .option("startTimestamp", 1000).option("advanceMillisPerBatch", 500).load();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                rate.writeStream().format("console"), stateDir, Instant.ofEpochMilli(T0 + 300))) {

            // when: the clock passes the first two trigger intervals
            test.closeThrough(T0 + 3_000);

            // then
            assertThat(test.console()).isEqualTo(
                    batch(0, "+-------------------+-----+", "|          timestamp|value|", "+-------------------+-----+",
                            "|1970-01-01 00:00:01|    0|", "|1970-01-01 00:00:01|    2|", "|1970-01-01 00:00:01|    1|",
                            "+-------------------+-----+")
                    // show() truncates 1970-01-01 00:00:01.5 to 20 characters
                    + batch(1, "+--------------------+-----+", "|           timestamp|value|",
                            "+--------------------+-----+",
                            "|1970-01-01 00:00:...|    3|", "|1970-01-01 00:00:...|    5|",
                            "|1970-01-01 00:00:...|    4|", "+--------------------+-----+"));
        }
    }

    @Test
    void rateSourceSpreadsRowsPerSecondOverTheSecondAndRampsUp() {
        // given: ramp-up to 4 rows a second over 1 s (speed 2, then 4), one partition
        Dataset<Row> rate = spark.readStream().format("rate").option("rowsPerSecond", 4).option("rampUpTime", "1s")
                .option("numPartitions", 1).load();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                rate.writeStream().format("memory").queryName("rate"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.closeThrough(T0 + 3_000);

            // then: valueAtSecond(0..3) = 0, 2, 6, 10: second 0 has values 0-1, second 1 values 2-5, second 2 values 6-9
            assertThat(spark.table("rate").collectAsList().stream().map(r -> (r.get(0) + " " + r.get(1))).toList())
                    .containsExactly(
                            ts(T0) + " 0", ts(T0 + 500) + " 1",
                            ts(T0 + 1_000) + " 2", ts(T0 + 1_250) + " 3", ts(T0 + 1_500) + " 4", ts(T0 + 1_750) + " 5",
                            ts(T0 + 2_000) + " 6", ts(T0 + 2_250) + " 7", ts(T0 + 2_500) + " 8", ts(T0 + 2_750) + " 9");
        }
    }

    private static String ts(long millis) {
        return new java.sql.Timestamp(millis).toString();
    }

    @Test
    void kafkaSourceRowsCarryKeyValueAndMetadataAndCastToStrings() {
        // given
        Dataset<Row> records = spark.readStream().format("kafka").option("kafka.bootstrap.servers", "localhost:9092")
                .option("subscribe", "events").option("includeHeaders", true).load();
        Dataset<Row> strings = records.selectExpr("CAST(key AS STRING)", "CAST(value AS STRING)", "topic", "partition",
                "offset", "timestamp", "timestampType");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                strings.writeStream().format("console"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.sendRecord(T0 + 10, "k1", "hello", "h", "x");
            test.sendRecord(T0 + 20, null, "world");
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(test.console()).isEqualTo(batch(0,
                    "+----+-----+------+---------+------+--------------------+-------------+",
                    "| key|value| topic|partition|offset|           timestamp|timestampType|",
                    "+----+-----+------+---------+------+--------------------+-------------+",
                    "|  k1|hello|events|        0|     0|2023-11-14 22:13:...|            0|",
                    "|NULL|world|events|        0|     1|2023-11-14 22:13:...|            0|",
                    "+----+-----+------+---------+------+--------------------+-------------+"));
        }
    }

    @Test
    void kafkaSourceWithIncludeHeadersHasSparksNineColumnSchemaAndTheHeaders() {
        // given
        Dataset<Row> records = spark.readStream().format("kafka").option("kafka.bootstrap.servers", "localhost:9092")
                .option("subscribe", "events").option("includeHeaders", "true").load();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                records.writeStream().format("memory").queryName("raw"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.sendRecord(T0 + 10, "k", "v", "h1", "a");
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(records.schema().simpleString()).isEqualTo("struct<key:binary,value:binary,topic:string,"
                    + "partition:int,offset:bigint,timestamp:timestamp,timestampType:int,"
                    + "headers:array<struct<key:string,value:binary>>>");
            Row row = spark.table("raw").collectAsList().get(0);
            assertThat(row.get(0)).isEqualTo("k".getBytes());
            assertThat(row.get(5)).isEqualTo(new java.sql.Timestamp(T0 + 10));
            assertThat(row.get(7)).asList().containsExactly(Row.of("h1", "a".getBytes()));
        }
    }

    @Test
    void kafkaSourceWithAssignAndSpecificOffsetsSkipsOtherPartitionsAndEarlierOffsets() {
        // given: partition 0 from offset 1
        Dataset<Row> values = spark.readStream().format("kafka").option("kafka.bootstrap.servers", "localhost:9092")
                .option("assign", "{\"events\":[0]}").option("startingOffsets", "{\"events\":{\"0\":1}}").load()
                .selectExpr("CAST(value AS STRING) AS v", "offset");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                values.writeStream().format("memory").queryName("assigned"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.sendRecord(T0 + 10, null, "first");
            test.sendRecord(T0 + 20, null, "second");
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(spark.table("assigned").collectAsList()).containsExactly(Row.of("second", 1L));
        }
    }

    @Test
    void kafkaSourceSubscribedToTwoTopicsReadsBoth() {
        // given
        Dataset<Row> values = spark.readStream().format("kafka").option("kafka.bootstrap.servers", "localhost:9092")
                .option("subscribe", "left, right").load().selectExpr("topic", "CAST(value AS STRING)");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                values.writeStream().format("memory").queryName("both"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.sendRecordTo("left", T0 + 10, null, "l");
            test.sendRecordTo("right", T0 + 20, null, "r");
            test.closeThrough(T0 + 1_000);

            // then
            assertThat(spark.table("both").collectAsList()).containsExactlyInAnyOrder(Row.of("left", "l"), Row.of("right", "r"));
        }
    }

    @Test
    void kafkaSourceOptionsAreCheckedWithSparksMessages() {
        assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", "b:9092").load())
                .hasMessage("One of the following options must be specified for Kafka source: subscribe, "
                        + "subscribepattern, assign. See the docs for more details.");
        assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", "b:9092")
                .option("subscribe", "a").option("subscribePattern", "a.*").load())
                .hasMessage("Only one of the following options can be specified for Kafka source: subscribe, "
                        + "subscribepattern, assign. See the docs for more details.");
        assertThatThrownBy(() -> spark.readStream().format("kafka").option("subscribe", "a").load())
                .hasMessage("Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer");
        assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", "b:9092")
                .option("assign", "a").load())
                .hasMessage("No topicpartitions to assign as specified value for option 'assign' is 'a'");
        assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", "b:9092")
                .option("subscribe", "a").option("startingOffsets", "soon").load())
                .hasMessage("Expected e.g. {\"topicA\":{\"0\":23,\"1\":-1},\"topicB\":{\"0\":-2}}, got soon");
        assertThatThrownBy(() -> spark.readStream().format("kafka").option("kafka.bootstrap.servers", "b:9092")
                .option("subscribe", "a").option("endingOffsets", "latest").load())
                .hasMessage("ending offset not valid in streaming queries");
        assertThatThrownBy(() -> spark.read().format("kafka").option("kafka.bootstrap.servers", "b:9092")
                .option("subscribe", "a").option("startingOffsets", "latest").load())
                .hasMessage("starting offset can't be latest for batch queries on Kafka");
        assertThatThrownBy(() -> spark.read().format("kafka").option("kafka.bootstrap.servers", "b:9092")
                .option("subscribe", "a").option("endingOffsets", "earliest").load())
                .hasMessage("ending offset can't be earliest for batch queries on Kafka");
        assertThatThrownBy(() -> spark.readStream().format("kafka").schema("v STRING").load())
                .isInstanceOf(AnalysisException.class).hasMessageContaining("user-specified schema");
    }

    @Test
    void anUnknownFormatOrOptionFailsAtLoadNamingIt() {
        assertThatThrownBy(() -> spark.readStream().format("xyz").load())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: xyz.");
        assertThatThrownBy(() -> spark.readStream().schema("a STRING").option("maxFilesPerTriger", 1).csv("/in"))
                .isInstanceOf(AnalysisException.class).hasMessageStartingWith("Unknown option 'maxFilesPerTriger' for the csv source");
        assertThatThrownBy(() -> spark.read().option("multiLine", "true").text("/in"))
                .isInstanceOf(AnalysisException.class).hasMessageStartingWith("Unknown option 'multiLine' for the text source");
        assertThatThrownBy(() -> spark.readStream().format("rate").option("rowsPerBatch", 1).load())
                .isInstanceOf(AnalysisException.class).hasMessageStartingWith("Unknown option 'rowsPerBatch' for the rate source");
        // option keys are case-insensitive, as in Spark
        assertThat(spark.readStream().format("rate").option("ROWSPERSECOND", 5).load().isStreaming()).isTrue();
    }

    @Test
    void fileAndRateOptionValuesAreCheckedWithSparksMessages() {
        assertThatThrownBy(() -> spark.readStream().option("maxFilesPerTrigger", 2).option("maxBytesPerTrigger", 100)
                .text("/in")).hasMessage("Options 'maxFilesPerTrigger' and 'maxBytesPerTrigger' can't be both set at the same time");
        assertThatThrownBy(() -> spark.readStream().option("maxFilesPerTrigger", 0).text("/in"))
                .hasMessage("Invalid value '0' for option 'maxFilesPerTrigger', must be a positive integer");
        assertThatThrownBy(() -> spark.readStream().option("latestFirst", "yes").text("/in"))
                .hasMessage("Invalid value 'yes' for option 'latestFirst', must be 'true' or 'false'");
        assertThatThrownBy(() -> spark.readStream().option("cleanSource", "archive").text("/in"))
                .hasMessage("Archive mode must be used with 'sourceArchiveDir' option.");
        assertThatThrownBy(() -> spark.readStream().option("cleanSource", "move").text("/in"))
                .hasMessage("Invalid mode for clean source option Some(move). Must be one of ARCHIVE,DELETE,OFF");
        assertThatThrownBy(() -> spark.readStream().format("rate").option("rowsPerSecond", 0).load())
                .hasMessage("Invalid value '0'. The option 'rowsPerSecond' must be positive");
        assertThatThrownBy(() -> spark.readStream().format("rate-micro-batch").load())
                .hasMessage("Invalid value '0'. The option 'rowsPerBatch' must be positive");
        assertThatThrownBy(() -> spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 1)
                .option("advanceMillisPerBatch", -1).load())
                .hasMessage("Invalid value '-1'. The option 'advanceMillisPerBatch' must be non-negative");
    }

    @Test
    void staticCsvReadSkipsHeadersAndFollowsSparksParseModes(@TempDir Path dir) throws Exception {
        // given
        java.nio.file.Files.writeString(dir.resolve("a.csv"), "name,age\nalice,30\nbob,x\n\ncarol\n");
        java.nio.file.Files.writeString(dir.resolve("_SUCCESS"), "");

        // when
        java.util.List<Row> permissive = spark.read().schema(PEOPLE).option("header", "true").csv(dir.toString())
                .collectAsList();
        java.util.List<Row> dropped = spark.read().schema("name STRING, age INT").option("header", "true")
                .option("mode", "DROPMALFORMED").csv(dir.toString()).collectAsList();

        // then
        assertThat(permissive).containsExactly(Row.of("alice", 30, null), Row.of("bob", null, "bob,x"),
                Row.of("carol", null, "carol"));
        assertThat(dropped).containsExactly(Row.of("alice", 30));
        assertThatThrownBy(() -> spark.read().schema("name STRING, age INT").option("header", "true")
                .option("mode", "FAILFAST").csv(dir.toString()))
                .hasMessageContaining("Malformed records are detected in record parsing: [bob,null]. Parse Mode: FAILFAST.");
    }

    @Test
    void castInSelectExprAndExprKeepsTheColumnNameAndFailsOnMalformedInputAsSpark() {
        // given
        io.streamling.sql.types.StructType schema = io.streamling.sql.types.StructType.fromDDL("s STRING, b BINARY");
        Dataset<Row> df = spark.createDataFrame(java.util.List.of(Row.of(" 42 ", "hi".getBytes()), Row.of(null, null)),
                schema);

        // when
        Dataset<Row> cast = df.selectExpr("CAST(s AS INT)", "CAST(b AS STRING) AS text", "cast(s as bigint)");
        Dataset<Row> viaColumn = df.select(df.col("b").cast("string"), functions.expr("CAST('7' AS INT)"));

        // then
        assertThat(cast.columns()).containsExactly("s", "text", "s");
        assertThat(cast.collectAsList()).containsExactly(Row.of(42, "hi", 42L), Row.of(null, null, null));
        assertThat(viaColumn.columns()).containsExactly("b", "CAST(7 AS INT)");
        assertThat(viaColumn.collectAsList().get(0)).isEqualTo(Row.of("hi", 7));
        assertThatThrownBy(() -> spark.createDataFrame(java.util.List.of(Row.of("x", null)), schema)
                .selectExpr("CAST(s AS INT)").collectAsList())
                .hasMessageContaining("[CAST_INVALID_INPUT] The value 'x' of the type \"STRING\" cannot be cast to \"INT\"");
        assertThatThrownBy(() -> df.selectExpr("CAST(b AS INT)"))
                .hasMessageContaining("cannot cast \"BINARY\" to \"INT\"");
    }

    @Test
    void csvHeaderThatDoesNotMatchTheSchemaFailsWithoutEnforceSchemaNamingTheColumn(@TempDir Path dir) throws Exception {
        // given
        Path file = java.nio.file.Files.writeString(dir.resolve("a.csv"), "name,years\nalice,30\n");

        // when / then: Spark's default enforceSchema=true ignores header names
        assertThat(spark.read().schema("name STRING, age INT").option("header", true).csv(dir.toString())
                .collectAsList()).containsExactly(Row.of("alice", 30));
        assertThatThrownBy(() -> spark.read().schema("name STRING, age INT").option("header", true)
                .option("enforceSchema", false).csv(dir.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSV header does not conform to the schema.\n Header: name, years\n Schema: name, age\n"
                        + "Expected: age but found: years\nCSV file: " + file.toUri());
    }
}
