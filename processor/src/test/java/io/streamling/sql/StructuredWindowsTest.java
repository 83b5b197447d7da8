package io.streamling.sql;

import static io.streamling.sql.StructuredEventTimeTest.event;
import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.session_window;
import static io.streamling.sql.functions.window;
import static io.streamling.sql.functions.window_time;
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

/** Session windows, window_time and window start offsets. */
class StructuredWindowsTest {

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;

    private final SparkSession spark = SparkSession.builder().appName("windows-test").getOrCreate();

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    private Dataset<Row> events() {
        return spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused");
    }

    private static Timestamp at(String time) {
        return Timestamp.from(Instant.parse("2026-01-01T" + time + "Z"));
    }

    private static Row span(String start, String end) {
        return Row.of(at(start + ":00"), at(end + ":00"));
    }

    @Test
    void sessionWindowsMergeAcrossMicroBatchesAndAppendModeWritesEachSessionOnceClosed() {
        // given
        Dataset<Row> sessions = events().withWatermark("timestamp", "10 minutes")
                .groupBy(session_window(col("timestamp"), "5 minutes"), col("word")).count();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                sessions.writeStream().format("memory").queryName("sessions").outputMode("append"), stateDir,
                Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, event("12:00", "a"), event("12:03", "a"), event("12:01", "b"));
            // 12:07 extends a's session [12:00, 12:08); 12:30 moves the watermark to 12:20
            test.send(T0 + 2_010, event("12:07", "a"), event("12:30", "c"));
            test.closeThrough(T0 + 4_000);

            // then
            assertThat(spark.table("sessions").collectAsList()).containsExactly(
                    Row.of(span("12:00", "12:12"), "a", 3L), Row.of(span("12:01", "12:06"), "b", 1L));
            assertThat(spark.table("sessions").columns()).containsExactly("session_window", "word", "count");
        }
    }

    @Test
    void sessionWindowsInCompleteModeShowEveryMergedSession() {
        // given: a gap per row, from a column
        Dataset<Row> input = spark.readStream().schema("timestamp TIMESTAMP, word STRING, gap STRING").json("/unused");
        Dataset<Row> sessions = input.groupBy(session_window(col("timestamp"), col("gap")), col("word")).count();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(
                sessions.writeStream().format("memory").queryName("sessions").outputMode("complete"), stateDir,
                Instant.ofEpochMilli(T0))) {

            // when
            test.send(T0 + 10, "{\"timestamp\":\"2026-01-01T12:00:00Z\",\"word\":\"a\",\"gap\":\"10 minutes\"}",
                    "{\"timestamp\":\"2026-01-01T12:20:00Z\",\"word\":\"a\",\"gap\":\"1 minute\"}",
                    "{\"timestamp\":\"2026-01-01T12:30:00Z\",\"word\":\"a\",\"gap\":\"0 minutes\"}");
            test.send(T0 + 1_010, "{\"timestamp\":\"2026-01-01T12:09:00Z\",\"word\":\"a\",\"gap\":\"11 minutes\"}");
            test.closeThrough(T0 + 2_000);

            // then: 12:09 + 11 minutes reaches 12:20 and joins the sessions; a zero gap is no session
            assertThat(spark.table("sessions").collectAsList()).containsExactly(
                    Row.of(span("12:00", "12:21"), "a", 3L));
        }
    }

    @Test
    void sessionWindowsAreRefusedInUpdateModeAndWithoutAnotherGroupingColumn() {
        Dataset<Row> perWord = events().withWatermark("timestamp", "10 minutes")
                .groupBy(session_window(col("timestamp"), "5 minutes"), col("word")).count();
        Dataset<Row> global = events().withWatermark("timestamp", "10 minutes")
                .groupBy(session_window(col("timestamp"), "5 minutes")).count();

        assertThatThrownBy(() -> perWord.writeStream().format("console").outputMode("update").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Update output mode not supported for session window on streaming DataFrames/DataSets");
        assertThatThrownBy(() -> global.writeStream().format("console").outputMode("append").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Global aggregation with session window in streaming query is not supported.");
    }

    @Test
    void windowTimeIsTheLastMicrosecondOfTheWindowAndStartTimeShiftsTheWindows() {
        // given
        StructType schema = StructType.fromDDL(StructuredWindowedEvents.SCHEMA);
        Dataset<Row> events = spark.createDataFrame(List.of(new Row(schema, at("12:07:00"), "dog"),
                new Row(schema, at("12:13:00"), "owl")), schema);

        // when
        List<Row> times = events.groupBy(window(col("timestamp"), "10 minutes", "10 minutes", "2 minutes")).count()
                .select(col("window"), window_time(col("window")), col("count")).collectAsList();

        // then
        assertThat(times).containsExactly(
                Row.of(span("12:02", "12:12"), at("12:11:59.999999"), 1L),
                Row.of(span("12:12", "12:22"), at("12:21:59.999999"), 1L));
        assertThat(events.groupBy(window(col("timestamp"), "10 minutes")).count()
                .select(window_time(col("window"))).columns()).containsExactly("window_time(window)");
    }
}
