package io.streamling.internal.sql;

/**
 * What one micro-batch did, as the sink saw it.
 *
 * @param startOffset the source position before the batch (records read so far), -1 before the first
 * @param endOffset the source position after it
 * @param numInputRows source records of the batch, -1 when the plan did not count them
 * @param eventTime the progress's eventTime entries (empty without a watermark)
 * @param stateOperators what each stateful operator did (empty without one)
 */
public record BatchReport(long batchId, long triggerStartMs, long batchTimeMs, long numInputRows, long numOutputRows,
        long addBatchMs, long triggerExecutionMs, long startOffset, long endOffset, String sinkDescription,
        java.util.Map<String, String> eventTime, java.util.List<StateMetrics> stateOperators) {

    /** A report without event times or state operators. */
    public BatchReport(long batchId, long triggerStartMs, long batchTimeMs, long numInputRows, long numOutputRows,
            long addBatchMs, long triggerExecutionMs, long startOffset, long endOffset, String sinkDescription) {
        this(batchId, triggerStartMs, batchTimeMs, numInputRows, numOutputRows, addBatchMs, triggerExecutionMs,
                startOffset, endOffset, sinkDescription, java.util.Map.of(), java.util.List.of());
    }
}
