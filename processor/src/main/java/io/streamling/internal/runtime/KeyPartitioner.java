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
 * upstream task, and a {@link ShuffleBundle} to the partition it was made for.
 */
public final class KeyPartitioner implements StreamPartitioner<Object, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, Object key, Object value, int numPartitions) {
        if (value instanceof Watermark) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        if (value instanceof ShuffleBundle bundle) {
            return Optional.of(Set.of(bundle.partition()));
        }
        return Optional.of(Set.of(partitionOf(key, numPartitions)));
    }

    /** The partition of an element with routing key {@code key}, out of {@code numPartitions}. */
    static int partitionOf(Object key, int numPartitions) {
        return partitionOfEncoded(ElementSerde.INSTANCE.serialize(null, key), numPartitions);
    }

    /** The partition of an element whose routing key encodes as {@code keyBytes}. */
    static int partitionOfEncoded(byte[] keyBytes, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions;
    }
}
