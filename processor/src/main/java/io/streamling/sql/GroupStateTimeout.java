package io.streamling.sql;

/**
 * Which timeout the keys of a {@code [flat]MapGroupsWithState} may set, as Spark's: none,
 * processing time ({@link GroupState#setTimeoutDuration}) or event time
 * ({@link GroupState#setTimeoutTimestamp}, needs {@code withWatermark}).
 */
public enum GroupStateTimeout {
    /** Keys never time out. */
    NoTimeout,
    /** A key times out once the batch time passes its duration. */
    ProcessingTimeTimeout,
    /** A key times out once the watermark passes its timestamp. */
    EventTimeTimeout;

    /** Spark's factory method name. */
    public static GroupStateTimeout NoTimeout() {
        return NoTimeout;
    }

    /** Spark's factory method name. */
    public static GroupStateTimeout ProcessingTimeTimeout() {
        return ProcessingTimeTimeout;
    }

    /** Spark's factory method name. */
    public static GroupStateTimeout EventTimeTimeout() {
        return EventTimeTimeout;
    }
}
