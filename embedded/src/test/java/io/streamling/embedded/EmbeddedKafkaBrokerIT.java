package io.streamling.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaBrokerIT {

    private static EmbeddedKafkaBroker fromBeforeAll;
    private final EmbeddedKafkaBroker fromConstructor;

    EmbeddedKafkaBrokerIT(EmbeddedKafkaBroker broker) {
        this.fromConstructor = broker;
    }

    @BeforeAll
    static void captureBroker(EmbeddedKafkaBroker broker) {
        fromBeforeAll = broker;
    }

    @Test
    void injectsTheSameBrokerEverywhereInTheClass(EmbeddedKafkaBroker broker) {
        assertThat(broker).isSameAs(fromConstructor).isSameAs(fromBeforeAll);
        assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void roundTripsRecordsThroughATwoPartitionTopic(EmbeddedKafkaBroker broker) throws Exception {
        broker.createTopic("round-trip", 2);
        broker.createTopic("round-trip", 2); // exists: a no-op
        assertThat(broker.partitionCount("round-trip")).isEqualTo(2);

        try (KafkaProducer<String, String> producer = producer(broker)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("round-trip", i % 2, "k" + i, "v" + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> records = TestConsumer.readAtLeast(broker, "round-trip", 3);
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("v0", "v1", "v2");
        assertThat(records).filteredOn(r -> r.partition() == 0).extracting(ConsumerRecord::value).containsExactly("v0", "v2");
        assertThat(TestConsumer.count(broker, "round-trip")).isEqualTo(3);
    }

    @Test
    void partitionCountOfAMissingTopicFailsClearly(EmbeddedKafkaBroker broker) {
        assertThatThrownBy(() -> broker.partitionCount("no-such-topic"))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("no-such-topic");
    }

    @Test
    void shouldKeepRecordsWhoseTimestampsAreOlderThanAnyRetention() throws Exception {
        // given a broker checking retention at once and often, and records stamped in 2020
        // (a replay), which the default seven-day time retention would delete
        try (EmbeddedKafkaBroker own = EmbeddedKafkaBroker.start(Map.of(
                "log.initial.task.delay.ms", "0", "log.retention.check.interval.ms", "100"))) {
            own.createTopic("replayed", 1);
            try (KafkaProducer<String, String> producer = producer(own)) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>("replayed", 0, 1_600_000_000_000L + i, "k", "v" + i)).get();
                }
            }

            // then, many retention checks later, every record is still there
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> TestConsumer.firstOffset(own, "replayed") == 0);
            assertThat(TestConsumer.readAtLeast(own, "replayed", 3)).extracting(ConsumerRecord::value)
                    .containsExactly("v0", "v1", "v2");
        }
    }

    @Test
    void closeStopsTheBrokerAndDeletesItsDirectory() {
        EmbeddedKafkaBroker own = EmbeddedKafkaBroker.start(Map.of("message.max.bytes", "2000000"));
        Path directory = own.directory();
        assertThat(directory).isDirectory();

        own.close();
        assertThat(directory).doesNotExist();
        own.close(); // idempotent
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }
}
