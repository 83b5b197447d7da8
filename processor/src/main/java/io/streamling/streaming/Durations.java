package io.streamling.streaming;

/** Factory of {@link Duration}s, as Spark's {@code org.apache.spark.streaming.Durations}. */
public final class Durations {

    private Durations() {
    }

    /** A duration of {@code ms} milliseconds. */
    public static Duration milliseconds(long ms) {
        return new Duration(ms);
    }

    /** A duration of {@code s} seconds. */
    public static Duration seconds(long s) {
        return new Duration(Math.multiplyExact(s, 1000L));
    }

    /** A duration of {@code m} minutes. */
    public static Duration minutes(long m) {
        return new Duration(Math.multiplyExact(m, 60_000L));
    }
}
