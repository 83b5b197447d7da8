package io.streamling.internal.sql;

import java.io.Serializable;

/**
 * What one stateful operator held and changed in one micro-batch, for the progress's
 * {@code stateOperators}, with Spark's meanings: rows (keys) in the state after the batch, keys
 * the batch wrote into it, keys it evicted, and the batch's grouped rows dropped as later than
 * the watermark (Spark counts them after partial aggregation: one per key, not per input row).
 */
public record StateMetrics(String operatorName, long numRowsTotal, long numRowsUpdated, long numRowsRemoved,
        long numRowsDroppedByWatermark) implements Serializable {

    /** Spark's name for the aggregation's state operator. */
    public static final String AGGREGATION = "stateStoreSave";
}
