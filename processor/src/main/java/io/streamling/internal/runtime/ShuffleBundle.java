package io.streamling.internal.runtime;

/**
 * Many elements bound for one partition of a repartition topic, carried as one record: a batch's
 * combined results cross the shuffle as a few records per task and partition instead of one per
 * key, which spares the per-record cost of producing, fetching and processing a Kafka record.
 *
 * @param partition the repartition topic's partition the elements belong to
 * @param count how many elements there are
 * @param elements their encodings ({@link io.streamling.internal.serde.ElementSerde}), back to back
 */
public record ShuffleBundle(int partition, int count, byte[] elements) {
}
