package io.streamling.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.examples.StructuredWindowedEvents;
import io.streamling.examples.StructuredWordCount;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress's eventTime and stateOperators, and numInputRows of the stateful step, per micro-batch. */
class StructuredProgressMetricsTest {

    private static final long T0 = 1_700_000_000_000L;

    private final SparkSession spark = SparkSession.builder().appName("progress-metrics-test").getOrCreate();

    @TempDir
    Path dir;

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    /** operatorName total/updated/removed/dropped. */
    private static String state(StreamingQueryProgress progress) {
        return Arrays.stream(progress.stateOperators()).map(s -> s.operatorName() + " " + s.numRowsTotal() + "/"
                + s.numRowsUpdated() + "/" + s.numRowsRemoved() + "/" + s.numRowsDroppedByWatermark()).toList().toString();
    }

    private static Map<String, String> times(String watermark, String... minMaxAvg) {
        return minMaxAvg.length == 0 ? Map.of("watermark", "2026-01-01T" + watermark + "Z")
                : Map.of("watermark", watermark.startsWith("1970") ? watermark : "2026-01-01T" + watermark + "Z",
                        "min", "2026-01-01T" + minMaxAvg[0] + "Z", "max", "2026-01-01T" + minMaxAvg[1] + "Z",
                        "avg", "2026-01-01T" + minMaxAvg[2] + "Z");
    }

    @Test
    void shouldReportWatermarkEventTimesAndStateRowsOfEachMicroBatchOfTheWindowedAppendQuery() {
        // given: the guide's 10-minute windows sliding every 5 minutes with a 10-minute watermark
        Dataset<Row> events = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                StructuredWindowedEvents.windowedCounts(events).writeStream().outputMode("append").format("memory")
                        .queryName("windows"), dir, Instant.ofEpochMilli(T0))) {

            // when: four data batches, each followed by the no-data batch its new watermark causes
            for (int i = 0; i < StructuredWindowedEvents.GUIDE_EVENTS.size(); i++) {
                test.send(T0 + 10 + 2_000L * i, StructuredWindowedEvents.GUIDE_EVENTS.get(i).toArray(String[]::new));
            }
            test.closeThrough(T0 + 9_000);

            // then
            StreamingQueryProgress[] progress = test.recentProgress();
            assertThat(progress).extracting(StreamingQueryProgress::numInputRows)
                    .containsExactly(2L, 0L, 2L, 0L, 4L, 0L, 3L, 0L);
            assertThat(progress).extracting(StreamingQueryProgress::eventTime).containsExactly(
                    times("1970-01-01T00:00:00.000Z", "12:07:00.000", "12:08:00.000", "12:07:30.000"),
                    times("11:58:00.000"),
                    times("11:58:00.000", "12:09:00.000", "12:14:00.000", "12:11:30.000"),
                    times("12:04:00.000"),
                    times("12:04:00.000", "12:08:00.000", "12:21:00.000", "12:14:15.000"),
                    times("12:11:00.000"),
                    times("12:11:00.000", "12:04:00.000", "12:26:00.000", "12:15:40.000"),
                    times("12:16:00.000"));
            // 12:04 donkey falls in two windows the watermark (12:11) has passed: two grouped rows dropped
            assertThat(progress).extracting(StructuredProgressMetricsTest::state).containsExactly(
                    "[stateStoreSave 4/4/0/0]", "[stateStoreSave 4/0/0/0]", "[stateStoreSave 7/4/0/0]",
                    "[stateStoreSave 7/0/0/0]", "[stateStoreSave 12/8/0/0]", "[stateStoreSave 9/0/3/0]",
                    "[stateStoreSave 11/4/0/2]", "[stateStoreSave 8/0/3/0]");
            assertThat(progress).extracting(p -> p.sink().numOutputRows()).containsExactly(0L, 0L, 0L, 0L, 0L, 3L, 0L, 3L);
        }
    }

    @Test
    void shouldReportLateRowsDroppedAndKeysRemovedByTheWatermarkOfADeduplication() {
        // given: the event time is part of the key, so keys at or before the watermark are removed
        Dataset<Row> events = spark.readStream().schema("id STRING, time TIMESTAMP").json("/unused")
                .withWatermark("time", "10 minutes").dropDuplicates("id", "time");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(events.writeStream().format("memory")
                .queryName("ids"), dir, Instant.ofEpochMilli(T0))) {

            // when: 12:00 and 12:05 (watermark 11:55 next), then 12:30 (watermark 12:20), then 12:01 (late)
            test.send(T0 + 10, event("a", "12:00"), event("b", "12:05"), event("a", "12:00"));
            test.send(T0 + 2_010, event("c", "12:30"));
            test.send(T0 + 4_010, event("d", "12:01"), event("e", "12:25"));
            test.closeThrough(T0 + 5_000);

            // then: data, no-data (11:55 moved nothing out), data (12:30), no-data (12:20 removes a and b), data
            StreamingQueryProgress[] progress = test.recentProgress();
            assertThat(progress).extracting(StreamingQueryProgress::numInputRows).containsExactly(3L, 0L, 1L, 0L, 2L);
            assertThat(progress).extracting(StructuredProgressMetricsTest::state).containsExactly(
                    "[dedupe 2/2/0/0]", "[dedupe 2/0/0/0]", "[dedupe 3/1/0/0]", "[dedupe 1/0/2/0]", "[dedupe 2/1/0/1]");
        }
    }

    private static String event(String id, String time) {
        return "{\"id\":\"" + id + "\",\"time\":\"2026-01-01T" + time + ":00Z\"}";
    }

    @Test
    void shouldReportTheGroupsHeldAndUpdatedAndNoEventTimeForAnAggregationWithoutWatermark() {
        // given
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999).load();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(StructuredWordCount.wordCounts(lines)
                .writeStream().outputMode("update").format("memory").queryName("words"), dir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "a b a", "c");
            test.send(T0 + 1_010, "a d");
            test.closeThrough(T0 + 2_000);

            // then
            StreamingQueryProgress[] progress = test.recentProgress();
            assertThat(progress).extracting(StreamingQueryProgress::numInputRows).containsExactly(2L, 1L);
            assertThat(progress).extracting(StreamingQueryProgress::eventTime).containsExactly(Map.of(), Map.of());
            assertThat(progress).extracting(StructuredProgressMetricsTest::state)
                    .containsExactly("[stateStoreSave 3/3/0/0]", "[stateStoreSave 4/2/0/0]");
            assertThat(progress[1].json()).contains("\"stateOperators\":[{\"operatorName\":\"stateStoreSave\","
                    + "\"numRowsTotal\":4,\"numRowsUpdated\":2,\"allUpdatesTimeMs\":0,\"numRowsRemoved\":0,");
        }
    }

    @Test
    void shouldKeepCountingTheGroupsHeldWhenABatchOnlyChangesGroupsItAlreadyHadInEitherMode() {
        for (String mode : List.of("update", "complete")) {
            // given
            Dataset<Row> lines = spark.readStream().format("socket").option("host", "localhost").option("port", 9999)
                    .load();
            try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(StructuredWordCount.wordCounts(lines)
                    .writeStream().outputMode(mode).format("memory").queryName("words_" + mode), dir.resolve(mode),
                    Instant.ofEpochMilli(T0))) {

                // when: new groups, then only known ones, then one more
                test.send(T0 + 10, "a b a", "c");
                test.send(T0 + 1_010, "b");
                test.send(T0 + 2_010, "d a");
                test.closeThrough(T0 + 3_000);

                // then: update mode writes the changed groups, complete mode all of them
                StreamingQueryProgress[] progress = test.recentProgress();
                assertThat(progress).extracting(StructuredProgressMetricsTest::state).as(mode).containsExactly(
                        "[stateStoreSave 3/3/0/0]", "[stateStoreSave 3/1/0/0]", "[stateStoreSave 4/2/0/0]");
                assertThat(progress).extracting(p -> p.sink().numOutputRows()).as(mode)
                        .containsExactlyElementsOf(mode.equals("update") ? List.of(3L, 1L, 2L) : List.of(3L, 3L, 4L));
            }
        }
    }

    @Test
    void shouldCountTheInputRowsAndTheKeysOfADeduplicationInTheStatefulStep() {
        // given
        Dataset<Row> events = spark.readStream().schema("id STRING").json("/unused");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(events.dropDuplicates("id").writeStream()
                .format("memory").queryName("ids"), dir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "{\"id\":\"a\"}", "{\"id\":\"a\"}", "{\"id\":\"b\"}");
            test.send(T0 + 1_010, "{\"id\":\"b\"}");
            test.closeThrough(T0 + 2_000);

            // then
            assertThat(test.recentProgress()).extracting(StreamingQueryProgress::numInputRows).containsExactly(3L, 1L);
            assertThat(test.recentProgress()).extracting(StructuredProgressMetricsTest::state)
                    .containsExactly("[dedupe 2/2/0/0]", "[dedupe 2/0/0/0]");
            assertThat(spark.table("ids").collectAsList()).isEqualTo(List.of(Row.of("a"), Row.of("b")));
        }
    }

    private static String word(String time, String word) {
        return StructuredWindowedEvents.event(time, word);
    }

    @Test
    void shouldReportTheRowsBothSidesOfAStreamStreamJoinKeepAddAndEvictAndTheLateRowsDropped() {
        // given: both sides watermarked 10 minutes, joined on the event time and the word
        Dataset<Row> left = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused")
                .withWatermark("timestamp", "10 minutes");
        Dataset<Row> right = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused")
                .withWatermark("timestamp", "10 minutes");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(left.join(right,
                new String[] {"timestamp", "word"}).writeStream().format("memory").queryName("joined"), dir,
                Instant.ofEpochMilli(T0))) {

            // when: the global watermark (the slower side's) is 11:50 after the first batch, 12:20 after the third
            test.send(0, T0 + 10, word("12:00", "a"));
            test.send(1, T0 + 20, word("12:30", "x"));
            test.send(1, T0 + 2_010, word("12:00", "a"));
            test.send(0, T0 + 2_020, word("11:40", "z"), word("12:40", "q"));
            test.send(1, T0 + 4_010, word("12:00", "a"), word("12:25", "c"));
            test.send(0, T0 + 4_020, word("11:40", "z"), word("12:25", "c"));
            test.closeThrough(T0 + 6_000);

            // then: the no-data batch at 12:20 evicts both (12:00, a) rows
            StreamingQueryProgress[] progress = test.recentProgress();
            assertThat(progress).extracting(StreamingQueryProgress::numInputRows).containsExactly(2L, 0L, 3L, 0L, 4L);
            assertThat(progress).extracting(StructuredProgressMetricsTest::state).containsExactly(
                    "[symmetricHashJoin 2/2/0/0]", "[symmetricHashJoin 2/0/0/0]", "[symmetricHashJoin 4/2/0/1]",
                    "[symmetricHashJoin 2/0/2/0]", "[symmetricHashJoin 4/2/0/2]");
            assertThat(progress).extracting(p -> p.eventTime().get("watermark")).containsExactly(
                    "1970-01-01T00:00:00.000Z", "2026-01-01T11:50:00.000Z", "2026-01-01T11:50:00.000Z",
                    "2026-01-01T12:20:00.000Z", "2026-01-01T12:20:00.000Z");
        }
    }

    @Test
    void shouldReportTheKeysAGroupStateFunctionUpdatedAndRemoved() {
        // given: a running count per word; b's state is removed the second time b comes
        Dataset<Row> events = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused");
        Dataset<String> counts = events.groupByKey(row -> row.<String>getAs("word"), Encoders.STRING())
                .mapGroupsWithState((String key, java.util.Iterator<Row> values, GroupState<Long> state) -> {
                    long n = state.getOption().orElse(0L);
                    while (values.hasNext()) {
                        values.next();
                        n++;
                    }
                    if (key.equals("b") && state.exists()) {
                        state.remove();
                        return key + ":removed";
                    }
                    state.update(n);
                    return key + ":" + n;
                }, Encoders.LONG(), Encoders.STRING());
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(counts.writeStream().format("memory")
                .queryName("counts").outputMode("update"), dir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, word("12:00", "a"), word("12:01", "b"), word("12:02", "a"));
            test.send(T0 + 1_010, word("12:03", "a"), word("12:04", "b"));
            test.closeThrough(T0 + 2_000);

            // then
            assertThat(spark.table("counts").collectAsList()).containsExactly(Row.of("a:2"), Row.of("b:1"),
                    Row.of("a:3"), Row.of("b:removed"));
            assertThat(test.recentProgress()).extracting(StructuredProgressMetricsTest::state).containsExactly(
                    "[flatMapGroupsWithState 2/2/0/0]", "[flatMapGroupsWithState 1/1/1/0]");
            assertThat(test.recentProgress()).extracting(StreamingQueryProgress::eventTime)
                    .containsExactly(Map.of(), Map.of());
        }
    }
}
