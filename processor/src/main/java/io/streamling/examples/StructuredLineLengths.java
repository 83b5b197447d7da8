package io.streamling.examples;

import static io.streamling.sql.functions.length;

import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;

/**
 * The seeds' first Structured Streaming example: lines of text files dropped in a directory, the
 * number of lines of each length, printed in update mode. The PySpark original:
 *
 * <pre>
 * lines = spark.readStream.format('text').option('path', '/tmp/text').load()
 * lengths = lines.select(functions.length(lines['value']).alias('len'))
 * counts = lengths.groupBy('len').count()
 * stream = counts.writeStream.format('console').outputMode('update').start()
 * stream.awaitTermination(600)
 * </pre>
 */
public final class StructuredLineLengths {

    private StructuredLineLengths() {
    }

    /** The count of lines per length, over the streaming {@code lines} (one {@code value} column). */
    public static Dataset<Row> counts(Dataset<Row> lines) {
        Dataset<Row> lengths = lines.select(length(lines.col("value")).alias("len"));
        return lengths.groupBy("len").count();
    }

    /** Runs on the text files of {@code args[0]} (default {@code /tmp/text}) for ten minutes. */
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().appName("StructuredLineLengths").getOrCreate();
        Dataset<Row> lines = spark.readStream().format("text")
                .option("path", args.length > 0 ? args[0] : "/tmp/text").load();
        StreamingQuery stream = counts(lines).writeStream().format("console").outputMode("update").start();
        stream.awaitTermination(600_000);
        stream.stop();
    }
}
