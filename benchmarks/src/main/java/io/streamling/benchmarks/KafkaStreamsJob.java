package io.streamling.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The hand-written Kafka Streams topology of each workload: what a Kafka Streams user writes for
 * the same result, in the DSL, with the settings the platform notes found necessary for it to
 * be correct on pre-loaded input.
 */
final class KafkaStreamsJob implements Job {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Kafka Streams' internal name of {@code emit.interval.ms.kstreams.windowed.aggregation}. */
    static final String EMIT_INTERVAL = "__emit.interval.ms.kstreams.windowed.aggregation__";

    private final KafkaStreams streams;

    KafkaStreamsJob(JobSpec spec) {
        streams = new KafkaStreams(topology(spec), properties(spec));
    }

    static Properties properties(JobSpec spec) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, spec.appId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, spec.stateDir().toString());
        // the same commit interval as Streamling's (Kafka Streams' at-least-once default is 30 s)
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
        // onWindowClose emission is otherwise throttled to once per second of wall clock and then
        // leaves the last windows of pre-loaded input unemitted (platform notes, "Pitfalls")
        properties.put(EMIT_INTERVAL, "0");
        return properties;
    }

    static Topology topology(JobSpec spec) {
        StreamsBuilder builder = new StreamsBuilder();
        if (spec.workload() == Workload.EVENTS_PER_HOUR) {
            eventsPerHour(builder, spec);
            return builder.build();
        }
        KStream<String, String> lines = builder.stream(spec.inputTopic(), Consumed.with(Serdes.String(), Serdes.String()));
        Produced<String, String> produced = Produced.with(Serdes.String(), Serdes.String());
        KStream<String, String> words = lines.flatMapValues(line -> Arrays.asList(line.split(" ")));
        switch (spec.workload()) {
            case COPY -> lines.to(spec.outputTopic(), produced);
            case STATELESS -> words.filter((key, word) -> word.length() >= Workload.MIN_WORD_LENGTH)
                    .mapValues(word -> word.toUpperCase(Locale.ROOT))
                    .to(spec.outputTopic(), produced);
            case BATCH_COUNT -> windowedCount(words, TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(Workload.BATCH_MS)))
                    .to(spec.outputTopic(), produced);
            case SLIDING_COUNT, STRUCTURED_SLIDING_COUNT -> windowedCount(words, TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(Workload.WINDOW_MS))
                    .advanceBy(Duration.ofMillis(Workload.SLIDE_MS)))
                    .to(spec.outputTopic(), produced);
            case RUNNING_COUNT -> words.groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                    .count(Materialized.with(Serdes.String(), Serdes.Long()))
                    .toStream()
                    .map((word, count) -> KeyValue.pair(word, String.valueOf(count)))
                    .to(spec.outputTopic(), produced);
            default -> throw new IllegalArgumentException("no topology for " + spec.workload());
        }
        return builder.build();
    }

    /**
     * Events per action and hour: the event time is the JSON {@code time} field (a timestamp
     * extractor), the events are grouped by action into 1-hour tumbling windows and counted; the
     * KTable's updates go out keyed {@code action@hour start}, the count as the value.
     */
    private static void eventsPerHour(StreamsBuilder builder, JobSpec spec) {
        builder.stream(spec.inputTopic(), Consumed.with(Serdes.String(), Serdes.String())
                        .withTimestampExtractor(new EventTimeExtractor()))
                .groupBy((key, json) -> Json.field(json, "action").asText(), Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofHours(1)))
                .count(Materialized.with(Serdes.String(), Serdes.Long()))
                .toStream()
                .map((window, count) -> KeyValue.pair(EventsInput.key(window.key(), window.window().start()),
                        String.valueOf(count)))
                .to(spec.outputTopic(), Produced.with(Serdes.String(), Serdes.String()));
    }

    /** Jackson parsing of the events, as a Kafka Streams user would write it. */
    static final class Json {
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper();

        static com.fasterxml.jackson.databind.JsonNode field(String json, String name) {
            try {
                return MAPPER.readTree(json).path(name);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("not JSON: " + json, e);
            }
        }
    }

    /** The event's {@code time} field (epoch seconds) as its timestamp. */
    static final class EventTimeExtractor implements org.apache.kafka.streams.processor.TimestampExtractor {
        @Override
        public long extract(org.apache.kafka.clients.consumer.ConsumerRecord<Object, Object> record, long partitionTime) {
            return Math.round(Json.field((String) record.value(), "time").asDouble() * 1000);
        }
    }

    /** Counts per word and window, emitted once when the window closes, stamped with the window start. */
    private static KStream<String, String> windowedCount(KStream<String, String> words, TimeWindows windows) {
        return words.groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(windows)
                .emitStrategy(EmitStrategy.onWindowClose())
                .count(Materialized.with(Serdes.String(), Serdes.Long()))
                .toStream()
                .process(WindowStart::new);
    }

    /** Unwraps the window: key = word, value = count, timestamp = window start (as Streamling stamps batches). */
    private static final class WindowStart extends ContextualProcessor<Windowed<String>, Long, String, String> {
        @Override
        public void process(Record<Windowed<String>, Long> record) {
            context().forward(new Record<>(record.key().key(), String.valueOf(record.value()),
                    record.key().window().start()));
        }
    }

    @Override
    public void start() {
        streams.start();
    }

    /** Kafka Streams' own count of dropped records (late records of windowed aggregations among them). */
    @Override
    public long lateRecords() {
        double total = 0;
        for (Metric metric : streams.metrics().values()) {
            if (metric.metricName().name().equals("dropped-records-total")
                    && metric.metricValue() instanceof Number number) {
                total += number.doubleValue();
            }
        }
        return Math.round(total);
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}
