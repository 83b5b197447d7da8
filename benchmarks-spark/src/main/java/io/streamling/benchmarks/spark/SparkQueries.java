package io.streamling.benchmarks.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.types.StructType;

/**
 * The Structured Streaming query of each workload, as a Spark user writes it. Every query yields
 * the columns {@link KafkaBatchWriter} writes: {@code key} (string, may be null), {@code value}
 * (string) and {@code ts} (epoch ms, may be null), and so the records the harness's checks read:
 * copy and stateless keep each line's timestamp; windowed counts are stamped with the window start.
 * The two Structured workloads are Streamling's own Structured queries
 * ({@code io.streamling.benchmarks.StructuredJob}) with Spark's default trigger: they stamp nothing
 * and name the window in the key or the value, {@code CAST(window.start AS STRING)} in the session
 * time zone (UTC, see {@link SparkWorkloadMain}).
 */
final class SparkQueries {

    /** The stateless workload keeps words of at least this length (the harness's MIN_WORD_LENGTH). */
    static final int MIN_WORD_LENGTH = 5;
    /** The events' schema: {@code time} in epoch seconds (Spark reads a JSON number as seconds). */
    static final String EVENT_SCHEMA = "time TIMESTAMP, action STRING";

    /** A query and the output mode it runs in. */
    record Query(Dataset<Row> result, OutputMode mode, String description) {
    }

    private SparkQueries() {
    }

    /**
     * The query of {@code workload} over {@code lines} (columns {@code line}, the record's value as
     * a string, and {@code timestamp}, the Kafka record's timestamp, i.e. the event time of the word
     * counts; the events query reads {@code line} only, its event time is in the JSON).
     *
     * @throws IllegalArgumentException for a workload without a Spark equivalent here
     */
    static Query of(String workload, Dataset<Row> lines) {
        return switch (workload) {
            case "COPY" -> new Query(lines.select(lit(null).cast("string").as("key"), col("line").as("value"),
                    unix_millis(col("timestamp")).as("ts")), OutputMode.Append(), "select(value)");
            case "STATELESS" -> new Query(words(lines).filter(length(col("word")).geq(MIN_WORD_LENGTH))
                    .select(lit(null).cast("string").as("key"), upper(col("word")).as("value"),
                            unix_millis(col("timestamp")).as("ts")), OutputMode.Append(),
                    "explode(split) → filter(length ≥ 5) → upper");
            case "BATCH_COUNT" -> windowed(words(lines), window(col("timestamp"), "1 second"),
                    "withWatermark(0 s) → groupBy(window(1 s), word).count(), append");
            case "SLIDING_COUNT" -> windowed(words(lines), window(col("timestamp"), "30 seconds", "10 seconds"),
                    "withWatermark(0 s) → groupBy(window(30 s, 10 s), word).count(), append");
            case "RUNNING_COUNT" -> new Query(words(lines).groupBy(col("word")).count()
                    .select(col("word").as("key"), col("count").cast("string").as("value"),
                            lit(null).cast("long").as("ts")), OutputMode.Update(), "groupBy(word).count(), update");
            case "EVENTS_PER_HOUR" -> eventsPerHour(lines);
            case "STRUCTURED_SLIDING_COUNT" -> structuredSlidingCount(lines);
            default -> throw new IllegalArgumentException("workload " + workload + " has no Apache Spark query here;"
                    + " supported: COPY, STATELESS, BATCH_COUNT, SLIDING_COUNT, RUNNING_COUNT, EVENTS_PER_HOUR,"
                    + " STRUCTURED_SLIDING_COUNT");
        };
    }

    /** Every word of every line, with the line's timestamp. */
    private static Dataset<Row> words(Dataset<Row> lines) {
        return lines.select(explode(split(col("line"), " ")).as("word"), col("timestamp"));
    }

    /**
     * A windowed count emitted once per window, when it is final: append mode with a zero-delay
     * watermark on the event time, so a window is written when the watermark (the largest event
     * time seen) passes its end. The input's end marker moves it past every window holding data.
     */
    private static Query windowed(Dataset<Row> words, Column window, String description) {
        Dataset<Row> counts = words.withWatermark("timestamp", "0 seconds")
                .groupBy(window.as("window"), col("word"))
                .count();
        return new Query(counts.select(col("word").as("key"), col("count").cast("string").as("value"),
                unix_millis(col("window.start")).as("ts")), OutputMode.Append(), description);
    }

    /**
     * The open/close events counted per action and event-time hour, in complete mode (the whole
     * table every batch): keyed {@code action@window start}, the count as the value, no timestamp.
     * The events' own {@code time} is the event time; the line's Kafka timestamp is not read.
     */
    private static Query eventsPerHour(Dataset<Row> lines) {
        Dataset<Row> events = lines.select(from_json(col("line"), StructType.fromDDL(EVENT_SCHEMA)).as("event"))
                .select(col("event.time").as("time"), col("event.action").as("action"));
        Dataset<Row> counts = events.groupBy(col("action"), window(col("time"), "1 hour")).count();
        return new Query(counts.select(concat(col("action"), lit("@"), col("window.start").cast("string")).as("key"),
                        col("count").cast("string").as("value"), lit(null).cast("long").as("ts")),
                OutputMode.Complete(), "from_json → groupBy(action, window(time, 1 hour)).count(), complete");
    }

    /**
     * The sliding word count as Streamling's Structured query writes it: update mode without a
     * watermark, so every batch writes the windows it changed; keyed by the word, the window start
     * and the count in the value ({@code 2026-01-01 00:00:10,<count>}), no timestamp.
     */
    private static Query structuredSlidingCount(Dataset<Row> lines) {
        Dataset<Row> counts = words(lines).groupBy(window(col("timestamp"), "30 seconds", "10 seconds"), col("word"))
                .count();
        return new Query(counts.select(col("word").as("key"),
                        concat(col("window.start").cast("string"), lit(","), col("count").cast("string")).as("value"),
                        lit(null).cast("long").as("ts")),
                OutputMode.Update(), "explode(split) → groupBy(window(30 s, 10 s), word).count(), update");
    }
}
