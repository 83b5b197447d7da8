package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.sql.Dataset;
import io.streamling.sql.Row;
import io.streamling.sql.SparkSession;
import io.streamling.sql.StreamingQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windowed-events example for real: JSON files → file connector → topic → append-mode query
 * with a watermark → Kafka topic {@code windowed-events-counts}. Each file moves the watermark, so
 * a no-data micro-batch follows it and writes the windows that became final.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class StructuredWindowedEventsIT {

    @TempDir
    Path input;

    @TempDir
    Path staging;

    @TempDir
    Path checkpoint;

    @Test
    void eachFinalWindowCountLandsOnceInTheTopicAndTheTooLateRowIsDropped(EmbeddedKafkaBroker broker)
            throws Exception {
        // given
        broker.createTopic(StructuredWindowedEvents.TOPIC, 1);
        SparkSession spark = SparkSession.builder().appName("windowed-events-it")
                .config("bootstrap.servers", broker.bootstrapServers()).getOrCreate();
        List<String> landed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(broker)) {
            Dataset<Row> events = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json(input.toString());
            StreamingQuery query = StructuredWindowedEvents.sink(StructuredWindowedEvents.windowedCounts(events),
                    broker.bootstrapServers(), checkpoint.toString()).start();
            try {
                // when: each file only once the one before it ran, with its no-data micro-batch
                List<List<String>> files = StructuredWindowedEvents.GUIDE_EVENTS;
                for (int i = 0; i < files.size(); i++) {
                    Path file = Files.writeString(staging.resolve("events-" + i + ".json"),
                            String.join("\n", files.get(i)) + "\n");
                    Files.move(file, input.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    int batches = 2 * (i + 1);
                    await().atMost(Duration.ofSeconds(60)).until(() -> query.recentProgress().length >= batches);
                }

                // then
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> landed.add(r.key() + " " + r.value()));
                    return landed.size() >= 6;
                });
            } finally {
                query.stop();
            }
            // the sink waits for every acknowledgement, so all it wrote is in the topic by now
            consumer.poll(Duration.ofMillis(500)).forEach(r -> landed.add(r.key() + " " + r.value()));
        } finally {
            spark.stop();
        }
        assertThat(landed).containsExactly(
                record("cat", "12:00", "12:10", 1), record("dog", "12:00", "12:10", 2),
                record("owl", "12:00", "12:10", 1), record("cat", "12:05", "12:15", 1),
                record("dog", "12:05", "12:15", 3), record("owl", "12:05", "12:15", 2));
    }

    private static String record(String word, String start, String end, long count) {
        return word + "@2026-01-01 " + start + ":00 {\"window\":{\"start\":\"2026-01-01T" + start
                + ":00.000Z\",\"end\":\"2026-01-01T" + end + ":00.000Z\"},\"word\":\"" + word + "\",\"count\":"
                + count + "}";
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.assign(List.of(new TopicPartition(StructuredWindowedEvents.TOPIC, 0)));
        return consumer;
    }
}
