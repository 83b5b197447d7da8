package io.streamling.internal.sql;

/** Hears what the sink does with each trigger: the query's progress reporter. Called on the stream thread. */
public interface BatchObserver {

    /** Hears nothing (the test kit without monitoring). */
    BatchObserver NONE = new BatchObserver() {
    };

    /** A micro-batch with new data starts, at wall-clock {@code wallMs}. */
    default void triggerStarted(long wallMs) {
    }

    /** A micro-batch has been written. */
    default void batchCompleted(BatchReport report) {
    }

    /** A trigger (the DStream batch of {@code batchTimeMs}) had no new data: no micro-batch. */
    default void idle(long batchTimeMs) {
    }
}
