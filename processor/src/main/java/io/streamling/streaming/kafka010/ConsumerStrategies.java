package io.streamling.streaming.kafka010;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Spark's {@code ConsumerStrategies}: which topics a direct stream reads, with which consumer parameters. */
public final class ConsumerStrategies {

    private ConsumerStrategies() {
    }

    /**
     * The records of {@code topics}. Of {@code kafkaParams}, the key and value deserializers decode
     * the records and {@code auto.offset.reset} says where a new application starts; the cluster is
     * the streaming context's, and the group is its application id (Kafka Streams commits offsets).
     *
     * @throws IllegalArgumentException if there is no topic
     */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(kafkaParams, "kafkaParams");
        if (topics.isEmpty() || topics.stream().anyMatch(topic -> topic == null || topic.isBlank())) {
            throw new IllegalArgumentException("Subscribe: topics must be one or more topic names, got " + topics);
        }
        return new ConsumerStrategy<>(List.copyOf(topics), Collections.unmodifiableMap(new HashMap<>(kafkaParams)));
    }
}
