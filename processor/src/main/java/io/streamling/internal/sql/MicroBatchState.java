package io.streamling.internal.sql;

import java.io.Serializable;

/**
 * What the single stateful step of a query keeps between micro-batches.
 *
 * @param nextWatermark the watermark the next micro-batch uses: max event time so far minus the delay
 * @param lastBatchWatermark the watermark the last micro-batch ran with (a no-data micro-batch is
 *     due when {@code nextWatermark} is past it)
 * @param maxEventTime the largest event time seen, {@link Long#MIN_VALUE} before any
 * @param opState the operator's own state
 * @param output what the latest DStream batch hands the sink
 */
record MicroBatchState(long nextWatermark, long lastBatchWatermark, long maxEventTime, Object opState,
        TriggerOutput output) implements Serializable {
}
