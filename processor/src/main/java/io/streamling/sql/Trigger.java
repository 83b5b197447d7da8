package io.streamling.sql;

import io.streamling.internal.sql.IntervalParser;
import java.util.concurrent.TimeUnit;

/**
 * When a query runs its micro-batches: a fixed interval ({@link #ProcessingTime(String)}), or once
 * over what is available at the start ({@link #Once()}, {@link #AvailableNow()}). The interval is
 * the batch duration of the DStream program the query compiles to. {@link #Continuous(String)}
 * exists so that Spark code compiles, and is refused by {@code start()}.
 */
public final class Trigger {

    /** The kinds of trigger. */
    public enum Kind {
        /** Fixed-interval micro-batches. */
        PROCESSING_TIME,
        /** One pass over the input available at the start, then stop. */
        ONCE,
        /** Everything available at the start, in as many micro-batches as it takes, then stop. */
        AVAILABLE_NOW,
        /** Spark's continuous processing: not supported. */
        CONTINUOUS
    }

    private final Kind kind;
    private final long intervalMs;

    private Trigger(Kind kind, long intervalMs) {
        this.kind = kind;
        this.intervalMs = intervalMs;
    }

    /** A micro-batch every {@code interval} ({@code "2 seconds"}) that has new data. */
    public static Trigger ProcessingTime(String interval) {
        return ProcessingTime(IntervalParser.toMillis(interval));
    }

    /** A micro-batch every {@code intervalMs} milliseconds that has new data. */
    public static Trigger ProcessingTime(long intervalMs) {
        if (intervalMs < 0) {
            throw new IllegalArgumentException("requirement failed: the interval of trigger should not be negative");
        }
        return new Trigger(Kind.PROCESSING_TIME, intervalMs);
    }

    /** A micro-batch every {@code interval} {@code unit}s that has new data. */
    public static Trigger ProcessingTime(long interval, TimeUnit unit) {
        return ProcessingTime(unit.toMillis(interval));
    }

    /**
     * Processes the data available at the start, then stops (Spark's deprecated {@code Once}). Here
     * it behaves as {@link #AvailableNow()}: the data may span several micro-batches, because
     * batches are cut by record timestamp.
     */
    public static Trigger Once() {
        return new Trigger(Kind.ONCE, 0);
    }

    /** Processes everything available at the start, possibly in several micro-batches, then stops. */
    public static Trigger AvailableNow() {
        return new Trigger(Kind.AVAILABLE_NOW, 0);
    }

    /**
     * Spark's experimental continuous processing, checkpointing every {@code interval}. Streamling
     * refuses it at {@code start()}: its queries always run as micro-batches.
     */
    public static Trigger Continuous(String interval) {
        return Continuous(IntervalParser.toMillis(interval));
    }

    /** As {@link #Continuous(String)}, in milliseconds. */
    public static Trigger Continuous(long intervalMs) {
        if (intervalMs < 0) {
            throw new IllegalArgumentException("requirement failed: the interval of trigger should not be negative");
        }
        return new Trigger(Kind.CONTINUOUS, intervalMs);
    }

    /** As {@link #Continuous(String)}, in {@code unit}s. */
    public static Trigger Continuous(long interval, TimeUnit unit) {
        return Continuous(unit.toMillis(interval));
    }

    /** The kind of trigger. */
    public Kind kind() {
        return kind;
    }

    /** The interval in milliseconds; 0 (Spark's "as soon as possible") runs 1-second batches. */
    public long intervalMs() {
        return intervalMs;
    }

    /** Whether the query stops by itself once the input available at its start is processed. */
    public boolean stopsWhenDone() {
        return kind == Kind.ONCE || kind == Kind.AVAILABLE_NOW;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PROCESSING_TIME -> "ProcessingTimeTrigger(" + intervalMs + ")";
            case ONCE -> "OneTimeTrigger";
            case AVAILABLE_NOW -> "AvailableNowTrigger";
            case CONTINUOUS -> "ContinuousTrigger(" + intervalMs + ")";
        };
    }
}
