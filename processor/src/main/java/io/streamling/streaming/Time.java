package io.streamling.streaming;

/**
 * A point in time in epoch milliseconds, as Spark's {@code org.apache.spark.streaming.Time}.
 * A batch's time is the end of its interval: the batch of time {@code T} holds the records with
 * timestamps in {@code [T - batchInterval, T)}.
 *
 * @param milliseconds epoch milliseconds
 */
public record Time(long milliseconds) {

    /** Prints as Spark does: {@code 1479852000000 ms}. */
    @Override
    public String toString() {
        return milliseconds + " ms";
    }
}
