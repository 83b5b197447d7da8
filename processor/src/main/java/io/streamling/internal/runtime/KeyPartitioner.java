package io.streamling.internal.runtime;

import io.streamling.internal.serde.ElementSerde;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Routes records into a repartition topic: elements by the hash of their serialized key (as
 * Kafka's default partitioner does, so the result does not depend on the JVM), and
 * {@link Watermark} markers to every partition, so that each downstream task hears every
 * upstream task.
 */
public final class KeyPartitioner implements StreamPartitioner<Object, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, Object key, Object value, int numPartitions) {
        if (value instanceof Watermark) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        byte[] keyBytes = ElementSerde.INSTANCE.serialize(topic, key);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions));
    }
}
