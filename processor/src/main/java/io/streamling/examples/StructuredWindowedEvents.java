package io.streamling.examples;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.concat;
import static io.streamling.sql.functions.lit;
import static io.streamling.sql.functions.struct;
import static io.streamling.sql.functions.to_json;
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
 * end, and rows for windows already written are dropped as too late. Each final count is
 * written to the Kafka topic {@value #TOPIC}: key {@code word@window start}, value the row as JSON.
 * The Scala original, with a Kafka sink:
 *
 * <pre>
 * words.withWatermark("timestamp", "10 minutes")
 *      .groupBy(window($"timestamp", "10 minutes", "5 minutes"), $"word").count()
 *      .select(concat($"word", lit("@"), $"window.start").as("key"), to_json(struct($"window", $"word", $"count")).as("value"))
 *      .writeStream.outputMode("append").format("kafka")
 *      .option("kafka.bootstrap.servers", servers).option("topic", "windowed-events-counts")
 *      .option("checkpointLocation", checkpoint).start()
 * </pre>
 */
public final class StructuredWindowedEvents {

    /** The topic the final window counts are written to. */
    public static final String TOPIC = "windowed-events-counts";

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

    /**
     * The counts as Kafka records: {@code key} = {@code word@window start} (e.g.
     * {@code dog@2026-01-01 12:00:00}), {@code value} = the row as JSON (e.g.
     * {@code {"window":{"start":"2026-01-01T12:00:00.000Z","end":"2026-01-01T12:10:00.000Z"},"word":"dog","count":2}}).
     */
    public static Dataset<Row> records(Dataset<Row> counts) {
        return counts.select(concat(col("word"), lit("@"), col("window.start")).alias("key"),
                to_json(struct(col("window"), col("word"), col("count"))).alias("value"));
    }

    /**
     * The sink: the records, in append mode, to topic {@value #TOPIC} of the Kafka cluster at
     * {@code bootstrapServers}, with the query's checkpoint (which the Kafka sink needs, as in Spark)
     * at {@code checkpointLocation}.
     */
    public static DataStreamWriter<Row> sink(Dataset<Row> counts, String bootstrapServers, String checkpointLocation) {
        return records(counts).writeStream().outputMode("append").format("kafka")
                .option("kafka.bootstrap.servers", bootstrapServers).option("topic", TOPIC)
                .option("checkpointLocation", checkpointLocation);
    }

    /** One JSON event on 2026-01-01 at {@code time} (HH:mm, UTC). */
    public static String event(String time, String word) {
        return "{\"timestamp\":\"2026-01-01T" + time + ":00Z\",\"word\":\"" + word + "\"}";
    }

    /**
     * Runs on the JSON files arriving in {@code args[0]} for a minute, on the Kafka cluster at
     * {@code args[1]} (default {@code localhost:9092}), checkpointing in {@code args[2]} (default
     * {@code /tmp/windowed-events-checkpoint}).
     */
    public static void main(String[] args) throws Exception {
        String inputPath = args.length > 0 ? args[0] : "/tmp/words";
        String servers = args.length > 1 ? args[1] : "localhost:9092";
        SparkSession spark = SparkSession.builder().appName("StructuredWindowedEvents")
                .config("bootstrap.servers", servers).getOrCreate();
        Dataset<Row> events = spark.readStream().schema(SCHEMA).json(inputPath);
        StreamingQuery query = sink(windowedCounts(events), servers,
                args.length > 2 ? args[2] : "/tmp/windowed-events-checkpoint").start();
        query.awaitTermination(60_000);
        query.stop();
    }
}
