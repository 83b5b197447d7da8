package io.streamling.benchmarks.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * The main of a child JVM running one workload on Apache Spark Structured Streaming, local[2]: the
 * baseline side "SPARK" of the benchmark harness, with the harness's child protocol
 * ({@code io.streamling.benchmarks.WorkloadMain}):
 * <ul>
 *   <li>prints {@code STARTED <epoch ms>}, taken just before the query starts (the session is made
 *       before, as the other sides make their program before), then {@code GROUP <appId>}, the
 *       consumer group its progress listener commits offsets under;</li>
 *   <li>runs until its standard input closes, then prints {@code LATE <n>} (rows Spark's stateful
 *       operators dropped behind the watermark), stops the query within a bound, and exits.</li>
 * </ul>
 * The input topic is read with Spark's Kafka source from the earliest offset; the record's Kafka
 * timestamp is the event time (the events' is in their JSON). The session time zone is UTC, as the
 * harness's checks read a window start written as a string. Spark's logs go to standard error.
 */
public final class SparkWorkloadMain {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private SparkWorkloadMain() {
    }

    /**
     * Runs a job until standard input closes.
     *
     * @param args {@code WORKLOAD SIDE BOOTSTRAP INPUT OUTPUT APP_ID STATE_DIR}
     */
    public static void main(String[] args) throws IOException, InterruptedException, TimeoutException {
        SparkJobSpec spec = SparkJobSpec.parse(args);
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName(spec.appId())
                .config("spark.ui.enabled", "false")
                // the default 200 shuffle partitions would be 200 tiny tasks per batch on 2 cores
                .config("spark.sql.shuffle.partitions", "2")
                // CAST(window.start AS STRING) in the Structured workloads' output is in this zone, as
                // Streamling's; the other workloads stamp epoch ms (unix_millis), which no zone changes
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.local.dir", spec.stateDir().resolve("local").toString())
                .getOrCreate();
        ProgressListener progress = new ProgressListener(spec.bootstrapServers(), spec.appId());
        spark.streams().addListener(progress);
        Dataset<Row> lines = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", spec.bootstrapServers())
                .option("subscribe", spec.inputTopic())
                .option("startingOffsets", "earliest")
                .load()
                .select(col("value").cast("string").as("line"), col("timestamp"));
        SparkQueries.Query query = SparkQueries.of(spec.workload(), lines);
        System.err.println("Spark " + spark.version() + ", " + spec.workload() + ": " + query.description());
        var writer = query.result().writeStream()
                .outputMode(query.mode())
                .option("checkpointLocation", spec.stateDir().resolve("checkpoint").toString())
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) new KafkaBatchWriter(spec.bootstrapServers(),
                        spec.outputTopic()));
        long started = System.currentTimeMillis();
        StreamingQuery running = writer.start();
        System.out.println("STARTED " + started);
        // the consumer group whose committed offsets tell the harness the input was consumed
        System.out.println("GROUP " + spec.appId());
        System.out.flush();
        awaitEndOfInput(System.in);
        System.out.println("LATE " + progress.lateRows());
        System.out.flush();
        // the measurement is over: the stop is bounded and the JVM exits either way
        Thread stopper = new Thread(() -> {
            try {
                running.stop();
                spark.stop();
                KafkaBatchWriter.closeProducer();
                progress.close();
            } catch (TimeoutException | RuntimeException e) {
                System.err.println("stopping failed: " + e);
            }
        }, "stop-job");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(STOP_TIMEOUT.toMillis());
        System.out.println(stopper.isAlive() ? "STOP TIMED OUT" : "STOPPED");
        System.out.flush();
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // the harness sends nothing; it only closes the stream
        }
    }
}
