package io.streamling.internal.runtime;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Store keys that sort by batch first: 8 big-endian bytes of the batch start, then a suffix (an
 * element key, or a sequence number). RocksDB and the record cache order keys as unsigned bytes,
 * so one range scan returns whole batches in time order. Record timestamps are never negative.
 */
final class BatchKeys {

    private static final int BATCH_BYTES = Long.BYTES;

    private BatchKeys() {
    }

    static Bytes key(long batchStart, byte[] suffix) {
        return Bytes.wrap(ByteBuffer.allocate(BATCH_BYTES + suffix.length).putLong(batchStart).put(suffix).array());
    }

    static Bytes key(long batchStart, int sequence) {
        return Bytes.wrap(ByteBuffer.allocate(BATCH_BYTES + Integer.BYTES).putLong(batchStart).putInt(sequence).array());
    }

    /** The smallest key of the batch: every entry of it sorts after this bound. */
    static Bytes lowerBound(long batchStart) {
        return key(batchStart, new byte[0]);
    }

    /** Whether {@code key} is a {@link #lowerBound}: a batch with no suffix. */
    static boolean isBatchBound(Bytes key) {
        return key.get().length == BATCH_BYTES;
    }

    static long batchOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong();
    }

    static byte[] suffixOf(Bytes key) {
        byte[] bytes = key.get();
        byte[] suffix = new byte[bytes.length - BATCH_BYTES];
        System.arraycopy(bytes, BATCH_BYTES, suffix, 0, suffix.length);
        return suffix;
    }
}
