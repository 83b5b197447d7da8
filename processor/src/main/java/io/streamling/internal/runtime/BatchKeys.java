package io.streamling.internal.runtime;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Store keys that sort by batch first: 8 big-endian bytes of the batch start, then a suffix (a
 * record number of the batch, or nothing). RocksDB and the record cache order keys as unsigned
 * bytes, so one range scan returns whole batches in time order. Record timestamps are never negative.
 */
final class BatchKeys {

    private static final int BATCH_BYTES = Long.BYTES;

    private BatchKeys() {
    }

    static Bytes key(long batchStart, int sequence) {
        return Bytes.wrap(ByteBuffer.allocate(BATCH_BYTES + Integer.BYTES).putLong(batchStart).putInt(sequence).array());
    }

    /** The smallest key of the batch: every entry of it sorts after this bound. */
    static Bytes lowerBound(long batchStart) {
        return Bytes.wrap(ByteBuffer.allocate(BATCH_BYTES).putLong(batchStart).array());
    }

    static long batchOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong();
    }
}
