package io.streamling.sql;

import static io.streamling.sql.StructuredEventTimeTest.event;
import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.examples.StructuredWindowedEvents;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two streams in one query: union, stream-stream inner join, and the global watermark (min or max policy). */
class StructuredUnionTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    private static Dataset<Row> events(SparkSession spark) {
        return spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused");
    }

    private static Timestamp at(String time) {
        return Timestamp.from(Instant.parse("2026-01-01T" + time + ":00Z"));
    }

    @Test
    void aUnionOfTwoStreamsWritesTheRowsOfBothInEachMicroBatch() {
        // given
        SparkSession spark = SparkSession.builder().appName("union-test").getOrCreate();
        Dataset<Row> both = events(spark).union(events(spark).select(col("timestamp"), col("word")))
                .where(col("word").notEqual("skip"));
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                both.writeStream().format("memory").queryName("both"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(0, T0 + 10, event("12:00", "a"), event("12:01", "skip"));
            test.send(1, T0 + 20, event("12:02", "b"));
            test.send(1, T0 + 1_010, event("12:03", "c"));
            test.closeThrough(T0 + 2_000);

            // then
            assertThat(spark.table("both").collectAsList()).containsExactly(Row.of(at("12:00"), "a"),
                    Row.of(at("12:02"), "b"), Row.of(at("12:03"), "c"));
        } finally {
            spark.stop();
        }
    }

    private List<Row> windowedCountsOfTwoWatermarkedStreams(SparkSession spark) {
        Dataset<Row> counts = events(spark).withWatermark("timestamp", "10 minutes")
                .union(events(spark).withWatermark("timestamp", "10 minutes"))
                .groupBy(window(col("timestamp"), "10 minutes"), col("word")).count();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                counts.writeStream().format("memory").queryName("counts").outputMode("append"), stateDir,
                Instant.ofEpochMilli(T0))) {
            // the first stream's watermark reaches 12:20 at once; the second's 12:05, then 12:30
            test.send(0, T0 + 10, event("12:30", "a"));
            test.send(1, T0 + 2_010, event("12:15", "b"));
            test.send(1, T0 + 4_010, event("12:40", "b"));
            test.closeThrough(T0 + 7_000);
            return spark.table("counts").collectAsList();
        }
    }

    @Test
    void theGlobalWatermarkIsTheMinimumOfTheStreamsWatermarksByDefault() {
        SparkSession spark = SparkSession.builder().appName("union-min").getOrCreate();
        try {
            // when: the slower stream holds the watermark back, so 12:15 is on time; [12:10, 12:20) closes at 12:20
            List<Row> out = windowedCountsOfTwoWatermarkedStreams(spark);

            // then
            assertThat(out).containsExactly(Row.of(Row.of(at("12:10"), at("12:20")), "b", 1L));
        } finally {
            spark.stop();
        }
    }

    @Test
    void theMaxPolicyLetsTheFasterStreamDropTheSlowerOnesRows() {
        SparkSession spark = SparkSession.builder().appName("union-max")
                .config("spark.sql.streaming.multipleWatermarkPolicy", "max").getOrCreate();
        try {
            // when: the watermark is 12:20 after the first batch, so [12:10, 12:20) is closed when 12:15 arrives
            List<Row> out = windowedCountsOfTwoWatermarkedStreams(spark);

            // then
            assertThat(out).isEmpty();
        } finally {
            spark.stop();
        }
    }

    @Test
    void aStreamStreamInnerJoinWritesEachPairOnceInTheBatchOfItsLaterRow() {
        // given
        SparkSession spark = SparkSession.builder().appName("join-test").getOrCreate();
        Dataset<Row> actions = spark.readStream().schema("id BIGINT, action STRING").json("/unused");
        Dataset<Row> users = spark.readStream().schema("id BIGINT, name STRING").json("/unused");
        Dataset<Row> joined = actions.join(users, "id");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                joined.writeStream().format("memory").queryName("joined"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(0, T0 + 10, "{\"id\":1,\"action\":\"open\"}");
            test.send(1, T0 + 20, "{\"id\":2,\"name\":\"bob\"}");
            test.send(1, T0 + 1_010, "{\"id\":1,\"name\":\"ann\"}");
            test.send(0, T0 + 2_010, "{\"id\":2,\"action\":\"close\"}", "{\"id\":1,\"action\":\"move\"}");
            test.closeThrough(T0 + 3_000);

            // then
            assertThat(joined.columns()).containsExactly("id", "action", "name");
            assertThat(spark.table("joined").collectAsList()).containsExactly(Row.of(1L, "open", "ann"),
                    Row.of(1L, "move", "ann"), Row.of(2L, "close", "bob"));
        } finally {
            spark.stop();
        }
    }

    @Test
    void aStreamStreamJoinIsRefusedOutsideAppendMode() {
        SparkSession spark = SparkSession.builder().appName("join-mode-test").getOrCreate();
        try {
            Dataset<Row> joined = spark.readStream().schema("id BIGINT, action STRING").json("/unused")
                    .join(spark.readStream().schema("id BIGINT, name STRING").json("/unused"), "id");

            assertThatThrownBy(() -> joined.writeStream().format("console").outputMode("update").start())
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Join between two streaming DataFrames/Datasets is not supported in Update output "
                            + "mode, only in Append output mode");
        } finally {
            spark.stop();
        }
    }

    @Test
    void aStreamStreamJoinOnTheEventTimeDropsLateRowsAndForgetsTimesTheWatermarkPassed() {
        // given: both sides watermarked 10 minutes, joined on the event time and the word
        SparkSession spark = SparkSession.builder().appName("join-watermark-test").getOrCreate();
        Dataset<Row> joined = events(spark).withWatermark("timestamp", "10 minutes")
                .join(events(spark).withWatermark("timestamp", "10 minutes"), new String[] {"timestamp", "word"});
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                joined.writeStream().format("memory").queryName("joined"), stateDir, Instant.ofEpochMilli(T0))) {

            // when: the global watermark is the slower side's, 11:50 after the first batch
            test.send(0, T0 + 10, event("12:00", "a"));
            test.send(1, T0 + 20, event("12:30", "x"));
            test.send(1, T0 + 2_010, event("12:00", "a"));
            test.send(0, T0 + 2_020, event("11:40", "z"), event("12:40", "q"));
            // the watermark is 12:20 now: (12:00, a) is forgotten and late
            test.send(1, T0 + 4_010, event("12:00", "a"), event("12:25", "c"));
            test.send(0, T0 + 4_020, event("11:40", "z"), event("12:25", "c"));
            test.closeThrough(T0 + 6_000);

            // then
            assertThat(spark.table("joined").collectAsList()).containsExactly(Row.of(at("12:00"), "a"),
                    Row.of(at("12:25"), "c"));
        } finally {
            spark.stop();
        }
    }

    @Test
    void aStreamStreamJoinNotOnTheEventTimeKeepsItsStateButDropsRowsBehindThePreviousMicroBatchsWatermark() {
        // given
        SparkSession spark = SparkSession.builder().appName("join-late-test").getOrCreate();
        Dataset<Row> joined = events(spark).withWatermark("timestamp", "10 minutes")
                .join(events(spark).withWatermark("timestamp", "10 minutes"), "word");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                joined.writeStream().format("memory").queryName("joined"), stateDir, Instant.ofEpochMilli(T0))) {

            // when: the watermark is 11:50 after the first micro-batch, 12:20 after the second
            test.send(0, T0 + 10, event("12:00", "a"));
            test.send(1, T0 + 20, event("12:30", "x"));
            test.send(0, T0 + 2_010, event("12:40", "q"));
            // as Spark's, late rows are those at or before the previous micro-batch's watermark (11:50): 12:10 is on time
            test.send(1, T0 + 4_010, event("12:10", "a"), event("12:35", "q"));
            // now 12:20 is that watermark: (12:15, a) is dropped, though (12:00, a) is still kept
            test.send(1, T0 + 6_010, event("12:50", "a"), event("12:15", "a"));
            test.closeThrough(T0 + 8_000);

            // then
            assertThat(joined.columns()).containsExactly("word", "timestamp", "timestamp");
            assertThat(spark.table("joined").collectAsList()).containsExactly(Row.of("a", at("12:00"), at("12:10")),
                    Row.of("q", at("12:40"), at("12:35")), Row.of("a", at("12:00"), at("12:50")));
            assertThat(test.recentProgress()[3].stateOperators()[0].numRowsDroppedByWatermark()).isEqualTo(1);
        } finally {
            spark.stop();
        }
    }

    private List<Row> joinOnEventTime(SparkSession spark, String joinType) {
        Dataset<Row> left = events(spark).withWatermark("timestamp", "10 minutes");
        Dataset<Row> right = events(spark).withWatermark("timestamp", "10 minutes").withColumn("seen", col("word"));
        Dataset<Row> joined = left.join(right, new String[] {"timestamp", "word"}, joinType);
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                joined.writeStream().format("memory").queryName("joined"), stateDir, Instant.ofEpochMilli(T0))) {
            test.send(0, T0 + 10, event("12:00", "a"), event("12:01", "b"));
            test.send(1, T0 + 20, event("12:00", "a"));
            // the watermark is 11:50 here, so the second (12:00, a) on the right is on time
            test.send(0, T0 + 2_010, event("12:30", "c"));
            test.send(1, T0 + 2_020, event("12:40", "d"), event("12:00", "a"));
            // the watermark reaches 12:20: (12:00, a) and (12:01, b) are evicted in the no-data batch
            test.closeThrough(T0 + 5_000);
            return spark.table("joined").collectAsList();
        }
    }

    @Test
    void aStreamStreamLeftOuterJoinWritesUnmatchedLeftRowsWithNullsOnceTheWatermarkPassesTheirKey() {
        SparkSession spark = SparkSession.builder().appName("left-outer-test").getOrCreate();
        try {
            assertThat(joinOnEventTime(spark, "left_outer")).containsExactly(Row.of(at("12:00"), "a", "a"),
                    Row.of(at("12:00"), "a", "a"), Row.of(at("12:01"), "b", null));
        } finally {
            spark.stop();
        }
    }

    @Test
    void aStreamStreamLeftSemiJoinWritesEachLeftRowAtItsFirstMatchOnly() {
        SparkSession spark = SparkSession.builder().appName("left-semi-test").getOrCreate();
        try {
            assertThat(joinOnEventTime(spark, "left_semi")).containsExactly(Row.of(at("12:00"), "a"));
        } finally {
            spark.stop();
        }
    }

    @Test
    void aStreamStreamOuterJoinNeedsTheWatermarkInItsKeys() {
        SparkSession spark = SparkSession.builder().appName("outer-no-key-test").getOrCreate();
        try {
            Dataset<Row> joined = events(spark).withWatermark("timestamp", "10 minutes")
                    .join(events(spark).withWatermark("timestamp", "10 minutes"), "word", "left_outer");

            assertThatThrownBy(() -> joined.writeStream().format("console").start())
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not "
                            + "supported without a watermark in the join keys, or a watermark on the nullable side and "
                            + "an appropriate range condition");
        } finally {
            spark.stop();
        }
    }
}
