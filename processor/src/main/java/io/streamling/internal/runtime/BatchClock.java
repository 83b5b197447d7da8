package io.streamling.internal.runtime;

/**
 * Epoch-aligned batches of one interval: batch {@code b} holds the timestamps in
 * {@code [b·B, (b+1)·B)}. A batch is named by its start; Spark's batch time is its end.
 *
 * @param intervalMs the batch interval B in milliseconds
 */
public record BatchClock(long intervalMs) {

    /** Validates the interval. */
    public BatchClock {
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("batch interval must be positive, got " + intervalMs + " ms");
        }
    }

    /** The start of the batch that holds {@code timestamp}. */
    public long batchStart(long timestamp) {
        return timestamp - Math.floorMod(timestamp, intervalMs);
    }

    /** The end (exclusive) of the batch that starts at {@code batchStart}: Spark's batch time. */
    public long batchEnd(long batchStart) {
        return batchStart + intervalMs;
    }
}
