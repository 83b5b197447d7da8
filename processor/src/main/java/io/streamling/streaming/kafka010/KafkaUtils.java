package io.streamling.streaming.kafka010;

import io.streamling.internal.runtime.KafkaRecord;
import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Spark's {@code KafkaUtils} for the {@code spark-streaming-kafka-0-10} direct stream, so that a
 * Spark program reading Kafka ports by changing its imports:
 *
 * <pre>{@code
 * JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
 *         LocationStrategies.PreferConsistent(), ConsumerStrategies.Subscribe(topics, kafkaParams));
 * stream.mapToPair(record -> new Tuple2<>(record.key(), record.value()));
 * }</pre>
 *
 * As with Spark, a {@code ConsumerRecord} is not serializable: map records to their contents before
 * a window, state or a shuffle. Offsets are committed by Kafka Streams under the application id,
 * so Spark's {@code HasOffsetRanges} / {@code CanCommitOffsets} are not needed (nor provided).
 */
public final class KafkaUtils {

    private KafkaUtils() {
    }

    /**
     * The records of the strategy's topics, batched by record timestamp, keys and values decoded by
     * the {@code key.deserializer} and {@code value.deserializer} of its parameters (a class, a class
     * name or an instance). A new application starts where {@code auto.offset.reset} says
     * ({@code latest} when absent, the consumer's default).
     *
     * @throws IllegalArgumentException naming the parameter, for a missing or unusable deserializer or
     *     an {@code auto.offset.reset} other than {@code earliest} or {@code latest}
     */
    public static <K, V> JavaInputDStream<ConsumerRecord<K, V>> createDirectStream(JavaStreamingContext jssc,
            LocationStrategy locationStrategy, ConsumerStrategy<K, V> consumerStrategy) {
        Objects.requireNonNull(jssc, "jssc");
        Objects.requireNonNull(locationStrategy, "locationStrategy");
        Map<String, Object> params = consumerStrategy.kafkaParams();
        Deserializer<K> keys = deserializer(params, "key.deserializer", true);
        Deserializer<V> values = deserializer(params, "value.deserializer", false);
        return jssc.recordStream("createDirectStream", consumerStrategy.topics(), Optional.of(offsetReset(params)),
                record -> consumerRecord(record, keys, values));
    }

    private static <K, V> ConsumerRecord<K, V> consumerRecord(KafkaRecord record, Deserializer<K> keys,
                                                              Deserializer<V> values) {
        Headers headers = new RecordHeaders();
        record.headers().forEach(header -> headers.add(header.key(), header.value()));
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                TimestampType.CREATE_TIME, sizeOf(record.key()), sizeOf(record.value()),
                keys.deserialize(record.topic(), headers, record.key()),
                values.deserialize(record.topic(), headers, record.value()), headers, Optional.empty());
    }

    private static int sizeOf(byte[] bytes) {
        return bytes == null ? ConsumerRecord.NULL_SIZE : bytes.length;
    }

    private static String offsetReset(Map<String, Object> params) {
        Object reset = params.getOrDefault("auto.offset.reset", "latest");
        if (!"earliest".equals(reset) && !"latest".equals(reset)) {
            throw new IllegalArgumentException("createDirectStream: auto.offset.reset must be earliest or latest, got "
                    + reset);
        }
        return (String) reset;
    }

    @SuppressWarnings("unchecked")
    private static <T> Deserializer<T> deserializer(Map<String, Object> params, String key, boolean isKey) {
        Object configured = params.get(key);
        Deserializer<T> deserializer;
        try {
            if (configured instanceof Deserializer<?> instance) {
                deserializer = (Deserializer<T>) instance;
            } else if (configured instanceof Class<?> type) {
                deserializer = Utils.newInstance(type, Deserializer.class);
            } else if (configured instanceof String name) {
                deserializer = Utils.newInstance(name, Deserializer.class);
            } else {
                throw new IllegalArgumentException("createDirectStream: kafkaParams has no " + key
                        + " (a Deserializer class, class name or instance), got " + configured);
            }
        } catch (ClassNotFoundException | ClassCastException | KafkaException e) {
            throw new IllegalArgumentException("createDirectStream: " + key + " " + configured
                    + " is not a Deserializer with a public no-argument constructor: " + e, e);
        }
        deserializer.configure(params, isKey);
        return deserializer;
    }
}
