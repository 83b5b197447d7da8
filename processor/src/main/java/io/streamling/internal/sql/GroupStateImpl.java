package io.streamling.internal.sql;

import io.streamling.sql.GroupState;
import io.streamling.sql.GroupStateTimeout;
import java.util.Date;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One call's {@link GroupState}, with Spark's GroupStateImpl checks and messages. The timeout
 * starts unset on every call, so a key keeps one only if the function sets it again.
 */
final class GroupStateImpl<S> implements GroupState<S> {

    static final long NO_TIMESTAMP = -1;

    private final GroupStateTimeout timeoutConf;
    private final long batchTimeMs;
    private final long watermarkMs;
    private final boolean watermarkPresent;
    private final boolean timedOut;
    private S value;
    private boolean exists;
    private boolean updated;
    private boolean removed;
    private long timeoutTimestamp = NO_TIMESTAMP;

    GroupStateImpl(S value, GroupStateTimeout timeoutConf, long batchTimeMs, long watermarkMs, boolean watermarkPresent,
            boolean timedOut) {
        this.value = value;
        this.exists = value != null;
        this.timeoutConf = timeoutConf;
        this.batchTimeMs = batchTimeMs;
        this.watermarkMs = watermarkMs;
        this.watermarkPresent = watermarkPresent;
        this.timedOut = timedOut;
    }

    @Override
    public boolean exists() {
        return exists;
    }

    @Override
    public S get() {
        if (!exists) {
            throw new NoSuchElementException("State is either not defined or has already been removed");
        }
        return value;
    }

    @Override
    public Optional<S> getOption() {
        return exists ? Optional.of(value) : Optional.empty();
    }

    @Override
    public void update(S newState) {
        if (newState == null) {
            throw new IllegalArgumentException("'null' is not a valid state value");
        }
        value = newState;
        exists = true;
        updated = true;
        removed = false;
    }

    @Override
    public void remove() {
        value = null;
        exists = false;
        updated = false;
        removed = true;
    }

    @Override
    public boolean hasTimedOut() {
        return timedOut;
    }

    @Override
    public void setTimeoutDuration(long durationMs) {
        if (timeoutConf != GroupStateTimeout.ProcessingTimeTimeout) {
            throw new UnsupportedOperationException("Cannot set timeout duration without enabling processing time "
                    + "timeout in [map|flatMap]GroupsWithState");
        }
        if (durationMs <= 0) {
            throw new IllegalArgumentException("Timeout duration must be positive");
        }
        timeoutTimestamp = durationMs + batchTimeMs;
    }

    @Override
    public void setTimeoutDuration(String duration) {
        setTimeoutDuration(IntervalParser.toMillis(duration));
    }

    @Override
    public void setTimeoutTimestamp(long timestampMs) {
        if (timeoutConf != GroupStateTimeout.EventTimeTimeout) {
            throw new UnsupportedOperationException("Cannot set timeout timestamp without enabling event time timeout "
                    + "in [map|flatMap]GroupsWithState");
        }
        if (timestampMs <= 0) {
            throw new IllegalArgumentException("Timeout timestamp must be positive");
        }
        if (watermarkPresent && timestampMs < watermarkMs) {
            throw new IllegalArgumentException("Timeout timestamp (" + timestampMs
                    + ") cannot be earlier than the current watermark (" + watermarkMs + ")");
        }
        timeoutTimestamp = timestampMs;
    }

    @Override
    public void setTimeoutTimestamp(long timestampMs, String additionalDuration) {
        setTimeoutTimestamp(timestampMs + IntervalParser.toMillis(additionalDuration));
    }

    @Override
    public void setTimeoutTimestamp(Date timestamp) {
        setTimeoutTimestamp(timestamp.getTime());
    }

    @Override
    public void setTimeoutTimestamp(Date timestamp, String additionalDuration) {
        setTimeoutTimestamp(timestamp.getTime() + IntervalParser.toMillis(additionalDuration));
    }

    @Override
    public long getCurrentWatermarkMs() {
        if (!watermarkPresent) {
            throw new UnsupportedOperationException("Cannot get event time watermark timestamp without setting "
                    + "watermark before [map|flatMap]GroupsWithState");
        }
        return watermarkMs;
    }

    @Override
    public long getCurrentProcessingTimeMs() {
        return batchTimeMs;
    }

    S value() {
        return value;
    }

    boolean isUpdated() {
        return updated;
    }

    boolean isRemoved() {
        return removed;
    }

    long timeoutTimestamp() {
        return timeoutTimestamp;
    }
}
