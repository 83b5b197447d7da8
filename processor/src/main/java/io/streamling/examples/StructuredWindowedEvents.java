package io.streamling.examples;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.window;

import io.streamling.sql.DataStreamWriter;
import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;
import java.util.List;

/**
 * The seeds' "windowed grouped aggregation with 10 min windows, sliding every 5 mins" (Spark's
 * programming guide), with a 10-minute watermark in append mode: each window's word counts are
 * written once, when the watermark (the latest event time minus 10 minutes) passes the window's
 * end, and rows for windows already written are dropped as too late. The Scala original:
 *
 * <pre>
 * words.withWatermark("timestamp", "10 minutes")
 *      .groupBy(window($"timestamp", "10 minutes", "5 minutes"), $"word").count()
 *      .writeStream.outputMode("append").format("console").start()
 * </pre>
 */
public final class StructuredWindowedEvents {

    /** The schema of the JSON events, e.g. {@code {"timestamp":"2026-01-01T12:07:00Z","word":"dog"}}. */
    public static final String SCHEMA = "timestamp TIMESTAMP, word STRING";

    /**
     * The guide's events, in the groups they arrive in: 12:09 cat arrives after 12:14 dog, 12:08
     * dog after the watermark reached 12:04 (still in time), 12:04 donkey after it reached 12:11
     * (too late for both its windows).
     */
    public static final List<List<String>> GUIDE_EVENTS = List.of(
            List.of(event("12:07", "dog"), event("12:08", "owl")),
            List.of(event("12:14", "dog"), event("12:09", "cat")),
            List.of(event("12:15", "cat"), event("12:08", "dog"), event("12:13", "owl"), event("12:21", "owl")),
            List.of(event("12:04", "donkey"), event("12:17", "owl"), event("12:26", "cat")));

    private StructuredWindowedEvents() {
    }

    /** Word counts per 10-minute window sliding every 5 minutes; columns {@code window}, {@code word}, {@code count}. */
    public static Dataset<Row> windowedCounts(Dataset<Row> events) {
        return events.withWatermark("timestamp", "10 minutes")
                .groupBy(window(col("timestamp"), "10 minutes", "5 minutes"), col("word"))
                .count();
    }

    /** The sink: the console, whole windows shown; to write to Kafka, change this one line's format and options. */
    public static DataStreamWriter<Row> sink(Dataset<Row> counts) {
        return counts.writeStream().outputMode("append").format("console").option("truncate", false);
    }

    /** One JSON event on 2026-01-01 at {@code time} (HH:mm, UTC). */
    public static String event(String time, String word) {
        return "{\"timestamp\":\"2026-01-01T" + time + ":00Z\",\"word\":\"" + word + "\"}";
    }

    /** Runs on the JSON files arriving in {@code args[0]} for a minute. */
    public static void main(String[] args) throws Exception {
        String inputPath = args.length > 0 ? args[0] : "/tmp/words";
        SparkSession spark = SparkSession.builder().appName("StructuredWindowedEvents").getOrCreate();
        Dataset<Row> events = spark.readStream().schema(SCHEMA).json(inputPath);
        StreamingQuery query = sink(windowedCounts(events)).start();
        query.awaitTermination(60_000);
        query.stop();
    }
}
