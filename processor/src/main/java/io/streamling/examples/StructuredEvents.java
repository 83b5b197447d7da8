package io.streamling.examples;

import static io.streamling.sql.functions.window;

import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;

/**
 * The seeds' open/close events: JSON lines {@code {"time": ..., "action": "Open"}} counted per
 * action and hour, first as a static analysis, then as a stream in complete mode to the memory
 * table {@code counts}, queried with SQL. The PySpark original:
 *
 * <pre>
 * staticCountsDF = staticInputDF.groupBy(staticInputDF.action, window(staticInputDF.time, "1 hour")).count()
 * streamingInputDF = spark.readStream.schema(jsonSchema).option("maxFilesPerTrigger", 1).json(inputPath)
 * query = streamingCountsDF.writeStream.format("memory").queryName("counts").outputMode("complete").start()
 * %sql select action, sum(count) as total_count from counts group by action
 * </pre>
 */
public final class StructuredEvents {

    /** The schema of the events. */
    public static final String SCHEMA = "time TIMESTAMP, action STRING";

    /** The totals per action, over the memory table {@code counts}. */
    public static final String TOTALS_SQL = "select action, sum(count) as total_count from counts group by action";

    private StructuredEvents() {
    }

    /** Events per action and hour: columns {@code action}, {@code window}, {@code count}. */
    public static Dataset<Row> counts(Dataset<Row> events) {
        return events.groupBy(events.col("action"), window(events.col("time"), "1 hour")).count();
    }

    /** Runs on the JSON files of {@code args[0]}: the static analysis, then the stream for a minute. */
    public static void main(String[] args) throws Exception {
        String inputPath = args.length > 0 ? args[0] : "/tmp/events";
        SparkSession spark = SparkSession.builder().appName("StructuredEvents").getOrCreate();
        Dataset<Row> staticInput = spark.read().schema(SCHEMA).json(inputPath);
        counts(staticInput).createOrReplaceTempView("static_counts");
        spark.sql("select action, sum(count) as total_count from static_counts group by action").show();

        Dataset<Row> streamingInput = spark.readStream().schema(SCHEMA).option("maxFilesPerTrigger", 1).json(inputPath);
        StreamingQuery query = counts(streamingInput).writeStream().format("memory").queryName("counts")
                .outputMode("complete").start();
        query.awaitTermination(60_000);
        spark.sql(TOTALS_SQL).show();
        query.stop();
    }
}
