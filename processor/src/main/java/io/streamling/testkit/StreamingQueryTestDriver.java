package io.streamling.testkit;

import io.streamling.internal.sql.CompiledQuery;
import io.streamling.internal.sql.QueryPlanner;
import io.streamling.sql.DataStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a Structured Streaming query in Kafka Streams' {@code TopologyTestDriver}, with no broker:
 * the query is validated and compiled as {@code start()} would, lines are fed to its source with
 * record timestamps (which pick the micro-batch, one per trigger interval), and the console sink's
 * output is captured. Memory-sink tables are read with {@code spark.table(name)} as usual.
 *
 * <pre>
 * DataStreamWriter&lt;Row&gt; writer = counts.writeStream().outputMode("update").format("console");
 * try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, tempDir, Instant.ofEpochMilli(t0))) {
 *     test.send(t0 + 10, "a line", "another");   // micro-batch [t0, t0 + 1 s)
 *     test.closeThrough(t0 + 1_000);             // input stops: that batch runs
 *     assertThat(test.console()).isEqualTo(...);
 * }
 * </pre>
 */
public final class StreamingQueryTestDriver implements AutoCloseable {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final CompiledQuery query;
    private final DStreamTestDriver driver;

    /** Validates and compiles the query of {@code writer} and starts the driver at {@code start}. */
    public StreamingQueryTestDriver(DataStreamWriter<?> writer, Path stateDir, Instant start) {
        query = QueryPlanner.compile(writer.spec(), new PrintStream(console, true, StandardCharsets.UTF_8));
        driver = new DStreamTestDriver(query.ssc(), stateDir, start);
    }

    /** Feeds lines to the query's source, all stamped {@code timestamp}. */
    public void send(long timestamp, String... lines) {
        driver.send(query.source(), timestamp, lines);
    }

    /** Feeds lines to source {@code source} (0 = the first) of a query over several sources (a union of streams). */
    public void send(int source, long timestamp, String... lines) {
        driver.send(query.sources().get(source), timestamp, lines);
    }

    /** Input having stopped, runs every micro-batch that ends at or before {@code time}. */
    public void closeThrough(long time) {
        driver.closeThrough(time);
    }

    /** Advances the wall clock. */
    public void advanceWallClock(Duration duration) {
        driver.advanceWallClock(duration);
    }

    /** Everything the console sink printed so far. */
    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
