package io.streamling.streaming.scheduler;

import io.streamling.streaming.Time;

/**
 * Hears about the progress of a streaming program, as Spark's
 * {@code org.apache.spark.streaming.scheduler.StreamingListener}. Callbacks run on a processing
 * thread: keep them short.
 */
public interface StreamingListener {

    /**
     * The program has started.
     *
     * @param time the wall-clock time it started at
     */
    default void onStreamingStarted(Time time) {
    }

    /**
     * An output operation has run for the batch of {@code batchTime} (including an empty batch).
     *
     * @param batchTime the batch time (the end of the batch interval)
     * @param numRecords the number of elements the output operation saw in that batch
     */
    default void onBatchCompleted(Time batchTime, long numRecords) {
    }
}
