package io.streamling.streaming;

/**
 * A length of time in milliseconds, as Spark's {@code org.apache.spark.streaming.Duration}.
 * Create one with {@link Durations}.
 *
 * @param milliseconds the length in milliseconds
 */
public record Duration(long milliseconds) {

    /** Whether this duration is a whole multiple of {@code other}. */
    public boolean isMultipleOf(Duration other) {
        return other.milliseconds != 0 && milliseconds % other.milliseconds == 0;
    }

    /** Prints as Spark does: {@code 1000 ms}. */
    @Override
    public String toString() {
        return milliseconds + " ms";
    }
}
