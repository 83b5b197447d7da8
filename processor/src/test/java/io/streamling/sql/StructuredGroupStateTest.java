package io.streamling.sql;

import static io.streamling.sql.ConsoleBatches.batch;
import static io.streamling.sql.StructuredEventTimeTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.examples.StructuredWindowedEvents;
import io.streamling.sql.types.StructType;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** groupByKey(...).mapGroupsWithState / flatMapGroupsWithState, GroupState and its timeouts. */
class StructuredGroupStateTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    private final SparkSession spark = SparkSession.builder().appName("group-state-test").getOrCreate();

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    private Dataset<Row> events() {
        return spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused");
    }

    private static KeyValueGroupedDataset<String, Row> byWord(Dataset<Row> events) {
        return events.groupByKey(row -> row.<String>getAs("word"), Encoders.STRING());
    }

    /** A running count per word, written at every call. */
    private static String count(String word, Iterator<Row> values, GroupState<Long> state) {
        long n = state.getOption().orElse(0L);
        while (values.hasNext()) {
            values.next();
            n++;
        }
        state.update(n);
        return word + ":" + n;
    }

    @Test
    void mapGroupsWithStateKeepsAStatePerKeyAcrossMicroBatches() {
        // given
        Dataset<String> counts = byWord(events()).mapGroupsWithState(StructuredGroupStateTest::count, Encoders.LONG(),
                Encoders.STRING());
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                counts.writeStream().format("console").outputMode("update"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, event("12:00", "a"), event("12:01", "b"), event("12:02", "a"));
            test.send(T0 + 2_010, event("12:03", "a"));
            test.closeThrough(T0 + 4_000);

            // then: one record per key with values; no timeouts, so no batch without input
            assertThat(test.console()).isEqualTo(
                    batch(0, "+-----+", "|value|", "+-----+", "|  a:2|", "|  b:1|", "+-----+")
                    + batch(1, "+-----+", "|value|", "+-----+", "|  a:3|", "+-----+"));
        }
    }

    @Test
    void aProcessingTimeTimeoutFiresInTheFirstTriggerAfterItsDurationWithNoValues() {
        // given
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Dataset<String> out = byWord(events()).mapGroupsWithState((String word, Iterator<Row> values,
                GroupState<Long> state) -> {
            if (state.hasTimedOut()) {
                state.remove();
                return word + ":timeout";
            }
            String result = count(word, values, state);
            state.setTimeoutDuration("2 seconds");
            return result;
        }, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.ProcessingTimeTimeout());
        // a typed micro-batch, as Spark's foreachBatch hands a Dataset<String> query
        DataStreamWriter<String> writer = out.writeStream().outputMode("update")
                .foreachBatch((Dataset<String> batch, Long id) -> seen.add(id + ":" + batch.collectAsList()));
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when: one value, then four triggers without input
            test.send(T0 + 10, event("12:00", "a"));
            test.closeThrough(T0 + 5_000);

            // then: every trigger is a micro-batch, as in Spark with a processing-time timeout
            assertThat(seen).containsExactly("0:[a:1]", "1:[]", "2:[]", "3:[a:timeout]", "4:[]");
        }
    }

    /**
     * A count per word whose state times out 5 minutes (event time) after the word's latest row:
     * a timed-out word writes its count and the watermark; a timeout the watermark already passed
     * writes Spark's error message. Each micro-batch's lines are added to {@code seen}.
     */
    private DataStreamWriter<String> countsTimingOutFiveMinutesAfterTheirLatestRow(List<String> seen) {
        Dataset<String> out = byWord(events().withWatermark("timestamp", "10 minutes")).flatMapGroupsWithState(
                StructuredGroupStateTest::countUntilTimeout, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                GroupStateTimeout.EventTimeTimeout());
        return out.writeStream().outputMode("update")
                .foreachBatch((batch, id) -> seen.add(id + ":" + batch.collectAsList()));
    }

    private static Iterator<String> countUntilTimeout(String word, Iterator<Row> values, GroupState<Long> state) {
        if (state.hasTimedOut()) {
            String result = word + ":" + state.get() + " at watermark "
                    + Instant.ofEpochMilli(state.getCurrentWatermarkMs());
            state.remove();
            return List.of(result).iterator();
        }
        long latest = 0;
        long n = state.getOption().orElse(0L);
        while (values.hasNext()) {
            latest = Math.max(latest, values.next().<Timestamp>getAs("timestamp").getTime());
            n++;
        }
        state.update(n);
        try {
            state.setTimeoutTimestamp(latest, "5 minutes");
        } catch (IllegalArgumentException e) {
            return List.of(word + ":" + n + " " + e.getMessage()).iterator();
        }
        return Collections.emptyIterator();
    }

    @Test
    void anEventTimeTimeoutFiresWhenTheWatermarkPassesItAndLateRowsAreDropped() {
        // given
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        DataStreamWriter<String> writer = countsTimingOutFiveMinutesAfterTheirLatestRow(seen);
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when: a times out at 12:07; the watermark reaches 12:20 after 12:30 arrives
            test.send(T0 + 10, event("12:00", "a"), event("12:02", "a"));
            test.send(T0 + 2_010, event("12:30", "b"));
            test.send(T0 + 4_010, event("12:05", "a"));
            test.closeThrough(T0 + 6_000);

            // then: 12:05 is behind the watermark: no call for a; b's timeout (12:35) is not reached
            assertThat(seen).containsExactly("0:[]", "1:[]", "2:[]", "3:[a:2 at watermark 2026-01-01T12:20:00Z]",
                    "4:[]");
        }
    }

    @Test
    void rowsAfterThePreviousWatermarkReachTheFunctionWhoseTimeoutMustNotPrecedeTheCurrentOne() {
        // given: Spark 4.0.1 on the same back-to-back micro-batches writes the lines asserted below
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        DataStreamWriter<String> writer = countsTimingOutFiveMinutesAfterTheirLatestRow(seen);
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when: micro-batch 2 runs with watermark 12:20, but 12:05 is after the previous one (11:52)
            test.send(T0 + 10, event("12:00", "a"), event("12:02", "a"));
            test.send(T0 + 1_010, event("12:30", "b"));
            test.send(T0 + 2_010, event("12:05", "a"), event("12:31", "c"));
            test.send(T0 + 3_010, event("12:40", "d"));
            test.closeThrough(T0 + 5_000);

            // then: a's new timeout (12:10) would precede the watermark; a call with data clears the old one
            assertThat(seen).containsExactly("0:[]", "1:[]", "2:[a:3 Timeout timestamp (1767269400000) cannot be "
                    + "earlier than the current watermark (1767270000000)]", "3:[]", "4:[]");
        }
    }

    @Test
    void groupStateChecksItsArgumentsAsSpark() {
        // given: static data, where the function runs once per key
        StructType schema = StructType.fromDDL(StructuredWindowedEvents.SCHEMA);
        Dataset<Row> rows = spark.createDataFrame(List.of(new Row(schema, new Timestamp(0), "a")), schema);

        // when
        List<String> checks = byWord(rows).mapGroupsWithState((String word, Iterator<Row> values,
                GroupState<Long> state) -> {
            List<String> out = new ArrayList<>();
            out.add(error(() -> state.update(null)));
            out.add(error(state::get));
            out.add(error(() -> state.setTimeoutDuration(1_000)));
            out.add(error(() -> state.setTimeoutTimestamp(1_000)));
            state.update(5L);
            out.add(state.exists() + "/" + state.get() + "/" + state.getCurrentWatermarkMs());
            state.remove();
            out.add(state.exists() + "/" + state.getOption());
            return String.join("; ", out);
        }, Encoders.LONG(), Encoders.STRING()).collectAsList();

        // then
        assertThat(checks).containsExactly(String.join("; ",
                "IllegalArgumentException: 'null' is not a valid state value",
                "NoSuchElementException: State is either not defined or has already been removed",
                "UnsupportedOperationException: Cannot set timeout duration without enabling processing time timeout "
                        + "in [map|flatMap]GroupsWithState",
                "UnsupportedOperationException: Cannot set timeout timestamp without enabling event time timeout in "
                        + "[map|flatMap]GroupsWithState",
                "true/5/-1", "false/Optional.empty"));
    }

    private static String error(Runnable action) {
        try {
            action.run();
            return "no error";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void theOutputModeMustMatchTheOperation() {
        Dataset<String> mapped = byWord(events()).mapGroupsWithState(StructuredGroupStateTest::count, Encoders.LONG(),
                Encoders.STRING());
        Dataset<String> flat = byWord(events()).flatMapGroupsWithState(
                (String word, Iterator<Row> values, GroupState<Long> state) -> Collections.emptyIterator(),
                OutputMode.Update(), Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout());

        assertThatThrownBy(() -> mapped.writeStream().format("console").outputMode("append").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("mapGroupsWithState is not supported with Append output mode on a streaming "
                        + "DataFrame/Dataset");
        assertThatThrownBy(() -> flat.writeStream().format("console").outputMode("append").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("flatMapGroupsWithState in update mode is not supported with Append output mode on a "
                        + "streaming DataFrame/Dataset");
    }

    @Test
    void anEventTimeTimeoutNeedsAWatermark() {
        Dataset<String> out = byWord(events()).mapGroupsWithState(StructuredGroupStateTest::count, Encoders.LONG(),
                Encoders.STRING(), GroupStateTimeout.EventTimeTimeout());

        assertThatThrownBy(() -> out.writeStream().format("console").outputMode("update").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Watermark must be specified in the query using '[Dataset/DataFrame].withWatermark()' for "
                        + "using event-time timeout in a [map|flatMap]GroupsWithState. Event-time timeout not "
                        + "supported without watermark.");
    }

    @Test
    void anAggregationAfterMapGroupsWithStateIsRefusedAtStartAsStreamlingRunsOneStatefulOperator() {
        Dataset<Row> counted = byWord(events()).mapGroupsWithState(StructuredGroupStateTest::count, Encoders.LONG(),
                Encoders.STRING()).groupBy("value").count();

        assertThatThrownBy(() -> counted.writeStream().format("console").outputMode("update").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Streamling runs one stateful operator (aggregation, deduplication, group state, "
                        + "stream-stream join) per streaming query, so an aggregation after another one is not "
                        + "supported yet; split the work into several queries");
    }

    private KeyValueGroupedDataset<String, Long> initialCounts(Row... rows) {
        StructType schema = StructType.fromDDL("word STRING, n BIGINT");
        List<Row> withSchema = java.util.Arrays.stream(rows).map(r -> new Row(schema, r.values())).toList();
        return spark.createDataFrame(withSchema, schema)
                .groupByKey(row -> row.<String>getAs("word"), Encoders.STRING())
                .mapValues(row -> row.<Long>getAs("n"), Encoders.LONG());
    }

    @Test
    void anInitialStateIsAppliedInTheFirstMicroBatchAndItsKeysWithoutDataAreCalledToo() {
        // given
        Dataset<String> counts = byWord(events()).mapGroupsWithState(StructuredGroupStateTest::count, Encoders.LONG(),
                Encoders.STRING(), GroupStateTimeout.NoTimeout(), initialCounts(Row.of("a", 10L), Row.of("z", 5L)));
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                counts.writeStream().format("console").outputMode("update"), stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, event("12:00", "a"), event("12:01", "b"));
            test.send(T0 + 2_010, event("12:03", "a"));
            test.closeThrough(T0 + 4_000);

            // then
            assertThat(test.console()).isEqualTo(
                    batch(0, "+-----+", "|value|", "+-----+", "| a:11|", "|  b:1|", "|  z:5|", "+-----+")
                    + batch(1, "+-----+", "|value|", "+-----+", "| a:12|", "+-----+"));
        }
    }

    @Test
    void anInitialStateWithADuplicateKeyIsRefused() {
        assertThatThrownBy(() -> byWord(events()).mapGroupsWithState(StructuredGroupStateTest::count, Encoders.LONG(),
                Encoders.STRING(), GroupStateTimeout.NoTimeout(), initialCounts(Row.of("a", 1L), Row.of("a", 2L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The initial state provided contained multiple rows(state) with the same key. Make sure to "
                        + "de-duplicate the initial state before passing it.");
    }

    @Test
    void onStaticDataTheFunctionRunsOncePerKeyOfTheDataOrTheInitialState() {
        StructType schema = StructType.fromDDL(StructuredWindowedEvents.SCHEMA);
        Dataset<Row> rows = spark.createDataFrame(List.of(new Row(schema, new Timestamp(0), "a"),
                new Row(schema, new Timestamp(0), "a")), schema);

        List<String> out = byWord(rows).mapGroupsWithState(StructuredGroupStateTest::count, Encoders.LONG(),
                Encoders.STRING(), GroupStateTimeout.NoTimeout(), initialCounts(Row.of("y", 7L))).collectAsList();

        assertThat(out).containsExactly("a:2", "y:7");
    }
}
