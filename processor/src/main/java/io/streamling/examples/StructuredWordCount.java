package io.streamling.examples;

import static io.streamling.sql.functions.explode;
import static io.streamling.sql.functions.split;

import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;

/**
 * Spark's StructuredNetworkWordCount: running word counts of socket lines, the whole result
 * table printed in complete mode after every micro-batch.
 *
 * <pre>
 * lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
 * words = lines.select(explode(split(lines.value, " ")).alias("word"))
 * wordCounts = words.groupBy("word").count()
 * query = wordCounts.writeStream.outputMode("complete").format("console").start()
 * </pre>
 */
public final class StructuredWordCount {

    private StructuredWordCount() {
    }

    /** Running counts per word of the streaming {@code lines}. */
    public static Dataset<Row> wordCounts(Dataset<Row> lines) {
        Dataset<Row> words = lines.select(explode(split(lines.col("value"), " ")).alias("word"));
        return words.groupBy("word").count();
    }

    /** Runs on {@code localhost:9999} (or {@code args[0]}, {@code args[1]}) until stopped. */
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().appName("StructuredWordCount").getOrCreate();
        Dataset<Row> lines = spark.readStream().format("socket")
                .option("host", args.length > 0 ? args[0] : "localhost")
                .option("port", args.length > 1 ? args[1] : "9999").load();
        StreamingQuery query = wordCounts(lines).writeStream().outputMode("complete").format("console").start();
        query.awaitTermination();
    }
}
