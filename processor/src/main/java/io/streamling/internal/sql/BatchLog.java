package io.streamling.internal.sql;

/**
 * Where a query keeps its next batch id and source position between batches: in memory, or in its
 * checkpoint directory ({@link QueryCheckpoint}) so that a restart continues the numbering.
 */
public interface BatchLog {

    /** The id of the next micro-batch. */
    long nextBatchId();

    /** The source position (records read) after the last committed batch, -1 before any. */
    long committedOffset();

    /** Records that micro-batch {@code batchId} has been written, up to source position {@code offset}. */
    void commit(long batchId, long offset);

    /** A log that lives as long as the query object: ids start at 0. */
    static BatchLog inMemory() {
        return new BatchLog() {
            private long next;
            private long offset = -1;

            @Override
            public long nextBatchId() {
                return next;
            }

            @Override
            public long committedOffset() {
                return offset;
            }

            @Override
            public void commit(long batchId, long committed) {
                next = batchId + 1;
                offset = committed;
            }
        };
    }
}
