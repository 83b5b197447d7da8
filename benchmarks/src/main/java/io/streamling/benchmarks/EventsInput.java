package io.streamling.benchmarks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The deterministic open/close events of the events-per-hour workload, as in the seeds' example:
 * JSON lines {@code {"time": <epoch seconds>, "action": "open"|"close"}} whose {@code time} spans
 * {@link #HOURS} hours evenly. The Kafka record timestamps follow the lines' arrival pace (the
 * {@link InputSpec}'s lines per second), so micro-batches are as many as for the word counts, while
 * the events' own time (the {@code time} field) is what is windowed. Event {@code i} goes to partition
 * {@code i % partitions}; every partition is in time order.
 *
 * <p>After the data, each partition gets {@link #MARKERS} end-marker events (actions {@code ~end-k})
 * stamped {@link InputSpec#endMarkerTime()}, so every task of a repartition sees time pass the data.
 */
final class EventsInput {

    /** Hours the events' {@code time} spans. */
    static final int HOURS = 24;
    /** End-marker events per partition: distinct keys, so every partition of a repartition gets some. */
    static final int MARKERS = 16;
    /** How both sides name an (action, hour) in their output: {@code open@2026-01-01 05:00:00}. */
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One event. */
    record Event(int index, long recordTimestamp, long timeSeconds, String action) {
        String json() {
            return "{\"time\": " + timeSeconds + ", \"action\": \"" + action + "\"}";
        }

        /** The output key of its (action, hour). */
        String key() {
            long hourStart = timeSeconds - Math.floorMod(timeSeconds, 3600L);
            return EventsInput.key(action, hourStart * 1000);
        }
    }

    private EventsInput() {
    }

    static String key(String action, long windowStartMs) {
        return action + "@" + HOUR.format(Instant.ofEpochMilli(windowStartMs));
    }

    /** Every event of {@code input} (its line count, pace and seed), in order. */
    static void forEach(InputSpec input, Consumer<Event> action) {
        SplittableRandom random = new SplittableRandom(input.seed() ^ 0xE7E57L);
        long baseSeconds = input.baseTimeMs() / 1000;
        long spanSeconds = HOURS * 3600L;
        for (int i = 0; i < input.lines(); i++) {
            long time = baseSeconds + (long) i * spanSeconds / input.lines();
            // about 60 % opens, so the two actions' counts differ
            action.accept(new Event(i, input.timestamp(i), time, random.nextInt(10) < 6 ? "open" : "close"));
        }
    }

    /** The expected count of every (action, hour) key. */
    static Map<String, Long> expectedCounts(InputSpec input) {
        Map<String, Long> counts = new HashMap<>();
        forEach(input, event -> counts.merge(event.key(), 1L, Long::sum));
        return counts;
    }

    /** Loads the events, then the end markers, into {@code topic} of {@code partitions} partitions. */
    static void load(String bootstrapServers, String topic, int partitions, InputSpec input) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] lastTime = new long[1];
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            forEach(input, event -> {
                lastTime[0] = event.timeSeconds();
                producer.send(new ProducerRecord<>(topic, event.index() % partitions, event.recordTimestamp(), null,
                        event.json()), (metadata, error) -> failure.compareAndSet(null, error));
            });
            for (int partition = 0; partition < partitions; partition++) {
                for (int k = 0; k < MARKERS; k++) {
                    Event marker = new Event(-1, input.endMarkerTime(), lastTime[0], InputSpec.MARKER_PREFIX + "end-" + k);
                    producer.send(new ProducerRecord<>(topic, partition, input.endMarkerTime(), null, marker.json()));
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading " + topic + " failed: " + failure.get(), failure.get());
        }
    }
}
