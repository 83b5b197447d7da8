package io.streamling.sql;

import static io.streamling.sql.ConsoleBatches.batch;
import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.examples.StructuredWindowedEvents;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event time: watermarks, late rows, state eviction, append/update modes, no-data micro-batches. */
class StructuredEventTimeTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    private final SparkSession spark = SparkSession.builder().appName("event-time-test").getOrCreate();

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    static String event(String time, String word) {
        return StructuredWindowedEvents.event(time, word);
    }

    private Dataset<Row> events() {
        return spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused");
    }

    private static final String[] EMPTY = {"+------+----+-----+", "|window|word|count|", "+------+----+-----+",
        "+------+----+-----+"};
    private static final String LINE = "+------------------------------------------+----+-----+";

    private static String[] windows(String... rows) {
        String[] table = new String[rows.length + 4];
        table[0] = LINE;
        table[1] = "|window                                    |word|count|";
        table[2] = LINE;
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i].split(" ");
            table[3 + i] = "|{2026-01-01 " + cells[0] + ":00, 2026-01-01 " + cells[1] + ":00}|" + cells[2] + " |"
                    + cells[3] + "    |";
        }
        table[rows.length + 3] = LINE;
        return table;
    }

    @Test
    void appendModeWritesEachWindowOnceWhenTheWatermarkPassesItsEndInTheNoDataBatchAfter() {
        // given: Spark's guide example, 10-minute windows sliding every 5 minutes, watermark 10 minutes
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                StructuredWindowedEvents.windowedCounts(events()).writeStream().outputMode("append")
                        .format("console").option("truncate", false), stateDir,
                Instant.ofEpochMilli(T0))) {

            // when: four triggers with data, each followed by an empty trigger interval
            // 12:04 donkey, in the last group, is later than the watermark (12:11) for both its windows
            for (int i = 0; i < StructuredWindowedEvents.GUIDE_EVENTS.size(); i++) {
                test.send(T0 + 10 + 2_000L * i, StructuredWindowedEvents.GUIDE_EVENTS.get(i).toArray(String[]::new));
            }
            test.closeThrough(T0 + 9_000);

            // then: each data batch moves the watermark, so a no-data batch follows it and writes what became final
            assertThat(test.console()).isEqualTo(
                    batch(0, EMPTY) + batch(1, EMPTY) + batch(2, EMPTY) + batch(3, EMPTY) + batch(4, EMPTY)
                    + batch(5, windows("12:00 12:10 cat 1", "12:00 12:10 dog 2", "12:00 12:10 owl 1"))
                    + batch(6, EMPTY)
                    + batch(7, windows("12:05 12:15 cat 1", "12:05 12:15 dog 3", "12:05 12:15 owl 2")));
        }
    }

    @Test
    void theWindowedEventsExampleWritesEachFinalCountOnceAsAWordAtStartKeyAndAJsonValue() {
        // given: the example's records (what its Kafka sink writes), to a memory table
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                StructuredWindowedEvents.records(StructuredWindowedEvents.windowedCounts(events())).writeStream()
                        .outputMode("append").format("memory").queryName("records"), stateDir,
                Instant.ofEpochMilli(T0))) {

            // when
            for (int i = 0; i < StructuredWindowedEvents.GUIDE_EVENTS.size(); i++) {
                test.send(T0 + 10 + 2_000L * i, StructuredWindowedEvents.GUIDE_EVENTS.get(i).toArray(String[]::new));
            }
            test.closeThrough(T0 + 9_000);

            // then
            assertThat(spark.table("records").columns()).containsExactly("key", "value");
            assertThat(spark.table("records").collectAsList()).containsExactly(
                    record("cat", "12:00", "12:10", 1), record("dog", "12:00", "12:10", 2),
                    record("owl", "12:00", "12:10", 1), record("cat", "12:05", "12:15", 1),
                    record("dog", "12:05", "12:15", 3), record("owl", "12:05", "12:15", 2));
        }
    }

    private static Row record(String word, String start, String end, long count) {
        return Row.of(word + "@2026-01-01 " + start + ":00", "{\"window\":{\"start\":\"2026-01-01T" + start
                + ":00.000Z\",\"end\":\"2026-01-01T" + end + ":00.000Z\"},\"word\":\"" + word + "\",\"count\":"
                + count + "}");
    }

    @Test
    void updateModeWritesChangedWindowsAndDropsLateRowsOnlyForWindowsTheWatermarkPassed() {
        // given
        DataStreamWriter<Row> writer = StructuredWindowedEvents.windowedCounts(events()).writeStream()
                .outputMode("update").format("console").option("truncate", false);
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, event("12:07", "dog"), event("12:08", "owl"));
            test.send(T0 + 2_010, event("12:21", "owl"));
            // watermark 12:11: [12:00,12:10) is gone, so 12:09 counts only in [12:05,12:15)
            test.send(T0 + 4_010, event("12:09", "dog"));
            test.closeThrough(T0 + 6_000);

            // then
            assertThat(test.console()).isEqualTo(
                    batch(0, windows("12:00 12:10 dog 1", "12:00 12:10 owl 1", "12:05 12:15 dog 1",
                            "12:05 12:15 owl 1"))
                    + batch(1, EMPTY)
                    + batch(2, windows("12:15 12:25 owl 1", "12:20 12:30 owl 1"))
                    + batch(3, EMPTY)
                    + batch(4, windows("12:05 12:15 dog 2")));
        }
    }

    @Test
    void shouldDropRowsAtOrBeforeTheWatermarkWhenGroupingByThePlainEventTime() {
        // given
        Dataset<Row> counts = events().withWatermark("timestamp", "10 minutes").groupBy("timestamp").count();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                counts.writeStream().format("memory").queryName("times").outputMode("append"), stateDir,
                Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, event("12:00", "a"), event("12:05", "b"));
            test.send(T0 + 2_010, event("12:20", "c"), event("12:00", "d"));
            test.send(T0 + 4_010, event("12:10", "e"), event("12:11", "f"));
            test.closeThrough(T0 + 6_000);

            // then: 12:10 equals the watermark, so it is late; 12:11 waits for a later watermark
            assertThat(spark.table("times").collectAsList()).containsExactly(
                    Row.of(java.sql.Timestamp.from(Instant.parse("2026-01-01T12:00:00Z")), 2L),
                    Row.of(java.sql.Timestamp.from(Instant.parse("2026-01-01T12:05:00Z")), 1L));
        }
    }

    @Test
    void completeModeWithAWatermarkKeepsEveryWindowAndRunsNoExtraBatch() {
        // given
        DataStreamWriter<Row> writer = StructuredWindowedEvents.windowedCounts(events()).writeStream()
                .outputMode("complete").format("memory").queryName("all");
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, event("12:07", "dog"));
            test.send(T0 + 2_010, event("12:31", "owl"), event("12:01", "dog"));
            test.closeThrough(T0 + 4_000);

            // then: nothing is dropped or evicted
            assertThat(spark.table("all").collectAsList().stream().map(r -> r.get(1) + ":" + r.get(2)).toList())
                    .containsExactly("dog:1", "dog:2", "dog:1", "owl:1", "owl:1");
        }
    }

    @Test
    void appendModeNeedsTheWatermarkOnAGroupingKey() {
        Dataset<Row> counts = events().withWatermark("timestamp", "10 minutes").groupBy("word").count();

        assertThatThrownBy(() -> counts.writeStream().outputMode("append").format("console").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Append output mode not supported when there are streaming aggregations on streaming "
                        + "DataFrames/DataSets without watermark");
    }
}
