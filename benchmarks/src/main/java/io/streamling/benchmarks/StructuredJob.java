package io.streamling.benchmarks;

import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.concat;
import static io.streamling.sql.functions.explode;
import static io.streamling.sql.functions.from_json;
import static io.streamling.sql.functions.lit;
import static io.streamling.sql.functions.split;
import static io.streamling.sql.functions.window;

import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StateOperatorProgress;
import io.streamling.sql.StreamingQuery;
import io.streamling.sql.StreamingQueryProgress;
import io.streamling.sql.Trigger;

/**
 * The Structured Streaming queries of the workloads the Structured API runs, written as a Spark
 * user would: a {@code kafka} source read from the earliest offset, 1-second processing-time
 * triggers (micro-batches cut by record time), a {@code kafka} sink.
 */
final class StructuredJob implements Job {

    /** The events' schema: {@code time} in epoch seconds (Spark reads a JSON number as seconds). */
    static final String EVENT_SCHEMA = "time TIMESTAMP, action STRING";

    private final SparkSession spark;
    private final Dataset<Row> output;
    private final String mode;
    private final JobSpec spec;
    private StreamingQuery query;

    StructuredJob(JobSpec spec) {
        this.spec = spec;
        spark = SparkSession.builder().appName(spec.appId())
                .config(SparkSession.TIME_ZONE, "UTC")
                .getOrCreate();
        Dataset<Row> kafka = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", spec.bootstrapServers())
                .option("subscribe", spec.inputTopic())
                .option("startingOffsets", "earliest")
                .load();
        switch (spec.workload()) {
            case EVENTS_PER_HOUR -> {
                Dataset<Row> events = kafka.selectExpr("CAST(value AS STRING) AS value")
                        .select(from_json(col("value"), EVENT_SCHEMA).as("event"))
                        .select(col("event.time").as("time"), col("event.action").as("action"));
                Dataset<Row> counts = events.groupBy(col("action"), window(col("time"), "1 hour")).count();
                output = counts.select(concat(col("action"), lit("@"), col("window.start").cast("string")).as("key"),
                        col("count").cast("string").as("value"));
                mode = "complete";
            }
            case STRUCTURED_SLIDING_COUNT -> {
                Dataset<Row> words = kafka.selectExpr("CAST(value AS STRING) AS value", "timestamp")
                        .select(explode(split(col("value"), " ")).as("word"), col("timestamp"));
                Dataset<Row> counts = words.groupBy(window(col("timestamp"),
                        Workload.WINDOW_MS / 1000 + " seconds", Workload.SLIDE_MS / 1000 + " seconds"), col("word")).count();
                // the sink writes no timestamp of ours: the window start goes into the value
                output = counts.select(col("word").as("key"),
                        concat(col("window.start").cast("string"), lit(","), col("count").cast("string")).as("value"));
                mode = "update";
            }
            default -> throw new IllegalArgumentException("no structured query for " + spec.workload());
        }
    }

    @Override
    public void start() {
        query = output.writeStream().format("kafka")
                    .option("kafka.bootstrap.servers", spec.bootstrapServers())
                    .option("topic", spec.outputTopic())
                    .option("checkpointLocation", spec.stateDir().resolve("checkpoint").toString())
                    .outputMode(mode)
                    .trigger(Trigger.ProcessingTime(Workload.BATCH_MS))
                    .queryName(spec.appId())
                    .start();
    }

    /** The query's application id and consumer group: its name and its id (see StreamingQuery). */
    @Override
    public String groupId(JobSpec spec) {
        return spec.appId() + "-" + query.id();
    }

    /** Rows the query's state operators dropped as late, over the progress it keeps. */
    @Override
    public long lateRecords() {
        long dropped = 0;
        for (StreamingQueryProgress progress : query.recentProgress()) {
            for (StateOperatorProgress operator : progress.stateOperators()) {
                dropped += operator.numRowsDroppedByWatermark();
            }
        }
        return dropped;
    }

    @Override
    public void close() {
        query.stop();
        spark.stop();
    }
}
