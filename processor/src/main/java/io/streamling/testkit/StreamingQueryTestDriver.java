package io.streamling.testkit;

import io.streamling.internal.sql.BatchLog;
import io.streamling.internal.sql.CompiledQuery;
import io.streamling.internal.sql.QueryCheckpoint;
import io.streamling.internal.sql.QueryMonitor;
import io.streamling.internal.sql.QueryPlanner;
import io.streamling.internal.sql.SinkContext;
import io.streamling.internal.sql.WriteSpec;
import io.streamling.sql.DataStreamWriter;
import io.streamling.sql.StreamingQueryProgress;
import io.streamling.sql.StreamingQueryStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs a Structured Streaming query in Kafka Streams' {@code TopologyTestDriver}, with no broker:
 * the query is validated and compiled as {@code start()} would, lines are fed to its source with
 * record timestamps (which pick the micro-batch, one per trigger interval), and the console sink's
 * output is captured. Memory-sink tables are read with {@code spark.table(name)} as usual; the
 * progress reports are kept as a started query keeps them ({@link #recentProgress()}), and a
 * {@code checkpointLocation} keeps the query id and batch ids across drivers as across restarts.
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
    private final QueryMonitor monitor;
    private final SinkContext context;
    private final UUID id;

    /** Validates and compiles the query of {@code writer} and starts the driver at {@code start}. */
    public StreamingQueryTestDriver(DataStreamWriter<?> writer, Path stateDir, Instant start) {
        WriteSpec spec = writer.spec();
        QueryCheckpoint checkpoint = spec.checkpointLocation() == null ? null
                : QueryCheckpoint.at(spec.checkpointLocation());
        id = checkpoint == null ? UUID.randomUUID() : checkpoint.queryId();
        BatchLog log = checkpoint == null ? BatchLog.inMemory() : checkpoint;
        monitor = new QueryMonitor(id, UUID.randomUUID(), spec.queryName(), spec.plan().source(), progress -> {
        }, idle -> {
        });
        context = new SinkContext(new PrintStream(console, true, StandardCharsets.UTF_8), monitor, log);
        query = QueryPlanner.compile(spec, context);
        driver = new DStreamTestDriver(query.ssc(), stateDir, start);
    }

    /** The query id: from the checkpoint if there is one. */
    public UUID id() {
        return id;
    }

    /** The progress of every micro-batch so far (the last 100), as {@code StreamingQuery.recentProgress()}. */
    public StreamingQueryProgress[] recentProgress() {
        return monitor.recentProgress();
    }

    /** The query status, as {@code StreamingQuery.status()}. */
    public StreamingQueryStatus status() {
        return monitor.status();
    }

    /** Feeds lines to the query's source, all stamped {@code timestamp}. */
    public void send(long timestamp, String... lines) {
        driver.send(query.source(), timestamp, lines);
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
        context.close();
    }
}
