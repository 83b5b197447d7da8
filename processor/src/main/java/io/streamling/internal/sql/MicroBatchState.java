package io.streamling.internal.sql;

import java.io.Serializable;

/**
 * What the single stateful step of a query keeps between micro-batches.
 *
 * @param nextWatermark the global watermark the next micro-batch uses
 * @param lastBatchWatermark the watermark the last micro-batch ran with (a no-data micro-batch is
 *     due when {@code nextWatermark} is past it)
 * @param watermarks per watermark of the query: max event time so far minus its delay, 0 before
 *     any data (as Spark's WatermarkTracker, so an input without data holds the minimum back)
 * @param opState the operator's own state
 * @param output what the latest DStream batch hands the sink
 */
record MicroBatchState(long nextWatermark, long lastBatchWatermark, long[] watermarks, Object opState,
        TriggerOutput output) implements Serializable {
}
