package io.streamling.connect.file;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning in tests, without a consumer group. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    /**
     * @param bootstrapServers the cluster
     * @param topic            the topic, read from its start
     * @param readCommitted    whether to read only committed transactions
     */
    TopicReader(String bootstrapServers, String topic, boolean readCommitted) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is there now (one short poll) and returns everything read so far. */
    List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return records;
    }

    /** Reads until at least {@code count} records were read, within {@code timeout}. */
    List<ConsumerRecord<String, String>> readAtLeast(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(1)).until(() -> poll().size() >= count);
        return records;
    }

    /** Reads {@code count} records, then checks that no more arrive for a while. */
    List<ConsumerRecord<String, String>> readExactly(int count, Duration timeout) {
        readAtLeast(count, timeout);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> poll().size() == count);
        return records;
    }

    /** @return the values read so far */
    List<String> values() {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** Reads all of a topic that holds exactly {@code count} records. */
    static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, int count) {
        try (TopicReader reader = new TopicReader(bootstrapServers, topic, false)) {
            return List.copyOf(reader.readExactly(count, Duration.ofSeconds(60)));
        }
    }
}
