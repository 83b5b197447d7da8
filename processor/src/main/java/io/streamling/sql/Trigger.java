package io.streamling.sql;

import io.streamling.internal.sql.IntervalParser;
import java.util.concurrent.TimeUnit;

/**
 * When a query runs its micro-batches. Only fixed-interval triggers exist in this version; the
 * interval becomes the batch duration of the DStream program the query compiles to.
 */
public final class Trigger {

    private final long intervalMs;

    private Trigger(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /** A micro-batch every {@code interval} ({@code "2 seconds"}) that has new data. */
    public static Trigger ProcessingTime(String interval) {
        return ProcessingTime(IntervalParser.toMillis(interval));
    }

    /** A micro-batch every {@code intervalMs} milliseconds that has new data. */
    public static Trigger ProcessingTime(long intervalMs) {
        if (intervalMs < 0) {
            throw new IllegalArgumentException("interval cannot be negative");
        }
        return new Trigger(intervalMs);
    }

    /** A micro-batch every {@code interval} {@code unit}s that has new data. */
    public static Trigger ProcessingTime(long interval, TimeUnit unit) {
        return ProcessingTime(unit.toMillis(interval));
    }

    /** The interval in milliseconds; 0 (Spark's "as soon as possible") runs 1-second batches. */
    public long intervalMs() {
        return intervalMs;
    }
}
