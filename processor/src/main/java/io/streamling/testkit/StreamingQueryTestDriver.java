package io.streamling.testkit;

import io.streamling.connect.file.Headers;
import io.streamling.internal.plan.GeneratedFeed;
import io.streamling.internal.serde.ElementSerde;
import io.streamling.internal.sql.BatchLog;
import io.streamling.internal.sql.CompiledQuery;
import io.streamling.internal.sql.QueryCheckpoint;
import io.streamling.internal.sql.QueryMonitor;
import io.streamling.internal.sql.QueryPlanner;
import io.streamling.internal.sql.RateGenerators;
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
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
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
 *
 * <p>Sources: {@link #send} feeds lines (socket, text, json, csv); {@link #sendFile} feeds the
 * lines of one file as the file connector publishes them (with its path and line headers, which a
 * csv source with {@code header} needs); {@link #sendRecord} feeds a Kafka source a whole record.
 * A {@code rate} or {@code rate-micro-batch} source generates its rows itself: step {@code n} (a
 * second, or a trigger interval) enters once the wall clock passes
 * {@code origin + n * step}, the origin being {@code start} rounded up to the trigger interval.
 */
public final class StreamingQueryTestDriver implements AutoCloseable {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final CompiledQuery query;
    private final DStreamTestDriver driver;
    private final Optional<GeneratedFeed.Generator> generator;
    private final long origin;
    private long wallClock;
    private long nextStep;
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
        monitor = new QueryMonitor(id, UUID.randomUUID(), spec.queryName(), spec.plan().firstSource(), progress -> {
        }, idle -> {
        });
        context = new SinkContext(new PrintStream(console, true, StandardCharsets.UTF_8), monitor, log);
        query = QueryPlanner.compile(spec, context);
        driver = new DStreamTestDriver(query.ssc(), stateDir, start);
        generator = RateGenerators.forQuery(writer.spec());
        long trigger = writer.spec().triggerMs() > 0 ? writer.spec().triggerMs() : 1_000;
        origin = Math.floorDiv(start.toEpochMilli() + trigger - 1, trigger) * trigger;
        wallClock = start.toEpochMilli();
    }

    /** The stamp the first generated step of a rate source gets: {@code start} rounded up to the trigger interval. */
    public long origin() {
        return origin;
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
        send(0, timestamp, lines);
    }

    /**
     * Feeds the lines of one file to a file source as the file connector publishes them: each
     * with the file's path and name and its 1-based line number in headers.
     */
    public void sendFile(long timestamp, String path, String... lines) {
        TestInputTopic<byte[], byte[]> input = input();
        for (int i = 0; i < lines.length; i++) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(Headers.PATH, path.getBytes(StandardCharsets.UTF_8));
            headers.add(Headers.NAME, Path.of(path).getFileName().toString().getBytes(StandardCharsets.UTF_8));
            headers.add(Headers.LINE, Integer.toString(i + 1).getBytes(StandardCharsets.UTF_8));
            input.pipeInput(new TestRecord<>(null, lines[i].getBytes(StandardCharsets.UTF_8), headers,
                    Instant.ofEpochMilli(timestamp)));
        }
    }

    /**
     * Feeds one record to a Kafka source's (first) topic; its partition is 0 and its offset the
     * number of records sent before.
     *
     * @param headers header keys and values, alternating
     */
    public void sendRecord(long timestamp, String key, String value, String... headers) {
        sendRecordTo(query.source().topic(), timestamp, key, value, headers);
    }

    /** As {@link #sendRecord}, to {@code topic}: one of the topics a Kafka source subscribes to. */
    public void sendRecordTo(String topic, long timestamp, String key, String value, String... headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            recordHeaders.add(headers[i], headers[i + 1] == null ? null : headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        driver.rawInput(topic).pipeInput(new TestRecord<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), recordHeaders, Instant.ofEpochMilli(timestamp)));
    }

    /** Feeds lines to source {@code source} (0 = the first) of a query over several sources (a union of streams). */
    public void send(int source, long timestamp, String... lines) {
        TestInputTopic<byte[], byte[]> input = driver.rawInput(query.sources().get(source).topic());
        for (String line : lines) {
            input.pipeInput(null, line.getBytes(StandardCharsets.UTF_8), timestamp);
        }
    }

    /** Input having stopped, runs every micro-batch that ends at or before {@code time}. */
    public void closeThrough(long time) {
        generateBefore(time);
        driver.closeThrough(time);
        wallClock = Math.max(wallClock, time);
    }

    /** Advances the wall clock (a rate source generates the steps it passes). */
    public void advanceWallClock(Duration duration) {
        wallClock += duration.toMillis();
        generateBefore(wallClock);
        driver.advanceWallClock(duration);
    }

    private void generateBefore(long time) {
        if (generator.isEmpty()) {
            return;
        }
        GeneratedFeed.Generator steps = generator.get();
        String topic = query.source().topic();
        TestInputTopic<byte[], byte[]> input = input();
        while (origin + nextStep * steps.stepMs() < time) {
            for (GeneratedFeed.TimedElement record : steps.step(nextStep, origin)) {
                input.pipeInput(null, ElementSerde.INSTANCE.serialize(topic, record.element()), record.timestamp());
            }
            nextStep++;
        }
    }

    private TestInputTopic<byte[], byte[]> input() {
        return driver.rawInput(query.source().topic());
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
