package io.streamling.internal.runtime;

import io.streamling.internal.plan.SourceNode.ValueFormat;
import io.streamling.internal.serde.ElementSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The entry of every source partition: it measures the partition's progress in event time and
 * emits it as {@link Watermark} markers, batch-aligned, in line with the data.
 *
 * <p>Progress is the largest record timestamp seen: records of one partition arrive in about
 * timestamp order (connectors stamp ingestion time). When the partition has had no record for the
 * idle timeout (wall clock) and the consumer has fetched all it holds, progress follows the wall
 * clock minus the idle timeout, so batches close on time when input stops and an empty partition
 * does not hold the others back; a partition with an unfetched backlog is never idle. The
 * watermark trails the progress by the allowed lateness. A record
 * behind the progress already announced belongs to a closed batch: it is late, counted, and
 * dropped or, when a late-data topic is configured, passed on as a {@link LateRecord}.
 *
 * <p>Values arrive as bytes and are decoded here (text as UTF-8, invalid bytes becoming U+FFFD), so
 * that a late record can still be written out exactly as it came.
 */
public final class SourceProgressProcessor extends ContextualProcessor<Object, Object, Object, Object> {

    private static final String ANNOUNCED = "announced";
    private static final String ORIGIN = "origin";
    /** How often the wall clock is checked for idle input. */
    public static final long PUNCTUATE_EVERY_MS = 100;

    private final String name;
    private final String topic;
    private final ValueFormat format;
    private final BatchClock clock;
    private final ProgressPolicy policy;
    private final RuntimeServices services;
    private final boolean keepDropCounter;

    private KeyValueStore<String, Object> progress;
    private LateRecordSensor lateSensor;
    private long maxTimestamp = Long.MIN_VALUE;
    private long announced = Long.MIN_VALUE;
    private long origin = Watermark.NO_ORIGIN;
    /** Wall-clock time seen without a record, counted tick by tick (see {@link #onWallClock}). */
    private long quietMs;
    private long lastTick;

    /**
     * @param name the operator name (its progress store is named after it)
     * @param topic the source topic
     * @param format how the topic's values decode into elements
     * @param clock the batch clock
     * @param policy the idle timeout and the allowed lateness
     * @param services where late records are counted and source lags are read
     * @param keepDropCounter whether late records go on as {@link LateRecord}s rather than being dropped
     */
    public SourceProgressProcessor(String name, String topic, ValueFormat format, BatchClock clock, ProgressPolicy policy,
                                   RuntimeServices services, boolean keepDropCounter) {
        this.name = name;
        this.topic = topic;
        this.format = format;
        this.clock = clock;
        this.policy = policy;
        this.services = services;
        this.keepDropCounter = keepDropCounter;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        progress = context.getStateStore(OperatorStores.progressName(name));
        lateSensor = new LateRecordSensor(context, name);
        Object savedAnnounced = progress.get(ANNOUNCED);
        Object savedOrigin = progress.get(ORIGIN);
        if (savedAnnounced != null) {
            announced = (Long) savedAnnounced;
            maxTimestamp = announced;
        }
        lastTick = context.currentSystemTimeMs();
        // Spark's batches begin at start(), with or without input: the first batch holds the start,
        // or the earliest record if older (a replay)
        origin = savedOrigin != null ? (Long) savedOrigin : lastTick;
        context.schedule(Duration.ofMillis(PUNCTUATE_EVERY_MS), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<Object, Object> record) {
        long timestamp = record.timestamp();
        if (timestamp < announced) {
            onLate(record);
            return;
        }
        quietMs = 0;
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        if (timestamp < origin) {
            origin = timestamp;
            progress.put(ORIGIN, origin);
        }
        Object element = format == ValueFormat.RECORD
                ? KafkaRecord.of(record, context().recordMetadata().orElse(null)) : decode((byte[]) record.value());
        context().forward(new Record<>(RoutingKeys.of(element), element, record.timestamp(), record.headers()));
        advanceTo(maxTimestamp);
    }

    private Object decode(byte[] value) {
        if (value == null) {
            return null;
        }
        return switch (format) {
            case TEXT -> new String(value, StandardCharsets.UTF_8);
            case ELEMENTS -> ElementSerde.INSTANCE.deserialize(topic, value);
            case BYTES, RECORD -> value;
        };
    }

    private void onLate(Record<Object, Object> record) {
        services.lateRecords().record(name, record.timestamp(), announced);
        lateSensor.record();
        if (keepDropCounter) {
            long batch = clock.batchStart(record.timestamp());
            LateRecord late = new LateRecord(name, batch, clock.batchEnd(batch), announced,
                    (byte[]) record.key(), (byte[]) record.value());
            context().forward(new Record<>(late, late, record.timestamp(), record.headers()));
        }
    }

    @Override
    public void close() {
        lateSensor.close();
    }

    /**
     * Each tick adds the time since the previous one to the quiet time, but at most two periods: a
     * stream thread that stalled (a long batch in another task, a rebalance) did not see the input
     * fall silent, and must not take the stall for idleness and jump the watermark ahead of records
     * it simply has not processed yet.
     */
    private void onWallClock(long now) {
        quietMs += Math.min(now - lastTick, 2 * PUNCTUATE_EVERY_MS);
        lastTick = now;
        if (quietMs >= policy.idleTimeoutMs()
                && services.sourceLag().caughtUp(topic, context().taskId().partition())) {
            advanceTo(Math.max(maxTimestamp, now - policy.idleTimeoutMs()));
        }
    }

    private void advanceTo(long progressTime) {
        long aligned = clock.batchStart(policy.watermark(progressTime));
        if (aligned <= announced || aligned < 0) {
            return;
        }
        announced = aligned;
        progress.put(ANNOUNCED, announced);
        int partition = context().taskId().partition();
        Watermark mark = Watermark.of(name, partition, announced, origin);
        context().forward(new Record<>(mark, mark, announced));
    }
}
