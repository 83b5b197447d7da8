package io.streamling.sql;

import static io.streamling.sql.ConsoleBatches.batch;
import static io.streamling.sql.StructuredEventTimeTest.event;
import static io.streamling.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.examples.StructuredWindowedEvents;
import io.streamling.sql.types.StructType;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deduplication, stream-static joins, limit, sort, and the operations Spark refuses on streams. */
class StructuredStatefulOpsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    private final SparkSession spark = SparkSession.builder().appName("stateful-ops-test").getOrCreate();

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    private Dataset<Row> events() {
        return spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused");
    }

    private Dataset<Row> actions() {
        return spark.readStream().schema("id BIGINT, action STRING").json("/unused");
    }

    private Dataset<Row> users() {
        StructType schema = StructType.fromDDL("id BIGINT, name STRING");
        return spark.createDataFrame(List.of(new Row(schema, 1L, "ann"), new Row(schema, 2L, "bob")), schema);
    }

    private static Timestamp at(String time) {
        return Timestamp.from(Instant.parse("2026-01-01T" + time + ":00Z"));
    }

    /** Sends each array of rows as a data micro-batch, each followed by a no-data micro-batch. */
    private List<Row> run(Dataset<Row> query, String mode, String[]... batches) {
        return run(query, mode, 2_000, batches);
    }

    /** Sends each array of rows as the next data micro-batch, with no no-data micro-batch between them. */
    private List<Row> runBackToBack(Dataset<Row> query, String mode, String[]... batches) {
        return run(query, mode, 1_000, batches);
    }

    private List<Row> run(Dataset<Row> query, String mode, long spacingMs, String[]... batches) {
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                query.writeStream().format("memory").queryName("out").outputMode(mode), stateDir,
                Instant.ofEpochMilli(T0))) {
            for (int i = 0; i < batches.length; i++) {
                test.send(T0 + 10 + spacingMs * i, batches[i]);
            }
            test.closeThrough(T0 + spacingMs * batches.length + 2_000);
        }
        return spark.table("out").collectAsList();
    }

    @Test
    void dropDuplicatesWithoutWatermarkKeepsEveryKeyForEver() {
        // when
        List<Row> out = run(actions().dropDuplicates("action"), "append",
                new String[] {"{\"id\":1,\"action\":\"open\"}", "{\"id\":2,\"action\":\"close\"}",
                    "{\"id\":3,\"action\":\"open\"}"},
                new String[] {"{\"id\":4,\"action\":\"open\"}", "{\"id\":5,\"action\":\"move\"}"});

        // then: the first row of each key (each batch's rows sorted, Streamling's stand-in for partition order)
        assertThat(out).containsExactly(Row.of(1L, "open"), Row.of(2L, "close"), Row.of(5L, "move"));
    }

    @Test
    void collectListAndSetGatherEachGroupsValuesAcrossMicroBatches() {
        // when the values of a group come in two micro-batches, one of them twice, and a null
        List<Row> out = run(actions().groupBy("action").agg(functions.collect_list("id"), functions.collect_set("id")),
                "complete",
                new String[] {"{\"id\":1,\"action\":\"open\"}", "{\"id\":2,\"action\":\"open\"}"},
                new String[] {"{\"id\":1,\"action\":\"open\"}", "{\"action\":\"close\"}"});

        // then the last complete result has every value in arrival order, the set each once, and [] for no values
        assertThat(out.subList(out.size() - 2, out.size())).containsExactly(
                Row.of("close", List.of(), List.of()), Row.of("open", List.of(1L, 2L, 1L), List.of(1L, 2L)));
    }

    @Test
    void distinctOnAStreamDeduplicatesWholeRows() {
        List<Row> out = run(actions().distinct(), "append",
                new String[] {"{\"id\":1,\"action\":\"open\"}", "{\"id\":1,\"action\":\"open\"}"},
                new String[] {"{\"id\":1,\"action\":\"open\"}", "{\"id\":1,\"action\":\"close\"}"});

        assertThat(out).containsExactly(Row.of(1L, "open"), Row.of(1L, "close"));
    }

    @Test
    void dropDuplicatesOnTheEventTimeForgetsKeysTheWatermarkPassedAndDropsLateRows() {
        // given
        Dataset<Row> unique = events().withWatermark("timestamp", "10 minutes").dropDuplicates("word", "timestamp");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                unique.writeStream().format("console"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, event("12:00", "a"), event("12:00", "a"), event("12:20", "b"));
            // watermark 12:10: (12:00, a) was forgotten, but is late now
            test.send(T0 + 2_010, event("12:00", "a"), event("12:15", "c"), event("12:20", "b"));
            test.closeThrough(T0 + 4_000);

            // then: the watermark moved after batch 0, so a no-data batch 1 ran
            String line = "+-------------------+----+";
            String header = "|          timestamp|word|";
            assertThat(test.console()).isEqualTo(
                    batch(0, line, header, line, "|2026-01-01 12:00:00|   a|", "|2026-01-01 12:20:00|   b|", line)
                    + batch(1, "+---------+----+", "|timestamp|word|", "+---------+----+", "+---------+----+")
                    + batch(2, line, header, line, "|2026-01-01 12:15:00|   c|", line));
        }
    }

    @Test
    void rowsAreLateOnlyBehindThePreviousMicroBatchsWatermarkWhileStateIsEvictedWithTheCurrentOne() {
        // given: Spark 4 (checked on 4.0.1): a data micro-batch right after the one that moved the
        // watermark to 12:15 drops rows at or before the previous watermark (0), not 12:15
        Dataset<Row> unique = events().withWatermark("timestamp", "10 minutes").dropDuplicates("word", "timestamp");

        // when
        List<Row> out = runBackToBack(unique, "append",
                new String[] {event("12:00", "a"), event("12:25", "b")},
                new String[] {event("12:07", "c"), event("12:00", "a"), event("12:26", "d")});

        // then: (12:07, c) is kept, (12:00, a) is still a duplicate
        assertThat(out).containsExactly(Row.of(at("12:00"), "a"), Row.of(at("12:25"), "b"),
                Row.of(at("12:07"), "c"), Row.of(at("12:26"), "d"));
    }

    @Test
    void aWindowClosedByTheCurrentWatermarkStillCountsRowsAfterThePreviousOne() {
        // given: Spark 4.0.1 writes [12:00, 12:10) with count 2 in micro-batch 1 (watermark 12:15)
        Dataset<Row> counts = events().withWatermark("timestamp", "10 minutes")
                .groupBy(functions.window(col("timestamp"), "10 minutes")).count()
                .select(col("window.start").cast("string").as("start"), col("count"));

        // when
        List<Row> out = runBackToBack(counts, "append",
                new String[] {event("12:00", "a"), event("12:25", "b")},
                new String[] {event("12:07", "c"), event("12:26", "d")},
                new String[] {event("12:40", "e")});

        // then: micro-batch 2 (watermark 12:16) drops nothing; 12:40 moves it to 12:30, closing [12:20, 12:30)
        assertThat(out).containsExactly(Row.of("2026-01-01 12:00:00", 2L), Row.of("2026-01-01 12:20:00", 2L));
    }

    @Test
    void updateModeCountsRowsAfterThePreviousWatermarkAndDropsRowsBehindIt() {
        // given: the same query in update mode; Spark 4.0.1 writes, micro-batch by micro-batch,
        // [12:00 1, 12:20 1], [12:00 2, 12:20 2], [12:40 1], [12:40 2] (12:05 dropped: behind 12:16)
        Dataset<Row> counts = events().withWatermark("timestamp", "10 minutes")
                .groupBy(functions.window(col("timestamp"), "10 minutes")).count()
                .select(col("window.start").cast("string").as("start"), col("count"));

        // when
        List<Row> out = runBackToBack(counts, "update",
                new String[] {event("12:00", "a"), event("12:25", "b")},
                new String[] {event("12:07", "c"), event("12:26", "d")},
                new String[] {event("12:40", "e")},
                new String[] {event("12:05", "f"), event("12:41", "g")});

        // then
        assertThat(out).containsExactly(Row.of("2026-01-01 12:00:00", 1L), Row.of("2026-01-01 12:20:00", 1L),
                Row.of("2026-01-01 12:00:00", 2L), Row.of("2026-01-01 12:20:00", 2L),
                Row.of("2026-01-01 12:40:00", 1L), Row.of("2026-01-01 12:40:00", 2L));
    }

    @Test
    void dropDuplicatesWithinWatermarkForgetsKeysAfterTheBatchThatPassedThemOverBackToBackMicroBatches() {
        // given: Spark 4.0.1 writes [12:00 a, 12:25 b], [12:26 c], [12:40 a], [] for these micro-batches
        Dataset<Row> unique = events().withWatermark("timestamp", "10 minutes").dropDuplicatesWithinWatermark("word");

        // when
        List<Row> out = runBackToBack(unique, "append",
                new String[] {event("12:00", "a"), event("12:25", "b")},
                new String[] {event("12:07", "a"), event("12:26", "c")},
                new String[] {event("12:40", "a")},
                new String[] {event("12:30", "b"), event("12:41", "c")});

        // then: (12:07, a) is a duplicate: a is forgotten only at the end of the micro-batch (watermark 12:15)
        assertThat(out).containsExactly(Row.of(at("12:00"), "a"), Row.of(at("12:25"), "b"), Row.of(at("12:26"), "c"),
                Row.of(at("12:40"), "a"));
    }

    @Test
    void sessionWindowsMergeRowsAfterThePreviousWatermarkAndDropRowsBehindIt() {
        // given: Spark 4.0.1 writes [12:00-12:08 a 2] in micro-batch 1 and [12:30-12:36 a 2] in micro-batch 3
        Dataset<Row> sessions = events().withWatermark("timestamp", "10 minutes")
                .groupBy(functions.session_window(col("timestamp"), "5 minutes"), col("word")).count()
                .select(col("session_window.start").cast("string").as("start"),
                        col("session_window.end").cast("string").as("end"), col("word"), col("count"));

        // when
        List<Row> out = runBackToBack(sessions, "append",
                new String[] {event("12:00", "a"), event("12:30", "a")},
                new String[] {event("12:03", "a"), event("12:31", "a")},
                new String[] {event("12:50", "a")},
                new String[] {event("12:06", "a"), event("12:51", "a")});

        // then: 12:06 is behind the previous watermark (12:21) and dropped; the 12:50 session stays open
        assertThat(out).containsExactly(Row.of("2026-01-01 12:00:00", "2026-01-01 12:08:00", "a", 2L),
                Row.of("2026-01-01 12:30:00", "2026-01-01 12:36:00", "a", 2L));
    }

    @Test
    void dropDuplicatesWithoutTheEventTimeInTheKeyStillDropsLateRows() {
        List<Row> out = run(events().withWatermark("timestamp", "10 minutes").dropDuplicates("word"), "append",
                new String[] {event("12:00", "a"), event("12:20", "b")},
                new String[] {event("12:05", "c"), event("12:30", "a"), event("12:30", "c")});

        assertThat(out).containsExactly(Row.of(at("12:00"), "a"), Row.of(at("12:20"), "b"), Row.of(at("12:30"), "c"));
    }

    @Test
    void dropDuplicatesWithinWatermarkForgetsAKeyOnceTheWatermarkPassesItsFirstTimePlusTheDelay() {
        List<Row> out = run(events().withWatermark("timestamp", "10 minutes").dropDuplicatesWithinWatermark("word"),
                "append",
                new String[] {event("12:00", "a"), event("12:05", "b")},
                new String[] {event("12:08", "a"), event("12:25", "z")},
                // watermark 12:15: a (until 12:10) and b (until 12:15) are forgotten
                new String[] {event("12:16", "a")});

        assertThat(out).containsExactly(Row.of(at("12:00"), "a"), Row.of(at("12:05"), "b"), Row.of(at("12:25"), "z"),
                Row.of(at("12:16"), "a"));
    }

    @Test
    void dropDuplicatesWithinWatermarkNeedsAWatermark() {
        Dataset<Row> unique = events().dropDuplicatesWithinWatermark("word");

        assertThatThrownBy(() -> unique.writeStream().format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without "
                        + "watermark");
    }

    @Test
    void innerLeftOuterAndLeftSemiJoinsWithTheStreamOnTheLeftPairEachRowWithTheStaticSide() {
        String[] input = {"{\"id\":1,\"action\":\"open\"}", "{\"id\":3,\"action\":\"close\"}"};

        List<Row> inner = run(actions().join(users(), "id"), "append", input);
        List<Row> leftOuter = run(actions().join(users(), "id", "left_outer"), "append", input);
        List<Row> leftSemi = run(actions().join(users(), "id", "leftsemi"), "append", input);

        assertThat(inner).containsExactly(Row.of(1L, "open", "ann"));
        assertThat(leftOuter).containsExactly(Row.of(1L, "open", "ann"), Row.of(3L, "close", null));
        assertThat(leftSemi).containsExactly(Row.of(1L, "open"));
    }

    @Test
    void aRightOuterJoinWithTheStreamOnTheRightKeepsEveryStreamRow() {
        Dataset<Row> joined = users().join(actions(), users().col("id").equalTo(col("id")), "right_outer");
        Dataset<Row> byUsing = users().join(actions(), "id", "right");

        List<Row> out = run(byUsing, "append", new String[] {"{\"id\":2,\"action\":\"open\"}",
            "{\"id\":3,\"action\":\"close\"}"});

        assertThat(byUsing.columns()).containsExactly("id", "name", "action");
        assertThat(joined.columns()).containsExactly("id", "name", "id", "action");
        assertThat(out).containsExactly(Row.of(2L, "bob", "open"), Row.of(3L, null, "close"));
    }

    @Test
    void joinsThatWouldNeedStateOnTheStaticSideAreRefusedAtStart() {
        assertThatThrownBy(() -> actions().join(users(), "id", "right_outer").writeStream().format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("RightOuter join with a streaming DataFrame/Dataset on the left and a static "
                        + "DataFrame/DataSet on the right not supported");
        assertThatThrownBy(() -> users().join(actions(), "id", "left_outer").writeStream().format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("LeftOuter join with a streaming DataFrame/Dataset on the right and a static "
                        + "DataFrame/Dataset on the left is not supported");
        assertThatThrownBy(() -> actions().join(users(), "id", "full_outer").writeStream().format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("FullOuter joins with streaming DataFrames/Datasets on the left and a static "
                        + "DataFrame/Dataset on the right is not supported");
        assertThatThrownBy(() -> users().join(actions(), "id", "semi").writeStream().format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("LeftSemi join with a streaming DataFrame/Dataset on the right and a static "
                        + "DataFrame/Dataset on the left is not supported");
    }

    @Test
    void aStreamingLimitInAppendModeWritesTheFirstRowsEverWritten() {
        List<Row> out = run(actions().limit(2), "append", new String[] {"{\"id\":1,\"action\":\"a\"}"},
                new String[] {"{\"id\":2,\"action\":\"b\"}", "{\"id\":3,\"action\":\"c\"}"});

        assertThat(out).containsExactly(Row.of(1L, "a"), Row.of(2L, "b"));
    }

    @Test
    void limitIsRefusedInUpdateMode() {
        Dataset<Row> counts = actions().groupBy("action").count().limit(1);

        assertThatThrownBy(() -> counts.writeStream().format("console").outputMode("update").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Limits are not supported on streaming DataFrames/Datasets in Update output mode");
    }

    @Test
    void sortingAnAggregationInCompleteModeOrdersEachResult() {
        List<Row> out = run(actions().groupBy("action").count().orderBy(col("count").desc()).limit(2), "complete",
                new String[] {"{\"id\":1,\"action\":\"a\"}", "{\"id\":2,\"action\":\"b\"}",
                    "{\"id\":3,\"action\":\"b\"}", "{\"id\":4,\"action\":\"c\"}"},
                new String[] {"{\"id\":5,\"action\":\"c\"}", "{\"id\":6,\"action\":\"c\"}"});

        assertThat(out).containsExactly(Row.of("c", 3L), Row.of("b", 2L));
    }

    @Test
    void sortingIsRefusedWithoutAnAggregationOrOutsideCompleteMode() {
        String message = "Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated "
                + "DataFrame/Dataset in Complete output mode";

        assertThatThrownBy(() -> actions().orderBy("id").writeStream().format("console").start())
                .isInstanceOf(AnalysisException.class).hasMessage(message);
        assertThatThrownBy(() -> actions().groupBy("action").count().orderBy("action").writeStream()
                .format("console").outputMode("update").start())
                .isInstanceOf(AnalysisException.class).hasMessage(message);
    }

    @Test
    void actionsOnAStreamAskForWriteStreamStart() {
        Dataset<Row> stream = actions();

        assertThatThrownBy(stream::count).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Queries with streaming sources must be executed with writeStream.start();");
        assertThatThrownBy(stream::show).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Queries with streaming sources must be executed with writeStream.start();");
        assertThatThrownBy(() -> stream.foreach(row -> { })).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Queries with streaming sources must be executed with writeStream.start();");
    }

    @Test
    void chainedAggregationsInCompleteModeAreRefusedWithSparksCorrectnessCheck() {
        Dataset<Row> chained = actions().groupBy("action").count().groupBy("count").count();

        assertThatThrownBy(() -> chained.writeStream().format("console").outputMode("complete").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Detected pattern of possible 'correctness' issue due to global watermark. ")
                .hasMessageEndingWith("you can disable this check by setting the config "
                        + "`spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.");
    }

    @Test
    void aDeduplicationAfterAnAggregationIsNotSupportedYet() {
        Dataset<Row> chained = events().withWatermark("timestamp", "10 minutes")
                .groupBy(functions.window(col("timestamp"), "10 minutes")).count().dropDuplicates("count");

        assertThatThrownBy(() -> chained.writeStream().format("console").outputMode("append").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("so a deduplication after another one is not supported yet");
    }

    @Test
    void aUnionOfAStreamAndAStaticDatasetIsRefusedAtStart() {
        Dataset<Row> both = actions().union(users());

        assertThatThrownBy(() -> both.writeStream().format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Union between streaming and batch DataFrames/Datasets is not supported");
    }
}
