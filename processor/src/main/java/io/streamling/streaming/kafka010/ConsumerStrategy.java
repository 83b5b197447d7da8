package io.streamling.streaming.kafka010;

import java.util.List;
import java.util.Map;

/**
 * What a direct stream reads: topics and the consumer parameters of Spark's {@code ConsumerStrategy}.
 * Made by {@link ConsumerStrategies}.
 *
 * @param <K> the record key type
 * @param <V> the record value type
 */
public final class ConsumerStrategy<K, V> {

    private final List<String> topics;
    private final Map<String, Object> kafkaParams;

    ConsumerStrategy(List<String> topics, Map<String, Object> kafkaParams) {
        this.topics = topics;
        this.kafkaParams = kafkaParams;
    }

    /** The topics subscribed to. */
    public List<String> topics() {
        return topics;
    }

    /** The consumer parameters, as given. */
    public Map<String, Object> kafkaParams() {
        return kafkaParams;
    }
}
