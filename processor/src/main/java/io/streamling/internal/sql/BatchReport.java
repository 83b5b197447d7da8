package io.streamling.internal.sql;

/**
 * What one micro-batch did, as the sink saw it.
 *
 * @param startOffset the source position before the batch (records read so far), -1 before the first
 * @param endOffset the source position after it
 * @param numInputRows source records of the batch, -1 when the plan did not count them
 */
public record BatchReport(long batchId, long triggerStartMs, long batchTimeMs, long numInputRows, long numOutputRows,
        long addBatchMs, long triggerExecutionMs, long startOffset, long endOffset, String sinkDescription) {
}
