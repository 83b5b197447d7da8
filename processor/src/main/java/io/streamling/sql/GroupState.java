package io.streamling.sql;

import java.util.Date;
import java.util.Optional;

/**
 * The state of one key in {@code [flat]MapGroupsWithState}, as Spark's {@code GroupState}. Valid
 * only inside the call it is passed to; not thread-safe.
 *
 * @param <S> the state type
 */
public interface GroupState<S> {

    /** Whether the key has state. */
    boolean exists();

    /**
     * The state.
     *
     * @throws java.util.NoSuchElementException when there is none
     */
    S get();

    /** The state, if any. */
    Optional<S> getOption();

    /**
     * Sets the state.
     *
     * @throws IllegalArgumentException for null
     */
    void update(S newState);

    /** Removes the state; {@link #exists()} is false until the next {@link #update}. */
    void remove();

    /** Whether this call is for a timeout (then there are no values). */
    boolean hasTimedOut();

    /** Times the key out when no values arrived for {@code durationMs} of processing time (ProcessingTimeTimeout). */
    void setTimeoutDuration(long durationMs);

    /** {@link #setTimeoutDuration(long)} with an interval string, e.g. {@code "1 hour"}. */
    void setTimeoutDuration(String duration);

    /** Times the key out once the watermark passes {@code timestampMs} (EventTimeTimeout); at least the watermark. */
    void setTimeoutTimestamp(long timestampMs);

    /** {@link #setTimeoutTimestamp(long)} plus an interval string. */
    void setTimeoutTimestamp(long timestampMs, String additionalDuration);

    /** {@link #setTimeoutTimestamp(long)} from a date. */
    void setTimeoutTimestamp(Date timestamp);

    /** {@link #setTimeoutTimestamp(long)} from a date plus an interval string. */
    void setTimeoutTimestamp(Date timestamp, String additionalDuration);

    /**
     * The watermark of the current trigger (ms).
     *
     * @throws UnsupportedOperationException when the query has no watermark
     */
    long getCurrentWatermarkMs();

    /** The processing time of the current trigger (ms), the same for every key. */
    long getCurrentProcessingTimeMs();
}
