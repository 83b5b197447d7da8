package io.streamling.benchmarks;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes an {@link InputSpec}'s lines, then one end marker per partition, to a topic. */
final class InputLoader {

    private InputLoader() {
    }

    /** Loads {@code input} into {@code topic}, which has {@code partitions} partitions. */
    static void load(String bootstrapServers, String topic, int partitions, InputSpec input) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (Iterator<InputSpec.Line> lines = input.iterator(); lines.hasNext(); ) {
                InputSpec.Line line = lines.next();
                producer.send(new ProducerRecord<>(topic, line.index() % partitions, line.timestamp(), null, line.text()),
                        (metadata, error) -> failure.compareAndSet(null, error));
            }
            String marker = InputSpec.endMarkerLine(partitions);
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, input.endMarkerTime(), null, marker));
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading " + topic + " failed: " + failure.get(), failure.get());
        }
    }
}
