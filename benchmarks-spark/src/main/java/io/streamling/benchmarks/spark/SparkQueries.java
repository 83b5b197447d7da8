package io.streamling.benchmarks.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
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

/**
 * The Structured Streaming query of each workload, as a Spark user writes it. Every query yields
 * the columns {@link KafkaBatchWriter} writes: {@code key} (string, may be null), {@code value}
 * (string) and {@code ts} (epoch ms, may be null), and so the records the harness's checks read:
 * copy and stateless keep each line's timestamp; windowed counts are stamped with the window start.
 */
final class SparkQueries {

    /** The stateless workload keeps words of at least this length (the harness's MIN_WORD_LENGTH). */
    static final int MIN_WORD_LENGTH = 5;

    /** A query and the output mode it runs in. */
    record Query(Dataset<Row> result, OutputMode mode, String description) {
    }

    private SparkQueries() {
    }

    /**
     * The query of {@code workload} over {@code lines} (columns {@code line} string and
     * {@code timestamp}, the Kafka record's timestamp, i.e. the event time).
     *
     * @throws IllegalArgumentException for a workload without a Spark equivalent here
     */
    static Query of(String workload, Dataset<Row> lines) {
        Dataset<Row> words = lines.select(explode(split(col("line"), " ")).as("word"), col("timestamp"));
        return switch (workload) {
            case "COPY" -> new Query(lines.select(lit(null).cast("string").as("key"), col("line").as("value"),
                    unix_millis(col("timestamp")).as("ts")), OutputMode.Append(), "select(value)");
            case "STATELESS" -> new Query(words.filter(length(col("word")).geq(MIN_WORD_LENGTH))
                    .select(lit(null).cast("string").as("key"), upper(col("word")).as("value"),
                            unix_millis(col("timestamp")).as("ts")), OutputMode.Append(),
                    "explode(split) → filter(length ≥ 5) → upper");
            case "BATCH_COUNT" -> windowed(words, window(col("timestamp"), "1 second"),
                    "withWatermark(0 s) → groupBy(window(1 s), word).count(), append");
            case "SLIDING_COUNT" -> windowed(words, window(col("timestamp"), "30 seconds", "10 seconds"),
                    "withWatermark(0 s) → groupBy(window(30 s, 10 s), word).count(), append");
            case "RUNNING_COUNT" -> new Query(words.groupBy(col("word")).count()
                    .select(col("word").as("key"), col("count").cast("string").as("value"),
                            lit(null).cast("long").as("ts")), OutputMode.Update(), "groupBy(word).count(), update");
            default -> throw new IllegalArgumentException("workload " + workload + " has no Apache Spark query here;"
                    + " supported: COPY, STATELESS, BATCH_COUNT, SLIDING_COUNT, RUNNING_COUNT");
        };
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
}
