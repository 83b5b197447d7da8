package io.streamling.internal.runtime;

import io.streamling.api.Tuple2;
import io.streamling.internal.serde.ElementSerde;
import java.io.ByteArrayOutputStream;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Packs the elements bound for a repartition topic into {@link ShuffleBundle}s, one per target
 * partition and batch, and hands them on when a marker comes (before the marker itself), when the
 * batch changes, or when a bundle reaches {@link #MAX_BUNDLE_BYTES}.
 *
 * <p>Only for streams whose elements come in batches, each followed by a marker within the same
 * call: a combine step's results at batch close. A bundle then never stays open across a commit,
 * so a crash cannot lose what its input offsets say was processed.
 */
public final class ShuffleBundler extends ContextualProcessor<Object, Object, Object, Object> {

    /** A bundle this large is handed on at once: well under Kafka's default 1 MB record limit. */
    static final int MAX_BUNDLE_BYTES = 256 * 1024;

    private final int partitions;
    private final OpenBundle[] open;
    private long batchTime;
    private boolean pending;

    /** @param partitions the repartition topic's partition count */
    public ShuffleBundler(int partitions) {
        this.partitions = partitions;
        this.open = new OpenBundle[partitions];
        for (int i = 0; i < partitions; i++) {
            open[i] = new OpenBundle();
        }
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark) {
            flushAll();
            context().forward(record);
            return;
        }
        if (pending && record.timestamp() != batchTime) {
            flushAll();
        }
        int partition;
        byte[] element;
        if (record.value() instanceof Tuple2<?, ?> pair && pair._1() == record.key()) {
            // a pair routes by its key: encode the key once, for the partition and for the bundle
            byte[] key = ElementSerde.INSTANCE.serialize(null, pair._1());
            partition = KeyPartitioner.partitionOfEncoded(key, partitions);
            element = ElementSerde.INSTANCE.serializePair(key, pair._2());
        } else {
            partition = KeyPartitioner.partitionOf(record.key(), partitions);
            element = ElementSerde.INSTANCE.serialize(null, record.value());
        }
        OpenBundle bundle = open[partition];
        bundle.add(element);
        batchTime = record.timestamp();
        pending = true;
        if (bundle.elements.size() >= MAX_BUNDLE_BYTES) {
            flush(partition);
        }
    }

    private void flushAll() {
        for (int partition = 0; partition < partitions; partition++) {
            flush(partition);
        }
        pending = false;
    }

    private void flush(int partition) {
        OpenBundle bundle = open[partition];
        if (bundle.count == 0) {
            return;
        }
        ShuffleBundle packed = new ShuffleBundle(partition, bundle.count, bundle.elements.toByteArray());
        bundle.clear();
        context().forward(new Record<>(partition, packed, batchTime));
    }

    /** The elements gathered so far for one partition. */
    private static final class OpenBundle {
        final ByteArrayOutputStream elements = new ByteArrayOutputStream(4096);
        int count;

        void add(byte[] element) {
            elements.writeBytes(element);
            count++;
        }

        void clear() {
            elements.reset();
            count = 0;
        }
    }
}
